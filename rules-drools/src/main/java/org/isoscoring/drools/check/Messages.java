package org.isoscoring.drools.check;

import org.isoscoring.drools.*;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-language messages for the mistakes an officer makes in a rule file, in Vietnamese and English. */
public final class Messages {

    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '([^']*)'(?: expecting (\\S+))?");
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]*)\"");

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("System", "truy cập hệ thống / reaches the system"),
            Map.entry("Runtime", "truy cập hệ thống / reaches the system"),
            Map.entry("exit", "dừng chương trình / stops the program"),
            Map.entry("halt", "dừng chương trình / stops the program"),
            Map.entry("exec", "chạy chương trình khác / starts a program"),
            Map.entry("while", "vòng lặp / a loop"),
            Map.entry("for", "vòng lặp / a loop"),
            Map.entry("do", "vòng lặp / a loop"),
            Map.entry("modify", "sửa dữ kiện đầu vào / changes an input fact"),
            Map.entry("update", "sửa dữ kiện đầu vào / changes an input fact"),
            Map.entry("delete", "xoá dữ kiện / removes a fact"),
            Map.entry("retract", "xoá dữ kiện / removes a fact"),
            Map.entry("salience", "thứ tự ưu tiên: mỗi mức điểm phải ghi đủ cận dưới và cận trên / priorities: "
                    + "write both bounds of each band instead"),
            Map.entry("eval", "biểu thức tuỳ ý / an arbitrary expression"),
            Map.entry("dialect", "đổi ngôn ngữ của quy tắc / changes the rule language"),
            Map.entry("global", "biến dùng chung giữa các lần chấm / state shared between calls"),
            Map.entry("function", "hàm tự viết / a hand-written function"));

    private Messages() {
    }

    public static String syntax(String parserMessage) {
        String rule = "";
        Matcher inRule = IN_RULE.matcher(parserMessage);
        if (inRule.find()) {
            rule = " (quy tắc / rule \"" + inRule.group(1) + "\")";
        }
        Matcher m = MISMATCHED.matcher(parserMessage);
        if (m.find()) {
            String token = m.group(1);
            String hint = switch (token) {
                case "end" -> "; thiếu \"then\" hoặc thiếu dấu đóng ngoặc? / is \"then\" or a closing bracket missing?";
                case "<EOF>" -> "; thiếu \"end\" ở cuối quy tắc? / is the rule's \"end\" missing?";
                default -> "";
            };
            return "lỗi cú pháp: không hiểu '" + token + "' ở đây / syntax error: unexpected '" + token + "'"
                    + hint + rule;
        }
        String cleaned = parserMessage.replaceAll("\\[ERR \\d+\\] ", "").replaceAll("Line \\d+:\\d+ ", "");
        return "lỗi cú pháp / syntax error: " + cleaned.lines().findFirst().orElse("").trim();
    }

    public static String forbidden(String word) {
        String why = WHY.getOrDefault(word.replace(".", ""), "ra ngoài việc chấm điểm / reaches outside scoring");
        return "'" + word + "' không được dùng trong tệp quy tắc (" + why + "); tệp quy tắc chỉ được chấm điểm / '"
                + word + "' is not allowed in a rule file: rule files may only score";
    }
}
