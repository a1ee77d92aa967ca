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
        String criterion = metadata(context, "criterion");
        Filled filled = fill(reason, sheet, others);
        context.insertLogical(new Award(sheet, criterion, POINTS.computeIfAbsent(points, BigDecimal::new),
                context.getRule().getName(), filled.text(), filled.facts()));
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

    /** A reason with its placeholders filled, and the facts it quoted, by name, in the order quoted. */
    record Filled(String text, Map<String, String> facts) {
    }

    /** Fills {@code {name}} placeholders from the facts, recording each fact used. */
    @SuppressWarnings("unchecked")
    static Filled fill(String template, Quotable first, Quotable[] others) {
        Template t = TEMPLATES.computeIfAbsent(template, Template::parse);
        String[] parts = t.parts();
        StringBuilder out = new StringBuilder(template.length() + 16);
        Map.Entry<String, String>[] used = new Map.Entry[parts.length / 2];
        int count = 0;
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
            if (!quoted(used, count, name)) {
                used[count++] = Map.entry(name, raw(value));
            }
            out.append(readable(value));
        }
        // An immutable map: the explanation keeps it as it is instead of copying it.
        return new Filled(out.toString(), Map.ofEntries(count == used.length ? used : Arrays.copyOf(used, count)));
    }

    private static boolean quoted(Map.Entry<String, String>[] used, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (used[i].getKey().equals(name)) {
                return true;
            }
        }
        return false;
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
}
