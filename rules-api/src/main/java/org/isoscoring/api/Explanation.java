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
 * @param reasonEn  the same reason in English (numbers and dates written the English way); the Vietnamese reason
 *                  when the rule gives no English one
 * @param facts     the facts the rule used, by name, as written in the request
 */
public record Explanation(String criterion, BigDecimal points, BigDecimal max, String rule, String reason,
                          String reasonEn, Map<String, String> facts) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param criterion the sub-criterion id, for example {@code 7.1}
     * @param points    the points awarded
     * @param max       the sub-criterion's maximum
     * @param rule      the name of the rule that fired, as written in its rule file
     * @param reason    the reason in Vietnamese, quoting the facts used
     * @param reasonEn  the same reason in English (numbers and dates written the English way); the Vietnamese reason
     *                  when the rule gives no English one
     * @param facts     the facts the rule used, by name, as written in the request
     * @throws NullPointerException when a required component is {@code null}
     */
    public Explanation {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        reasonEn = reasonEn == null ? reason : reasonEn;
        facts = Map.copyOf(Objects.requireNonNull(facts, "facts"));
    }

    /**
     * The reason in English when {@code english}, else in Vietnamese.
     *
     * @param english {@code true} for English, {@code false} for Vietnamese
     * @return {@code reasonEn} or {@code reason}
     */
    public String reason(boolean english) {
        return english ? reasonEn : reason;
    }
}
