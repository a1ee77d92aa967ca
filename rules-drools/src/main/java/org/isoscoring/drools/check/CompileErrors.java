package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import org.isoscoring.rules.Ratio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns the rule compiler's messages into the officer's own file, line and words. The executable model reports
 * some errors without a line, or inside Java it generated; those are found again in the rule files by their text.
 */
public final class CompileErrors {

    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (.*)");
    private static final Pattern MISSING_METHOD = Pattern.compile("Method (\\w+) on class ([\\w.$]+) with arguments.*is missing");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("(?:Unknown property|cannot be resolved|Cannot find "
            + "property) '?(\\w+)'?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

    private final Map<String, DrlText> files;

    /**
     * Maps the errors of these rule files.
     *
     * @param files the rule files compiled, by file name
     */
    public CompileErrors(Map<String, DrlText> files) {
        this.files = files;
    }

    /**
     * The compiler's messages as findings in the rule files, each once, in the compiler's order.
     *
     * @param messages the rule compiler's messages; the Java it generated comes among them
     * @return a finding for each error, at its rule file, line and column when they can be found
     */
    public List<Finding> map(List<Message> messages) {
        Set<Finding> out = new LinkedHashSet<>();
        Map<String, String> generatedSources = new java.util.HashMap<>();
        for (Message m : messages) {
            if (m.getText() != null && m.getText().startsWith("Java source of ")) {
                generatedSources.put(m.getPath(), m.getText());
            }
        }
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText();
            if (text.startsWith("Java source of ") || text.contains("Parser returned a null Package")) {
                continue;
            }
            String path = m.getPath() == null ? "" : m.getPath();
            String first = text.lines().findFirst().orElse("").trim();
            if (path.endsWith(".drl")) {
                String file = path.substring(path.lastIndexOf('/') + 1);
                out.add(locate(file, m.getLine(), first));
            } else if (path.endsWith(".java")) {
                out.add(consequence(first, m.getLine(), generatedSources.get(path)));
            } else {
                out.add(reword(first).at("", 0, 0));
            }
        }
        return new ArrayList<>(out);
    }

    /** An error in a condition: the compiler knows the file, often not the line. */
    private Finding locate(String file, int line, String message) {
        DrlText text = files.get(file);
        String needle = null;
        Matcher left = LEFT_PART.matcher(message);
        Matcher method = MISSING_METHOD.matcher(message);
        Matcher property = UNKNOWN_PROPERTY.matcher(message);
        if (left.find()) {
            needle = left.group(1).trim();
        } else if (method.find()) {
            needle = method.group(1);
        } else if (property.find()) {
            needle = property.group(1);
        }
        if (text != null && needle != null) {
            int at = text.code().indexOf(needle);
            if (at >= 0) {
                return reword(message).at(file, text.line(at), text.column(at));
            }
        }
        return reword(message).at(file, Math.max(line, 0), 0);
    }

    /** An error in a consequence: the compiler points into generated Java; find the statement in the rule files. */
    private Finding consequence(String message, int line, String generated) {
        if (generated != null) {
            List<String> lines = generated.lines().toList();
            // the companion message starts with one line of its own before the source
            int index = line;
            if (index >= 0 && index < lines.size()) {
                String statement = normalise(lines.get(index)
                        .replace("((org.kie.api.runtime.rule.RuleContext) drools)", "kcontext"));
                for (Map.Entry<String, DrlText> e : files.entrySet()) {
                    List<String> drlLines = e.getValue().text().lines().toList();
                    for (int i = 0; i < drlLines.size(); i++) {
                        if (!statement.isEmpty() && normalise(drlLines.get(i)).equals(statement)) {
                            int column = drlLines.get(i).length() - drlLines.get(i).stripLeading().length() + 1;
                            return reword(message).at(e.getKey(), i + 1, column);
                        }
                    }
                }
            }
        }
        return reword(message).at("", 0, 0);
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static Text reword(String message) {
        Matcher left = LEFT_PART.matcher(message);
        if (left.find()) {
            Matcher id = IDENTIFIER.matcher(left.group(1));
            String name = id.find() ? id.group() : left.group(1);
            return new Text("không hiểu điều kiện '" + left.group(1).trim() + "': có thể '" + name + "' không phải là tên "
                    + "một dữ kiện hay số đo khai báo trong facts.json (ví dụ dossiersOnTime)", "cannot read the "
                    + "condition: '" + name + "' may not be the name of a fact or measure declared in facts.json (for "
                    + "example dossiersOnTime)");
        }
        Matcher method = MISSING_METHOD.matcher(message);
        if (method.find()) {
            String type = method.group(2).substring(method.group(2).lastIndexOf('.') + 1);
            boolean ratio = type.equals("Ratio");
            return new Text("'" + method.group(1) + "' không có ở " + type + " với tham số này" + (ratio ? " (một tỷ lệ "
                    + "có atLeast(p), below(p), complete(), với p là một phần trăm nguyên như 85)" : ""), type
                    + " has no '" + method.group(1) + "' with these arguments" + (ratio ? " (a ratio has atLeast(p), "
                    + "below(p), complete(), with p a whole percentage such as 85)" : ""));
        }
        if (message.contains("is not applicable for the arguments")) {
            return new Text("lời gọi sai tham số (điểm viết trong ngoặc kép, ví dụ \"8\"): " + message,
                    "wrong arguments (points are written in quotes, e.g. \"8\"): " + message);
        }
        return new Text("lỗi biên dịch: " + message, "compile error: " + message);
    }
}
