package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.isoscoring.api.spi.ResultParts;

/**
 * The score of one assessment.
 *
 * @param agency       the agency assessed
 * @param assessor     who scored it
 * @param points       points per sub-criterion, every sub-criterion of the guidance in catalog order; an immutable
 *                     copy
 * @param subtotal     the sum of {@code points}
 * @param penalty      points taken after the criteria (an over-scoring penalty on an agency's final assessment),
 *                     else 0
 * @param total        {@code max(0, subtotal - penalty)}
 * @param rating       the rating of {@code total}, one of the guidance's ratings
 * @param explanations one per sub-criterion, in catalog order; an immutable copy
 */
public record AssessmentResult(String agency, String assessor, Map<String, BigDecimal> points,
                               BigDecimal subtotal, BigDecimal penalty, BigDecimal total, String rating,
                               List<Explanation> explanations) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param agency       the agency assessed
     * @param assessor     who scored it
     * @param points       points per sub-criterion, every sub-criterion of the guidance in catalog order; an immutable
     *                     copy
     * @param subtotal     the sum of {@code points}
     * @param penalty      points taken after the criteria (an over-scoring penalty on an agency's final assessment),
     *                     else 0
     * @param total        {@code max(0, subtotal - penalty)}
     * @param rating       the rating of {@code total}, one of the guidance's ratings
     * @param explanations one per sub-criterion, in catalog order; an immutable copy
     * @throws NullPointerException when a required component is {@code null}
     */
    public AssessmentResult {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(points, "points");
        points = Collections.unmodifiableMap(ResultParts.kept(points) ? points : new LinkedHashMap<>(points));
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(explanations, "explanations");
        explanations = ResultParts.kept(explanations) ? explanations : List.copyOf(explanations);
    }

    /**
     * The explanation of one sub-criterion.
     *
     * @param criterion the sub-criterion id, for example {@code 7.1}
     * @return why it got its points
     * @throws IllegalArgumentException when the result has no sub-criterion {@code criterion}
     */
    public Explanation explanation(String criterion) {
        return explanations.stream().filter(e -> e.criterion().equals(criterion)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sub-criterion " + criterion));
    }
}
