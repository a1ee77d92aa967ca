package org.isoscoring.drools;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The points a rule gave one sub-criterion of one assessment, and why.
 *
 * @param sheet     the assessment
 * @param criterion the sub-criterion, from the rule's {@code @criterion} metadata
 * @param points    the points
 * @param rule      the name of the rule that gave them
 * @param why       the rule's reasons with the facts filled in, and the facts they quoted (filled when first read)
 */
public record Award(BaseSheet sheet, String criterion, BigDecimal points, String rule, Reason why) {

    /**
     * An award whose reason is already written, in Vietnamese only, with the facts it quoted.
     *
     * @param sheet     the assessment
     * @param criterion the sub-criterion, for example {@code 7.1}
     * @param points    the points
     * @param rule      the name of the rule that gave them
     * @param reason    the reason, with the facts already filled in; it is the English reason too
     * @param facts     the facts the reason quoted, by name, as given in the request
     */
    public Award(BaseSheet sheet, String criterion, BigDecimal points, String rule, String reason,
                 Map<String, String> facts) {
        this(sheet, criterion, points, rule, Reason.written(reason, facts));
    }

    /**
     * The rule's reason with the facts filled in.
     *
     * @return the reason in Vietnamese
     */
    public String reason() {
        return why.vietnamese();
    }

    /**
     * The rule's English reason with the facts filled in.
     *
     * @return the reason in English, or the Vietnamese one when the rule gave none
     */
    public String reasonEn() {
        return why.english();
    }

    /**
     * The facts the reasons quoted, as given in the request.
     *
     * @return each fact's value by name, as text (a ratio as {@code part/whole}); an unmodifiable map
     */
    public Map<String, String> facts() {
        return why.facts();
    }

    /**
     * Awards are told apart by identity: the truth maintenance of {@code insertLogical} hashes every award it
     * keeps, and two rules never give one award anyway (their names differ).
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
