package org.isoscoring.drools;

import org.isoscoring.rules.Ratio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a rule gave its points: its reason in Vietnamese and in English with the facts filled in
 * ({@code {onTimeRate}} → {@code 99,33%} / {@code 99.33%}), and the facts the reasons quoted, by name, as the
 * request gave them. The reasons are filled the first time one of them is read, and kept: a caller that reads
 * the totals of a national request only does not pay for its 390,000 reasons. That every {@code {name}} names a
 * fact is checked when the rule fires, so a reason cannot fail later. The facts quoted never change, so a reason
 * is the same whenever and on whichever thread it is read.
 */
public final class Reason {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    /** Reasons already split, by their text: a rule's reason is a constant, parsed once. */
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The reasons filled in, and the facts quoted. */
    private record Filled(String vietnamese, String english, Map<String, String> facts) {
    }

    private final Template template;
    private final Template templateEn;
    private final Quotable first;
    private final Object[] others;
    /** Filled on first read; a Filled's fields are final, so one filled by another thread is seen whole. */
    private Filled filled;

    private Reason(Template template, Template templateEn, Quotable first, Object[] others, Filled filled) {
        this.template = template;
        this.templateEn = templateEn;
        this.first = first;
        this.others = others;
        this.filled = filled;
    }

    /** A rule's reasons, split: what {@link #of(Texts, Quotable, Object[])} fills for each award. */
    static final class Texts {
        private final Template vi;
        private final Template en;

        private Texts(Template vi, Template en) {
            this.vi = vi;
            this.en = en;
        }
    }

    /** The reasons of an award statement, split once (a rule's reasons are constants). */
    static Texts texts(String template, String templateEn) {
        return new Texts(template(template), templateEn == null ? null : template(templateEn));
    }

    /**
     * The reason of an award, of reasons already split, to be filled when read.
     *
     * @throws IllegalArgumentException when a reason quotes a name that is no fact of {@code first} or
     *                                  {@code others}
     */
    static Reason of(Texts texts, Quotable first, Object[] others) {
        texts.vi.check(first, others);
        if (texts.en != null) {
            texts.en.check(first, others);
        }
        return new Reason(texts.vi, texts.en, first, others.length == 0 ? others : others.clone(), null);
    }

    /** A reason already written, in Vietnamese only. */
    static Reason written(String reason, Map<String, String> facts) {
        return new Reason(null, null, null, null, new Filled(reason, reason, Map.copyOf(facts)));
    }

    /**
     * The reason in Vietnamese, filled in when first read.
     *
     * @return the reason with every {@code {name}} replaced by the fact, written the Vietnamese way
     *         ({@code 99,33%}, {@code 15/03/2022}, có/không)
     */
    public String vietnamese() {
        return filled().vietnamese();
    }

    /**
     * The reason in English, filled in when first read.
     *
     * @return the reason with every {@code {name}} replaced by the fact, written the English way ({@code 99.33%},
     *         {@code 2022-03-15}, yes/no); the Vietnamese one when the rule gave none
     */
    public String english() {
        return filled().english();
    }

    /**
     * The facts the reasons quoted, by name, as given in the request.
     *
     * @return each fact's value by name, as text (a ratio as {@code part/whole}); an unmodifiable map
     */
    public Map<String, String> facts() {
        return filled().facts();
    }

    private Filled filled() {
        Filled f = filled;
        if (f == null) {
            Quoted quoted = new Quoted();
            String text = fill(template, first, others, quoted, false);
            String english = templateEn == null ? text : fill(templateEn, first, others, quoted, true);
            f = new Filled(text, english, quoted.facts());
            filled = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return vietnamese();
    }

    private static Template template(String text) {
        return TEMPLATES.computeIfAbsent(Objects.requireNonNull(text, "reason"), Template::parse);
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
    private static String fill(Template t, Quotable first, Object[] others, Quoted quoted, boolean english) {
        String[] parts = t.parts();
        StringBuilder out = new StringBuilder(t.capacity()); // once, not grown value by value
        for (int i = 0; i < parts.length; i++) {
            if ((i & 1) == 0) {
                out.append(parts[i]);
                continue;
            }
            String name = parts[i];
            Object value = quote(name, first, others);
            if (value == Quotable.UNKNOWN) {
                throw new IllegalArgumentException("the reason quotes {" + name + "}, which is not a fact");
            }
            quoted.add(name, raw(value));
            out.append(english ? english(value) : readable(value));
        }
        return out.toString();
    }

    /**
     * A reason split into text and placeholder names, alternating: text, name, text, ..., text; and the kinds of
     * facts (the classes of the assessment and the other facts given) whose names it was last found to quote.
     */
    private static final class Template {
        private final String[] parts;
        private final int capacity;
        private volatile Class<?>[] checkedFor = new Class<?>[0];

        private Template(String[] parts) {
            this.parts = parts;
            int text = 0;
            for (int i = 0; i < parts.length; i += 2) {
                text += parts[i].length();
            }
            this.capacity = text + 16 * (parts.length / 2); // room for a value of each placeholder
        }

        String[] parts() {
            return parts;
        }

        /** What a filled reason usually takes: its text and about 16 characters a value. */
        int capacity() {
            return capacity;
        }

        /** Throws if a placeholder names no fact of {@code first} or {@code others}; checked once per kinds. */
        void check(Quotable first, Object[] others) {
            Class<?>[] seen = checkedFor;
            if (seen.length == others.length + 1 && seen[0] == first.getClass() && sameKinds(seen, others)) {
                return;
            }
            for (int i = 1; i < parts.length; i += 2) {
                if (quote(parts[i], first, others) == Quotable.UNKNOWN) {
                    throw new IllegalArgumentException("the reason quotes {" + parts[i] + "}, which is not a fact");
                }
            }
            Class<?>[] kinds = new Class<?>[others.length + 1];
            kinds[0] = first.getClass();
            for (int i = 0; i < others.length; i++) {
                kinds[i + 1] = others[i].getClass();
            }
            checkedFor = kinds;
        }

        private static boolean sameKinds(Class<?>[] seen, Object[] others) {
            for (int i = 0; i < others.length; i++) {
                if (seen[i + 1] != others[i].getClass()) {
                    return false;
                }
            }
            return true;
        }

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

    /** The fact of this name, from the assessment or else the other facts; {@link Quotable#UNKNOWN} if none. */
    private static Object quote(String name, Quotable first, Object[] others) {
        Object value = first.quote(name);
        for (int j = 0; value == Quotable.UNKNOWN && j < others.length; j++) {
            value = Quotable.of(others[j], name);
        }
        return value;
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
            return d.getYear() >= 1000 && d.getYear() <= 9999 ? dayMonthYear(d) : d.format(VIETNAMESE_DATE);
        }
        if (value instanceof Boolean b) {
            return b ? "có" : "không";
        }
        return value.toString();
    }

    /** {@code dd/MM/yyyy} for a four-digit year, as {@link #VIETNAMESE_DATE} writes it, without its machinery. */
    private static String dayMonthYear(LocalDate d) {
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return new StringBuilder(10).append((char) ('0' + day / 10)).append((char) ('0' + day % 10)).append('/')
                .append((char) ('0' + month / 10)).append((char) ('0' + month % 10)).append('/').append(d.getYear())
                .toString();
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
