package org.isoscoring.cli;

import java.math.BigDecimal;

/**
 * A self-contained HTML page built as a string: every text goes through {@link #text} or {@link #attr}, which
 * escape it; the style sheet is inline (A4 print layout), charts are inline SVG, and nothing refers to a script, a
 * font or any address outside the page.
 */
final class HtmlWriter {

    /** The style sheet of every page: screen and A4 print. */
    private static final String CSS = """
            :root { --ink: #1a1a1a; --line: #9aa3ad; --soft: #eef2f6; --head: #1f4e79; --good: #2e7d32;
                    --bad: #b3261e; --warn: #9a6700; }
            * { box-sizing: border-box; }
            body { font-family: "DejaVu Sans", "Liberation Sans", "Noto Sans", Arial, sans-serif; color: var(--ink);
                   font-size: 13px; line-height: 1.35; margin: 0 auto; padding: 16px 20px; max-width: 1000px;
                   background: #fff; }
            h1 { font-size: 20px; margin: 0 0 4px; color: var(--head); }
            h2 { font-size: 16px; margin: 18px 0 6px; color: var(--head); border-bottom: 2px solid var(--head);
                 padding-bottom: 2px; }
            h3 { font-size: 14px; margin: 12px 0 4px; }
            p { margin: 4px 0; }
            a { color: var(--head); }
            nav { font-size: 12px; margin-bottom: 8px; }
            .meta { color: #444; font-size: 0.92em; }
            .stamp { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.78em; color: #555;
                     word-break: break-all; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
            th, td { border: 1px solid var(--line); padding: 3px 5px; vertical-align: top; text-align: left; }
            th { background: var(--soft); font-weight: 600; }
            td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.id { white-space: nowrap; }
            tr.group td { background: var(--soft); font-weight: 600; }
            tr.sum td { font-weight: 600; }
            tr.total td { font-weight: 700; font-size: 14px; background: var(--soft); }
            .reason { }
            .facts { color: #555; font-size: 0.85em; }
            .rule { color: #777; font-size: 0.8em; }
            .final { display: inline-block; background: var(--head); color: #fff; padding: 1px 6px; border-radius: 3px;
                     font-size: 11px; }
            .short { color: var(--bad); font-weight: 600; }
            .ok { color: var(--good); }
            .penalty { color: var(--bad); font-weight: 600; }
            .sheet { margin-top: 14px; }
            .sheet + .sheet { border-top: 3px double var(--line); padding-top: 10px; }
            .cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
            .card { border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; min-width: 120px; }
            .card b { display: block; font-size: 18px; }
            .cols { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-start; }
            .cols > * { flex: 1 1 300px; }
            .charts { display: flex; flex-wrap: wrap; gap: 4px 14px; }
            .whole table.figures { max-width: 640px; }
            table.appraisal th.num, table.over-scored th.num { white-space: normal; }
            table.appraisal td:first-child, table.over-scored td:first-child { min-width: 15em; }
            .charts figure { margin: 0; max-width: 100%; }
            .charts figcaption { font-size: 11px; color: #444; }
            caption { text-align: left; font-weight: 600; padding: 2px 0; }
            td.note { font-size: 0.92em; }
            .finding { margin: 2px 0 6px; }
            tr.flagged td { background: #fdecea; }
            .guidance-title { font-size: 0.85em; color: #333; margin: 2px 0; }
            svg { display: block; max-width: 100%; }
            .signatures { display: flex; justify-content: space-between; margin-top: 18px; text-align: center; }
            .signatures div { width: 45%; }
            .signatures .space { height: 48px; }
            @page { size: A4; margin: 12mm 11mm 13mm 11mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 9.5px; line-height: 1.25; }
              h1 { font-size: 15px; }
              h2 { font-size: 12.5px; margin: 8px 0 4px; }
              th, td { padding: 1.5px 4px; }
              .signatures { margin-top: 8px; }
              .signatures .space { height: 30px; }
              .guidance-title { font-size: 0.8em; }
              .reason, .facts, .rule { display: inline; }
              .reason + .facts::before, .facts + .rule::before, .reason + .rule::before { content: " · "; }
              nav, .screen-only { display: none; }
              h2 { break-after: avoid; page-break-after: avoid; }
              tr, .card, svg { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              .sheet + .sheet { break-before: page; page-break-before: always; border-top: none; padding-top: 0; }
              a { color: inherit; text-decoration: none; }
              th, tr.group td, tr.total td, tr.flagged td { -webkit-print-color-adjust: exact;
                                                            print-color-adjust: exact; }
            }
            """;

    private final StringBuilder out = new StringBuilder(16_384);

    /** Opens a page: doctype, language, title and the inline style sheet. */
    HtmlWriter(Lang lang, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    /** Appends markup written by the caller (its texts already escaped). */
    HtmlWriter raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends a text, escaped. */
    HtmlWriter esc(String s) {
        out.append(text(s));
        return this;
    }

    /** Closes the page and returns it. */
    String finish() {
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** A text escaped for an element's content: {@code & < > " '}, and control characters shown as U+FFFD. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A text escaped for a quoted attribute value (the same escaping: quotes included). */
    static String attr(String s) {
        return text(s);
    }

    /** Points without trailing zeros, as in the JSON result: {@code 3}, {@code 2.5}, {@code 86.5}. */
    static String points(BigDecimal value) {
        return Report.points(value);
    }

    /** Points for reading: the Vietnamese decimal comma in Vietnamese, a point in English. */
    static String shown(BigDecimal value, Lang lang) {
        String p = Report.points(value);
        return lang.english() ? p : p.replace('.', ',');
    }
}
