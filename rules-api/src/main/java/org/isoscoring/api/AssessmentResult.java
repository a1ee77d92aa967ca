package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The score of one assessment.
 *
 * @param agency       the agency assessed
 * @param assessor     who scored it
 * @param points       points per sub-criterion, every sub-criterion of the guidance in catalog order; immutable, and
 *                     not copied when made by {@link #pointsInOrder}, else copied
 * @param subtotal     the sum of {@code points}
 * @param penalty      points taken after the criteria (an over-scoring penalty on an agency's final assessment),
 *                     else 0
 * @param total        {@code max(0, subtotal - penalty)}
 * @param rating       the rating of {@code total}, one of the guidance's ratings
 * @param explanations one per sub-criterion, in catalog order; immutable, and kept as given when made by
 *                     {@link Explanation#madeOnRead}, else copied
 */
public record AssessmentResult(String agency, String assessor, Map<String, BigDecimal> points,
                               BigDecimal subtotal, BigDecimal penalty, BigDecimal total, String rating,
                               List<Explanation> explanations) {

    public AssessmentResult {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(points, "points");
        points = Collections.unmodifiableMap(points instanceof PointsInOrder ? points : new LinkedHashMap<>(points));
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(explanations, "explanations");
        explanations = explanations instanceof ExplanationsOnRead ? explanations : List.copyOf(explanations);
    }

    /**
     * Points by sub-criterion for {@code points}: an immutable map in the order of {@code criteria}, which a result
     * keeps as it is instead of copying it. Made for an engine that scores many assessments of one catalog: it
     * shares {@code criteria} (when it is an immutable list) and copies only the points.
     *
     * @param criteria the sub-criteria, each once
     * @param points   their points, in the same order
     * @throws IllegalArgumentException when the sizes differ or a sub-criterion is given twice
     */
    public static Map<String, BigDecimal> pointsInOrder(List<String> criteria, BigDecimal... points) {
        return new PointsInOrder(criteria, points);
    }

    /** The explanation of one sub-criterion. */
    public Explanation explanation(String criterion) {
        return explanations.stream().filter(e -> e.criterion().equals(criterion)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sub-criterion " + criterion));
    }
}
