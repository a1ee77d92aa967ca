package org.isoscoring.rules;

import org.isoscoring.drools.Awarding;
import org.isoscoring.drools.BaseSheet;
import org.isoscoring.drools.BaseTotal;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to give points, take points, rate a total and report a group's figures. In a rule
 * file:
 *
 * <pre>
 * import function org.isoscoring.rules.Awards.award;
 * ...
 * then
 *     award(kcontext, $s, "8", "{dossiersOnTime}/{dossiersResolved} hồ sơ đúng hạn");
 * </pre>
 *
 * <p>The sub-criterion comes from the rule's {@code @criterion("7.1")} metadata, the rule's name is kept as the
 * explanation, and every {@code {name}} in the reason is replaced by that fact of the assessment (or of the other
 * facts given after the reason) and listed as a fact the rule used.
 *
 * <p>A second reason, in English, may follow the Vietnamese one:
 * {@code award(kcontext, $s, "8", "{onTimeRate} hồ sơ đúng hạn", "{onTimeRate} of dossiers on time")}. It is filled
 * the same way, with numbers and dates written the English way ({@code 99.33%}, {@code 2022-03-15}, yes/no);
 * without it the English reason is the Vietnamese one. The reasons are filled when first read; that every
 * {@code {name}} names a fact is checked when the rule fires.
 */
public final class Awards {

    private static final Object[] NO_OTHERS = {};

    private Awards() {
    }

    /**
     * Gives {@code points} ("2", "1.5") to the sub-criterion of the firing rule, for one assessment.
     *
     * @param context the rule's {@code kcontext}
     * @param sheet   the assessment
     * @param points  the points, as an exact decimal
     * @param reason  the reason, quoting facts as {@code {name}}
     * @param others  other facts the reason may quote (a district's record, a tally)
     */
    public static void award(RuleContext context, BaseSheet sheet, String points, String reason, Object... others) {
        Awarding.give(context, sheet, points, reason, null, others);
    }

    /**
     * {@link #award(RuleContext, BaseSheet, String, String, Object...)} quoting the assessment's facts only:
     * {@code award(kcontext, $s, "4", "{staffTrained}/{staffTotal} CBCC được đào tạo")}.
     *
     * @param context the rule's {@code kcontext}
     * @param sheet   the assessment
     * @param points  the points, as an exact decimal
     * @param reason  the reason, quoting the assessment's facts as {@code {name}}
     */
    public static void award(RuleContext context, BaseSheet sheet, String points, String reason) {
        Awarding.give(context, sheet, points, reason, null, NO_OTHERS);
    }

    /**
     * {@link #award(RuleContext, BaseSheet, String, String, String, Object...)} quoting the assessment's facts only.
     *
     * @param context  the rule's {@code kcontext}
     * @param sheet    the assessment
     * @param points   the points, as an exact decimal
     * @param reason   the reason in Vietnamese, quoting the assessment's facts as {@code {name}}
     * @param reasonEn the same reason in English, quoting facts the same way
     */
    public static void award(RuleContext context, BaseSheet sheet, String points, String reason, String reasonEn) {
        Awarding.give(context, sheet, points, reason, reasonEn, NO_OTHERS);
    }

    /**
     * Gives {@code points} with a reason in Vietnamese and in English.
     *
     * @param context  the rule's {@code kcontext}
     * @param sheet    the assessment
     * @param points   the points, as an exact decimal
     * @param reason   the reason in Vietnamese, quoting facts as {@code {name}}
     * @param reasonEn the same reason in English, quoting facts the same way
     * @param others   other facts the reasons may quote (a district's record, a tally)
     */
    public static void award(RuleContext context, BaseSheet sheet, String points, String reason, String reasonEn,
                             Object... others) {
        Awarding.give(context, sheet, points, reason, reasonEn, others);
    }

    /**
     * Takes {@code points} from the total of an agency's final assessment (a {@link Penalty}; the guidance's rule of
     * the total subtracts it).
     *
     * @param context the rule's {@code kcontext}
     * @param agency  the agency's id
     * @param points  the points, as an exact decimal
     */
    public static void penalize(RuleContext context, String agency, String points) {
        Awarding.penalize(context, agency, points);
    }

    /**
     * Rates an assessment's total.
     *
     * @param context the rule's {@code kcontext}
     * @param total   the total
     * @param rating  the rating of the band, one of the guidance's {@code Rating}s
     */
    public static void rate(RuleContext context, BaseTotal total, Enum<?> rating) {
        Awarding.rate(context, total, rating);
    }

    /**
     * Reports figures of a group the guidance declares ({@code groups} of guidance.json), in pairs of a figure's name
     * and its value: {@code report(kcontext, "districts", $d, "communes", $n, "onSite", $k)}. The engine checks them
     * against the declarations when it reads the results.
     *
     * @param context the rule's {@code kcontext}
     * @param group   the group's id
     * @param agency  the agency the report is of, or {@code null} for the report of the whole request
     * @param figures names and values, alternately
     */
    public static void report(RuleContext context, String group, String agency, Object... figures) {
        Awarding.report(context, group, agency, figures);
    }
}
