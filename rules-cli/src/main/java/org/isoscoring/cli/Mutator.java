package org.isoscoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.isoscoring.drools.check.DrlText;

/**
 * Small changes to rule files, one at a time: each number in a rule nudged down and up, each comparison flipped
 * between strict and non-strict, each point value given one half-point less and more.
 */
final class Mutator {

    /** One change: where, what it was, what it becomes. */
    record Mutant(String file, int line, int column, int offset, String original, String replacement) {

        String describe() {
            return file + ":" + line + ":" + column + ": " + original + " → " + replacement;
        }

        String apply(String text) {
            return text.substring(0, offset) + replacement + text.substring(offset + original.length());
        }
    }

    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s.*?^end\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern OPERATOR = Pattern.compile(">=|<=|(?<![-=>])>(?!=)|<(?![=])");
    private static final Pattern POINTS = Pattern.compile("(?:award|penalize)\\s*\\(\\s*kcontext\\s*,\\s*[$\\w]+\\s*,\\s*\"([^\"]+)\"");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Mutator() {
    }

    /** The rule files of a folder, by name. */
    static SortedMap<String, String> files(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".drl") || name.equals("guidance.json") || name.equals("facts.json")) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    files.put(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every mutant of one rule file. */
    static List<Mutant> mutants(String file, String text) {
        String code = new DrlText(text).code();
        List<Mutant> out = new ArrayList<>();
        Matcher rule = RULE.matcher(code);
        while (rule.find()) {
            int start = rule.start();
            String region = code.substring(start, rule.end());
            // skip the rule's name line and its metadata: numbers there are not rules
            int when = region.indexOf("when");
            if (when < 0) {
                continue;
            }
            Matcher n = NUMBER.matcher(region).useTransparentBounds(true).region(when, region.length());
            while (n.find()) {
                String value = n.group();
                int at = start + n.start();
                for (String other : nudges(value, false)) {
                    out.add(mutant(file, text, at, value, other));
                }
            }
            Matcher op = OPERATOR.matcher(region).useTransparentBounds(true).region(when, region.length());
            while (op.find()) {
                String flipped = switch (op.group()) {
                    case ">=" -> ">";
                    case "<=" -> "<";
                    case ">" -> ">=";
                    default -> "<=";
                };
                out.add(mutant(file, text, start + op.start(), op.group(), flipped));
            }
            Matcher points = POINTS.matcher(text.substring(start, rule.end()));
            while (points.find()) {
                String value = points.group(1);
                int at = start + points.start(1);
                for (String other : nudges(value, true)) {
                    out.add(mutant(file, text, at, value, other));
                }
            }
        }
        out.sort(Comparator.comparingInt(Mutant::offset));
        return out;
    }

    private static List<String> nudges(String value, boolean points) {
        BigDecimal v;
        try {
            v = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return List.of();
        }
        BigDecimal step = points || value.contains(".") ? HALF : BigDecimal.ONE;
        List<String> out = new ArrayList<>();
        out.add(plain(v.subtract(step)));
        out.add(plain(v.add(step)));
        return out;
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static Mutant mutant(String file, String text, int offset, String original, String replacement) {
        DrlText positions = new DrlText(text);
        return new Mutant(file, positions.line(offset), positions.column(offset), offset, original, replacement);
    }
}
