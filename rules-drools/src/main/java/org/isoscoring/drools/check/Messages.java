package org.isoscoring.drools.check;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-language messages for the mistakes an officer makes in a rule file, in Vietnamese and English. */
public final class Messages {

    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '([^']*)'(?: expecting (\\S+))?");
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]*)\"");

    private static final Map<String, Text> WHY = Map.ofEntries(
            Map.entry("System", new Text("truy cập hệ thống", "reaches the system")),
            Map.entry("Runtime", new Text("truy cập hệ thống", "reaches the system")),
            Map.entry("exit", new Text("dừng chương trình", "stops the program")),
            Map.entry("halt", new Text("dừng chương trình", "stops the program")),
            Map.entry("exec", new Text("chạy chương trình khác", "starts a program")),
            Map.entry("while", new Text("vòng lặp", "a loop")),
            Map.entry("for", new Text("vòng lặp", "a loop")),
            Map.entry("do", new Text("vòng lặp", "a loop")),
            Map.entry("modify", new Text("sửa dữ kiện đầu vào", "changes an input fact")),
            Map.entry("update", new Text("sửa dữ kiện đầu vào", "changes an input fact")),
            Map.entry("delete", new Text("xoá dữ kiện", "removes a fact")),
            Map.entry("retract", new Text("xoá dữ kiện", "removes a fact")),
            Map.entry("salience", new Text("thứ tự ưu tiên: mỗi mức điểm phải ghi đủ cận dưới và cận trên",
                    "priorities: write both bounds of each band instead")),
            Map.entry("eval", new Text("biểu thức tuỳ ý", "an arbitrary expression")),
            Map.entry("dialect", new Text("đổi ngôn ngữ của quy tắc", "changes the rule language")),
            Map.entry("global", new Text("biến dùng chung giữa các lần chấm", "state shared between calls")),
            Map.entry("function", new Text("hàm tự viết", "a hand-written function")));

    private static final Text OUTSIDE = new Text("ra ngoài việc chấm điểm", "reaches outside scoring");

    private Messages() {
    }

    /**
     * A syntax error of the rule parser (English), in plain words: a hint where the mistake is a common one.
     *
     * @param parserMessage the rule parser's message
     * @return the error in Vietnamese and English, with the rule's name when the parser gives it
     */
    public static Text syntax(String parserMessage) {
        String ruleVi = "";
        String ruleEn = "";
        Matcher inRule = IN_RULE.matcher(parserMessage);
        if (inRule.find()) {
            ruleVi = " (quy tắc \"" + inRule.group(1) + "\")";
            ruleEn = " (rule \"" + inRule.group(1) + "\")";
        }
        Matcher m = MISMATCHED.matcher(parserMessage);
        if (m.find()) {
            String token = m.group(1);
            Text hint = switch (token) {
                case "end" -> new Text("; thiếu \"then\" hoặc thiếu dấu đóng ngoặc?",
                        "; is \"then\" or a closing bracket missing?");
                case "<EOF>" -> new Text("; thiếu \"end\" ở cuối quy tắc?", "; is the rule's \"end\" missing?");
                default -> new Text("", "");
            };
            return new Text("lỗi cú pháp: không hiểu '" + token + "' ở đây" + hint.vi() + ruleVi,
                    "syntax error: unexpected '" + token + "'" + hint.en() + ruleEn);
        }
        String cleaned = parserMessage.replaceAll("\\[ERR \\d+\\] ", "").replaceAll("Line \\d+:\\d+ ", "");
        String detail = cleaned.lines().findFirst().orElse("").trim();
        return new Text("lỗi cú pháp: " + detail, "syntax error: " + detail);
    }

    /**
     * A word a rule file may not use, and why.
     *
     * @param word the word as the rule file has it, for example {@code System} or {@code salience}
     * @return that the word is not allowed, and why, in Vietnamese and English
     */
    public static Text forbidden(String word) {
        Text why = WHY.getOrDefault(word.replace(".", ""), OUTSIDE);
        return new Text("'" + word + "' không được dùng trong tệp quy tắc (" + why.vi() + "); tệp quy tắc chỉ được chấm "
                + "điểm", "'" + word + "' is not allowed in a rule file (" + why.en() + "): rule files may only score");
    }
}
