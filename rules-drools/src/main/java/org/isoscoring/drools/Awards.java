package org.isoscoring.drools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Reasons already split, by their text: a rule's reason is a constant, parsed once. */
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();
    /** Points by their text: a rule gives a constant. */
    private static final Map<String, BigDecimal> POINTS = new ConcurrentHashMap<>();
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
        give(context, sheet, points, reason, null, others);
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
        give(context, sheet, points, reason, reasonEn, others);
    }

    private static void give(RuleContext context, Sheet sheet, String points, String reason, String reasonEn,
                             Quotable[] others) {
        Quoted quoted = new Quoted();
        String text = fill(reason, sheet, others, quoted, false);
        String english = reasonEn == null ? text : fill(reasonEn, sheet, others, quoted, true);
        context.insertLogical(new Award(sheet, metadata(context, "criterion"),
                POINTS.computeIfAbsent(points, BigDecimal::new), context.getRule().getName(), text, english,
                quoted.facts()));
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

    /** The facts the reasons of one award quoted, by name, in the order first quoted. */
    static final class Quoted {
        private String[] names = new String[4];
        private String[] values = new String[4];
        private int count;

        void add(String name, String value) {
            for (int i = 0; i < count; i++) {
                if (names[i].equals(name)) {
                    return;
                }
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            names[count] = name;
            values[count++] = value;
        }

        /** An immutable map: the explanation keeps it as it is instead of copying it. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> facts() {
            Map.Entry<String, String>[] entries = new Map.Entry[count];
            for (int i = 0; i < count; i++) {
                entries[i] = Map.entry(names[i], values[i]);
            }
            return Map.ofEntries(entries);
        }
    }

    /** Fills {@code {name}} placeholders from the facts, in Vietnamese or English, recording each fact quoted. */
    static String fill(String template, Quotable first, Quotable[] others, Quoted quoted, boolean english) {
        Template t = TEMPLATES.computeIfAbsent(template, Template::parse);
        String[] parts = t.parts();
        StringBuilder out = new StringBuilder(template.length() + 16);
        for (int i = 0; i < parts.length; i++) {
            if ((i & 1) == 0) {
                out.append(parts[i]);
                continue;
            }
            String name = parts[i];
            Object value = first.quote(name);
            for (int j = 0; value == Quotable.UNKNOWN && j < others.length; j++) {
                value = others[j].quote(name);
            }
            if (value == Quotable.UNKNOWN) {
                throw new IllegalArgumentException("the reason quotes {" + name + "}, which is not a fact");
            }
            quoted.add(name, raw(value));
            out.append(english ? english(value) : readable(value));
        }
        return out.toString();
    }

    /** A reason split into text and placeholder names, alternating: text, name, text, ..., text. */
    private record Template(String[] parts) {
        static Template parse(String template) {
            List<String> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int from = 0;
            while (m.find()) {
                parts.add(template.substring(from, m.start()));
                parts.add(m.group(1));
                from = m.end();
            }
            parts.add(template.substring(from));
            return new Template(parts.toArray(String[]::new));
        }
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
