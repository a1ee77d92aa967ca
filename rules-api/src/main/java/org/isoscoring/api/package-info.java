/**
 * Scoring requests and their results: a {@link org.isoscoring.api.ScoringRequest} read by
 * {@link org.isoscoring.api.ScoringJson} or built in Java, scored by {@link org.isoscoring.api.ScoringEngine}, into a
 * {@link org.isoscoring.api.ScoringResult}. What a guidance scores (its facts, agency kinds, assessors, ratings and
 * group figures) is its {@link org.isoscoring.api.Vocabulary}, declared in the guidance's folder.
 */
package org.isoscoring.api;
