package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Why a sub-criterion got its points: the rule that fired, and the facts it used.
 *
 * @param criterion the sub-criterion id, for example {@code 7.1}
 * @param points    the points awarded
 * @param max       the sub-criterion's maximum
 * @param rule      the name of the rule that fired, as written in its rule file
 * @param reason    the reason in Vietnamese, quoting the facts used
 * @param facts     the facts the rule used, by name, as written in the request
 */
public record Explanation(String criterion, BigDecimal points, BigDecimal max, String rule, String reason,
                          Map<String, String> facts) {

    public Explanation {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        facts = Map.copyOf(Objects.requireNonNull(facts, "facts"));
    }
}
