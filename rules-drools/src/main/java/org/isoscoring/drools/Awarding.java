package org.isoscoring.drools;

import org.isoscoring.rules.Penalty;
import org.isoscoring.rules.Rated;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The engine's side of {@link org.isoscoring.rules.Awards}, which rule files call: an award is kept on its assessment
 * when nothing can take it back (decision 53) or inserted as a fact, with its rule's name and its reasons, filled when
 * first read ({@link Reason}); a penalty, a rating and a group's figures are inserted logically. Not for rule files.
 */
public final class Awarding {

    /** Points by their text: a rule gives a constant. */
    private static final Map<String, BigDecimal> POINTS = new ConcurrentHashMap<>();

    private Awarding() {
    }

    /**
     * Gives points to the sub-criterion of the firing rule ({@link org.isoscoring.rules.Awards#award}): the award is
     * kept on the assessment when its rule matches assessments only ({@link Settled}), else inserted logically.
     *
     * @param context  the rule's {@code kcontext}
     * @param sheet    the assessment
     * @param points   the points, as an exact decimal
     * @param reason   the reason in Vietnamese, quoting facts as {@code {name}}
     * @param reasonEn the same reason in English, or {@code null} for none
     * @param others   other facts the reasons may quote (a district's record, a tally); may be empty
     * @throws IllegalArgumentException when a reason quotes a name that is no fact of {@code sheet} or
     *                                  {@code others}
     */
    public static void give(RuleContext context, BaseSheet sheet, String points, String reason, String reasonEn,
                            Object[] others) {
        Settled.Mark mark;
        Said said;
        if (context instanceof Site site) { // a rule fired without the network (Direct)
            mark = site.mark();
            said = site.said(points, reason, reasonEn);
        } else {
            mark = Settled.of(context.getRule());
            said = Said.of(points, reason, reasonEn);
        }
        Award award = new Award(sheet, mark.criterion(), said.points(), context.getRule().getName(),
                Reason.of(said.texts(), sheet, others));
        if (mark.settled()) {
            sheet.give(award, mark.position(), mark.size()); // nothing can take it back: it enters in the sheet's Tally
        } else {
            context.insertLogical(award);
        }
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
        context.insertLogical(new Penalty(agency, POINTS.computeIfAbsent(points, BigDecimal::new),
                context.getRule().getName()));
    }

    /**
     * Rates an assessment's total.
     *
     * @param context the rule's {@code kcontext}
     * @param total   the total
     * @param rating  the rating of the band, one of the guidance's {@code Rating}s
     */
    public static void rate(RuleContext context, BaseTotal total, Enum<?> rating) {
        context.insertLogical(new Rated(total.getSheet(), rating, context.getRule().getName()));
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
        java.util.Map<String, Object> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < figures.length; i += 2) {
            byName.put(String.valueOf(figures[i]), figures[i + 1]);
        }
        if (figures.length % 2 != 0) {
            byName.put(String.valueOf(figures[figures.length - 1]), Figures.MISSING);
        }
        context.insertLogical(new Figures(group, agency, java.util.Collections.unmodifiableMap(byName),
                context.getRule().getName()));
    }

    /**
     * What an award statement passes as constants, made into points and split reasons.
     *
     * @param text     the points as written
     * @param points   the points
     * @param reason   the Vietnamese reason as written
     * @param reasonEn the English reason as written, or {@code null}
     * @param texts    the reasons, split
     */
    record Said(String text, BigDecimal points, String reason, String reasonEn, Reason.Texts texts) {

        static Said of(String points, String reason, String reasonEn) {
            return new Said(points, POINTS.computeIfAbsent(points, BigDecimal::new), reason, reasonEn,
                    Reason.texts(reason, reasonEn));
        }

        /** Whether a statement passed these very strings (a rule's constants are the same objects each time). */
        boolean same(String points, String reason, String reasonEn) {
            return text == points && this.reason == reason && this.reasonEn == reasonEn;
        }
    }

    /**
     * The context of a rule that keeps what it said last: its award statement, whose constants are the same each
     * time, is then not looked up again.
     */
    interface Site {

        /** The rule's mark. */
        Settled.Mark mark();

        /** What the rule's statement said, made once for the same strings. */
        Said said(String points, String reason, String reasonEn);
    }

    /** A metadata value without the quotes DRL keeps, or "" for none. */
    static String unquoted(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.intern();
    }

}
