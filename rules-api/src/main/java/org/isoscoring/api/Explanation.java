package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

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

    public Explanation {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        reasonEn = reasonEn == null ? reason : reasonEn;
        facts = Map.copyOf(Objects.requireNonNull(facts, "facts"));
    }

    /** An explanation whose reason is Vietnamese only (its English reason is the Vietnamese one). */
    public Explanation(String criterion, BigDecimal points, BigDecimal max, String rule, String reason,
                       Map<String, String> facts) {
        this(criterion, points, max, rule, reason, reason, facts);
    }

    /**
     * An immutable list of {@code size} explanations, each made by {@code make} the first time it is read, and
     * kept. An engine gives its results' explanations this way: writing the reasons of a national request's
     * 390,000 explanations is most of the time of scoring it, and a caller that reads totals and ratings only
     * does not pay for them. {@code make} must give equal explanations for equal indexes, from any thread.
     *
     * @param size the number of explanations
     * @param make makes the explanation of an index, from 0 to {@code size - 1}
     * @return the list, which {@link AssessmentResult} keeps as it is
     */
    public static List<Explanation> madeOnRead(int size, IntFunction<Explanation> make) {
        return new ExplanationsOnRead(size, make);
    }

    /** The reason in English when {@code english}, else in Vietnamese. */
    public String reason(boolean english) {
        return english ? reasonEn : reason;
    }
}
