package org.isoscoring.drools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to give points. In a rule file:
 *
 * <pre>
 * import function org.isoscoring.drools.Awards.award;
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
 * without it the English reason is the Vietnamese one.
 */
public final class Awards {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    public static void award(RuleContext context, Sheet sheet, String points, String reason, Quotable... others) {
        String criterion = metadata(context, "criterion");
        Map<String, String> used = new LinkedHashMap<>();
        String text = fill(reason, sheet, others, used, false);
        context.insertLogical(new Award(sheet, criterion, new BigDecimal(points), context.getRule().getName(), text,
                used));
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
    public static void award(RuleContext context, Sheet sheet, String points, String reason, String reasonEn,
                             Quotable... others) {
        String criterion = metadata(context, "criterion");
        Map<String, String> used = new LinkedHashMap<>();
        String text = fill(reason, sheet, others, used, false);
        String english = fill(reasonEn, sheet, others, used, true);
        context.insertLogical(new Award(sheet, criterion, new BigDecimal(points), context.getRule().getName(), text,
                english, used));
    }

    /**
     * Takes {@code points} from the total of a district's final assessment.
     *
     * @param context  the rule's {@code kcontext}
     * @param district the district's id
     * @param points   the points, as an exact decimal
     */
    public static void penalize(RuleContext context, String district, String points) {
        context.insertLogical(new DistrictPenalty(district, new BigDecimal(points), context.getRule().getName()));
    }

    /**
     * Rates an assessment's total.
     *
     * @param context the rule's {@code kcontext}
     * @param total   the total
     * @param rating  the rating of the band
     */
    public static void rate(RuleContext context, Total total, org.isoscoring.api.Rating rating) {
        context.insertLogical(new Rated(total.sheet(), rating, context.getRule().getName()));
    }

    /** A metadata value of the firing rule, without the quotes DRL keeps, or "" when the rule has none. */
    static String metadata(RuleContext context, String key) {
        Object value = context.getRule().getMetaData().get(key);
        if (value == null) {
            return "";
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Fills {@code {name}} placeholders from the facts, recording each fact used. */
    static String fill(String template, Quotable first, Quotable[] others, Map<String, String> used,
                       boolean english) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = first.quote(name);
            for (int i = 0; value == Quotable.UNKNOWN && i < others.length; i++) {
                value = others[i].quote(name);
            }
            if (value == Quotable.UNKNOWN) {
                throw new IllegalArgumentException("the reason quotes {" + name + "}, which is not a fact");
            }
            used.put(name, raw(value));
            m.appendReplacement(out, Matcher.quoteReplacement(english ? english(value) : readable(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String raw(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Ratio r) {
            return r.part() + "/" + r.whole();
        }
        return value.toString();
    }

    private static String readable(Object value) {
        if (value == null) {
            return "không có";
        }
        if (value instanceof LocalDate d) {
            return d.format(VIETNAMESE_DATE);
        }
        if (value instanceof Boolean b) {
            return b ? "có" : "không";
        }
        return value.toString();
    }

    /** A value as an English reason writes it: {@code 99.33%}, {@code 2022-03-15}, yes/no, none. */
    private static String english(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Ratio r) {
            return r.english();
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return value.toString(); // a LocalDate prints as ISO yyyy-MM-dd
    }
}
