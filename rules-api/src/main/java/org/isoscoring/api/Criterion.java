package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A criterion of a guidance's catalog, or one of its sub-criteria (which have none of their own).
 *
 * @param id               for example {@code 7} or {@code 7.1}
 * @param max              its maximum points
 * @param title            its Vietnamese title
 * @param titleForDistrict its title for a district where that differs (criterion 15), else {@code null}
 * @param subCriteria      its sub-criteria, in catalog order; empty for a sub-criterion
 */
public record Criterion(String id, BigDecimal max, String title, String titleForDistrict,
                        List<Criterion> subCriteria) {

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(title, "title");
        subCriteria = List.copyOf(subCriteria);
    }

    /** The title for an agency of this kind. */
    public String titleFor(AgencyKind kind) {
        return kind == AgencyKind.DISTRICT && titleForDistrict != null ? titleForDistrict : title;
    }
}
