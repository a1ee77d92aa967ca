package org.isoscoring.drools;

/**
 * The size of the guidance's catalog, so that a rule can wait until every sub-criterion of an assessment has
 * its award.
 *
 * @param subCriteria the number of sub-criteria
 */
public record Catalog(int subCriteria) {
}
