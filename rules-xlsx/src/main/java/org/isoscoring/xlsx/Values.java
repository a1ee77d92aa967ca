package org.isoscoring.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.isoscoring.api.Label;
import org.isoscoring.api.Vocabulary;

/**
 * How a value of each type of fact is written in a cell of the form, and read back from a cell as people type it:
 * whole numbers stored as numbers or as text, decimals with a point or a comma, dates as date cells (serial numbers)
 * or as text {@code dd/mm/yyyy}, yes/no and choices by their titles in either language or by their ids, lists of
 * agency ids separated by commas. Spaces around a text (and non-breaking spaces) do not count.
 */
final class Values {

    /** Yes and no, as the form writes them. */
    static final Label YES = new Label("Có", "Yes");
    static final Label NO = new Label("Không", "No");

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);
    /** The day before a spreadsheet's day 1 in the 1900 date system, from day 61 on (day 60 is a 29 February 1900 that never was). */
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private final boolean english;
    private final Map<Vocabulary.Choice, Map<String, String>> choiceIds = new java.util.IdentityHashMap<>();

    Values(boolean english) {
        this.english = english;
    }

    /** A value read from a cell, or why it cannot be: in English and Vietnamese. */
    record Read(Object value, String problem, String problemVi) {
        static Read of(Object value) {
            return new Read(value, null, null);
        }

        static Read wrong(String problem, String problemVi) {
            return new Read(null, problem, problemVi);
        }

        boolean ok() {
            return problem == null;
        }
    }

    /** What the form writes in a cell for a fact's value: a number, a date, a text; {@code null} for a blank. */
    Object cell(Vocabulary.Fact fact, Object value) {
        if (value == null) {
            return null;
        }
        return switch (fact.type()) {
            case COUNT, DECIMAL, DATE -> value;
            case BOOLEAN -> value instanceof Boolean b ? (b ? YES : NO).text(english) : value.toString();
            case CHOICE -> fact.choice().values().stream().filter(v -> v.id().equals(value)).findFirst()
                    .map(v -> v.title().text(english)).orElse(value.toString());
            case AGENCIES -> value instanceof List<?> ids ? ids.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) : value.toString();
        };
    }

    /** The values a drop-down offers for a fact, else an empty list. */
    List<String> options(Vocabulary.Fact fact) {
        return switch (fact.type()) {
            case BOOLEAN -> List.of(YES.text(english), NO.text(english));
            case CHOICE -> fact.choice().values().stream().map(v -> v.title().text(english)).toList();
            default -> List.of();
        };
    }

    /**
     * A fact's value from a cell's content: a {@link BigDecimal} (a number cell, or a date cell's serial number), a
     * {@link String}, or a {@link Boolean}; never {@code null} (a blank is decided by the caller).
     */
    Read read(Vocabulary.Fact fact, Object content, boolean date1904) {
        return switch (fact.type()) {
            case COUNT -> count(content);
            case DECIMAL -> decimal(content);
            case DATE -> date(content, date1904);
            case BOOLEAN -> bool(content);
            case CHOICE -> choice(fact.choice(), content);
            case AGENCIES -> ids(content);
        };
    }

    static Read count(Object content) {
        if (content instanceof BigDecimal n) {
            BigDecimal whole = n.stripTrailingZeros();
            if (whole.scale() > 0) {
                return Read.wrong(plain(n) + " is not a whole number", plain(n) + " không phải số nguyên");
            }
            if (whole.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return Read.wrong(plain(n) + " is too large for a count", plain(n) + " quá lớn cho một số lượng");
            }
            return Read.of(whole.intValueExact());
        }
        if (content instanceof String s) {
            String text = SPACES.matcher(s).replaceAll("");
            if (WHOLE.matcher(text).matches()) {
                long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
                if (Math.abs(value) <= Integer.MAX_VALUE) {
                    return Read.of((int) value);
                }
                return Read.wrong("\"" + s + "\" is too large for a count", "\"" + s + "\" quá lớn cho một số lượng");
            }
            return Read.wrong("\"" + s + "\" is not a whole number", "\"" + s + "\" không phải số nguyên");
        }
        return Read.wrong(content + " is not a whole number", content + " không phải số nguyên");
    }

    static Read decimal(Object content) {
        if (content instanceof BigDecimal n) {
            return Read.of(n);
        }
        if (content instanceof String s) {
            String text = SPACES.matcher(s).replaceAll("");
            if (text.indexOf('.') < 0 && text.indexOf(',') == text.lastIndexOf(',')) {
                text = text.replace(',', '.'); // a decimal comma, as Vietnamese writes it
            }
            if (text.matches("[+-]?\\d{1,15}(\\.\\d{1,15})?")) {
                return Read.of(new BigDecimal(text));
            }
            return Read.wrong("\"" + s + "\" is not a number", "\"" + s + "\" không phải một số");
        }
        return Read.wrong(content + " is not a number", content + " không phải một số");
    }

    static Read date(Object content, boolean date1904) {
        if (content instanceof BigDecimal serial) {
            if (serial.signum() <= 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) { // 31/12/9999
                return Read.wrong(plain(serial) + " is not a date: write it dd/mm/yyyy",
                        plain(serial) + " không phải một ngày: hãy ghi dd/mm/yyyy");
            }
            long day = serial.longValue(); // a date and time: its day
            LocalDate date = date1904 ? EPOCH_1904.plusDays(day)
                    : day >= 61 ? EPOCH_1900.plusDays(day) : EPOCH_1900.plusDays(day + 1);
            return Read.of(date);
        }
        if (content instanceof String s) {
            String text = s.strip().replace('\u00A0', ' ').strip();
            for (DateTimeFormatter format : DATES) {
                try {
                    return Read.of(LocalDate.parse(text, format));
                } catch (DateTimeParseException e) {
                    // the next way of writing it
                }
            }
            if (text.matches("\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}")) { // the right shape, a day the calendar lacks
                return Read.wrong("\"" + s + "\" is no day of the calendar (is the day of the month too large?)",
                        "\"" + s + "\" không phải một ngày có thật (ngày lớn hơn số ngày của tháng?)");
            }
            return Read.wrong("\"" + s + "\" is not a date dd/mm/yyyy", "\"" + s + "\" không phải một ngày dd/mm/yyyy");
        }
        return Read.wrong(content + " is not a date dd/mm/yyyy", content + " không phải một ngày dd/mm/yyyy");
    }

    static Read bool(Object content) {
        if (content instanceof Boolean b) {
            return Read.of(b);
        }
        if (content instanceof BigDecimal n && (n.signum() == 0 || n.compareTo(BigDecimal.ONE) == 0)) {
            return Read.of(n.signum() != 0);
        }
        String text = content instanceof String s ? normal(s) : null;
        if (text != null) {
            switch (text) {
                case "có", "yes", "true", "đúng", "x" -> {
                    return Read.of(true);
                }
                case "không", "no", "false", "sai" -> {
                    return Read.of(false);
                }
                default -> {
                }
            }
        }
        return Read.wrong("\"" + content + "\" is not yes or no (Có / Không, Yes / No)",
                "\"" + content + "\" không phải Có hoặc Không");
    }

    private Read choice(Vocabulary.Choice choice, Object content) {
        Map<String, String> ids = choiceIds.computeIfAbsent(choice, Values::choiceIds);
        String text = content instanceof BigDecimal n ? plain(n) : String.valueOf(content);
        String id = ids.get(text); // as the form writes it: no need to normalise
        if (id == null) {
            id = ids.get(normal(text));
        }
        if (id != null) {
            return Read.of(id);
        }
        String offered = quoted(choice.values().stream().map(v -> v.title().text(english)).toList());
        return Read.wrong("\"" + text + "\" is not one of " + quoted(choice.values().stream().map(v -> v.title().en())
                        .toList()),
                "\"" + text + "\" không phải một trong " + quoted(choice.values().stream().map(v -> v.title().vi())
                        .toList()) + (english ? " (" + offered + ")" : ""));
    }

    /** Titles as a list a reader can split, each in quotes: {@code "Đạt", "Đạt một phần"} (a title may hold a comma). */
    static String quoted(List<String> titles) {
        return titles.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
    }

    /** A choice's ids by their id and titles in either language, normalised; a title two values share is left out. */
    private static Map<String, String> choiceIds(Vocabulary.Choice choice) {
        return lookup(choice.values().stream().map(v -> new Named(v.id(), v.title())).toList());
    }

    /** An id, and its title. */
    record Named(String id, Label title) {
    }

    /** Ids by their id and titles in either language, normalised; a text two ids share is left out. */
    static Map<String, String> lookup(List<Named> named) {
        Map<String, String> ids = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (Named n : named) {
            for (String key : List.of(n.id(), n.title().vi(), n.title().en())) {
                String previous = ids.putIfAbsent(normal(key), n.id());
                if (previous != null && !previous.equals(n.id())) {
                    shared.add(normal(key));
                }
            }
        }
        named.forEach(n -> ids.put(normal(n.id()), n.id())); // an id always names its own
        shared.stream().filter(k -> named.stream().noneMatch(n -> normal(n.id()).equals(k))).forEach(ids::remove);
        for (Named n : named) { // each as written, for a lookup without normalising
            for (String key : List.of(n.id(), n.title().vi(), n.title().en())) {
                if (n.id().equals(ids.get(normal(key)))) {
                    ids.putIfAbsent(key, n.id());
                }
            }
        }
        return ids;
    }

    /** The id a text names in a {@link #lookup}, as written or normalised; the text itself when it names none. */
    static String find(Map<String, String> ids, String text) {
        String id = ids.get(text);
        return id != null ? id : ids.getOrDefault(normal(text), text);
    }

    static Read ids(Object content) {
        String text = content instanceof BigDecimal n ? plain(n) : String.valueOf(content);
        List<String> ids = new ArrayList<>();
        for (String part : text.split("[,;\\n\\r]")) {
            String id = part.strip().replace("\u00A0", "").strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return Read.of(ids);
    }

    /**
     * A text as typed, without the spaces around it (non-breaking ones too): a number cell is its plain digits (an id
     * typed as 12). The spaces inside are kept, as JSON keeps them.
     */
    static String text(Object content) {
        String text = content instanceof BigDecimal n ? plain(n) : String.valueOf(content);
        int from = 0;
        int to = text.length();
        while (from < to && space(text.charAt(from))) {
            from++;
        }
        while (to > from && space(text.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == text.length() ? text : text.substring(from, to);
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** A text for looking up: lower case, spaces collapsed, trimmed. */
    static String normal(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    static String plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** What to write in a column of this type, for its title: {@code số nguyên ≥ 0}, {@code ngày dd/mm/yyyy}. */
    String hint(Vocabulary.Fact fact) {
        String min = fact.min() == null ? "0" : plain(fact.min());
        String hint = switch (fact.type()) {
            case COUNT -> english ? "whole number ≥ " + min : "số nguyên ≥ " + min;
            case DECIMAL -> english ? "number" : "số";
            case DATE -> english ? "date dd/mm/yyyy" : "ngày dd/mm/yyyy";
            case BOOLEAN -> YES.text(english) + " / " + NO.text(english);
            case CHOICE -> english ? "pick from the list" : "chọn trong danh sách";
            case AGENCIES -> english ? "ids, separated by commas" : "các mã, cách nhau bởi dấu phẩy";
        };
        if (fact.partOf() != null) {
            hint += ", ≤ " + fact.partOf();
        }
        if (fact.nullable()) {
            hint += english ? "; blank if not done" : "; để trống nếu chưa có";
        }
        return hint;
    }
}
