package org.isoscoring.cli;

import static org.isoscoring.cli.HtmlWriter.attr;
import static org.isoscoring.cli.HtmlWriter.points;
import static org.isoscoring.cli.HtmlWriter.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Label;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;

/**
 * The HTML pages of a result ({@code evaluate --html DIR}): {@code index.html}, {@code dashboard.html} and one
 * {@code agency-….html} per agency. The pages are written to a new folder next to DIR and moved into place only
 * when all of them are written, so a failure leaves no partial output.
 */
final class HtmlReport {

    static final String INDEX = "index.html";
    static final String DASHBOARD = "dashboard.html";

    private final ScoringRequest request;
    private final ScoringResult result;
    private final GuidanceInfo guidance;
    private final Lang lang;
    private final Map<String, Agency> agencies = new LinkedHashMap<>();
    private final Map<String, String> files;

    HtmlReport(ScoringRequest request, ScoringResult result, GuidanceInfo guidance, Lang lang) {
        this.request = request;
        this.result = result;
        this.guidance = guidance;
        this.lang = lang == Lang.BOTH ? Lang.VI : lang;
        request.agencies().forEach(a -> agencies.put(a.id(), a));
        this.files = fileNames(request.agencies().stream().map(Agency::id).toList());
    }

    ScoringRequest request() {
        return request;
    }

    ScoringResult result() {
        return result;
    }

    GuidanceInfo guidance() {
        return guidance;
    }

    Lang lang() {
        return lang;
    }

    Map<String, Agency> agencies() {
        return agencies;
    }

    /**
     * A safe, distinct file name per agency id, in request order: {@code agency-} and the id's letters, digits,
     * dots, dashes and underscores (others become {@code _}, at most 60 characters), with {@code -2}, {@code -3}
     * … added when two ids would give the same name, ignoring case (for file systems that ignore it).
     */
    static Map<String, String> fileNames(List<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String id : ids) {
            StringBuilder safe = new StringBuilder();
            id.codePoints().limit(60).forEach(cp -> safe.append(cp < 128 && (Character.isLetterOrDigit(cp)
                    || cp == '-' || cp == '_' || cp == '.') ? (char) cp : '_'));
            String base = "agency-" + (safe.isEmpty() ? "_" : safe);
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.put(id, name + ".html");
        }
        return names;
    }

    /** The pages by file name. */
    Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(INDEX, index());
        pages.put(DASHBOARD, new DashboardPage(this).render());
        ScoreSheetPage sheets = new ScoreSheetPage(this);
        for (Agency a : request.agencies()) {
            pages.put(files.get(a.id()), sheets.render(a));
        }
        return pages;
    }

    /**
     * Writes the pages into {@code dir} (created if absent; files of the same names replaced, others left alone).
     *
     * @return the number of pages written
     */
    int write(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException(target + " is the root of the file system; name a folder for the pages");
        }
        Files.createDirectories(parent);
        Map<String, String> pages = pages();
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // a temporary folder is private (rwx------); the pages are for others to read, in a shared folder too
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            for (var page : pages.entrySet()) {
                Files.writeString(staging.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
            if (!Files.exists(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return pages.size();
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.createDirectories(target);
                }
            }
            for (String name : pages.keySet()) {
                Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return pages.size();
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover hidden folder is harmless; the pages themselves were moved or never appeared
        }
    }

    /** The file of an agency's page. */
    String file(String agency) {
        return files.get(agency);
    }

    /** A link to an agency's page, showing its name (or id). */
    String link(String agency) {
        Agency a = agencies.get(agency);
        String shown = a == null || a.name() == null ? agency : a.name();
        if (!files.containsKey(agency)) {
            return text(shown);
        }
        return "<a href=\"" + attr(files.get(agency)) + "\">" + text(shown) + "</a>";
    }

    /** The links at the top of every page (not printed). */
    String nav() {
        return "<nav><a href=\"" + INDEX + "\">" + text(lang.t("Danh sách cơ quan", "All agencies"))
                + "</a> · <a href=\"" + DASHBOARD + "\">" + text(lang.t("Bảng tổng hợp của tỉnh",
                "Province dashboard")) + "</a></nav>\n";
    }

    /**
     * The guidance, year and rule hash that made the result, under the guidance's own title (which says, for an
     * illustration, that it is one).
     */
    String stamp() {
        return "<p class=\"guidance-title\" data-guidance-title=\"" + attr(guidance.title()) + "\">"
                + text(lang.t("Bộ tiêu chí", "Guidance")) + ": " + text(guidance.title()) + "</p>\n"
                + "<p class=\"stamp\" data-guidance=\"" + attr(result.guidance()) + "\" data-rules-hash=\""
                + attr(result.rulesHash()) + "\">" + text(lang.t("Bộ tiêu chí", "Guidance")) + " "
                + text(result.guidance()) + " · " + text(lang.t("năm", "year")) + " " + result.year() + " · "
                + text(lang.t("mã băm quy tắc", "rule hash")) + " " + text(result.rulesHash()) + "</p>\n";
    }

    /**
     * The assessors that scored any of the agencies, from the least final to the final one (SELF, DISTRICT,
     * PROVINCE).
     */
    List<String> assessorsOf(List<String> ids) {
        List<String> assessors = new java.util.ArrayList<>(vocabulary().finalAssessor().stream()
                .filter(a -> ids.stream().anyMatch(id -> result.assessment(id, a).isPresent())).toList());
        java.util.Collections.reverse(assessors);
        return assessors;
    }

    /**
     * An agency's two assessments that a comparison of assessors is about: the most final one it has and the one
     * just below it in the guidance's order (for an over-scored commune of 2022 the district's and the province's;
     * under two-tier the agency's own and the province's); {@code null} where there is none.
     */
    AssessmentResult[] compared(String agency) {
        AssessmentResult upper = null;
        for (String a : vocabulary().finalAssessor()) {
            var found = result.assessment(agency, a);
            if (found.isPresent()) {
                if (upper == null) {
                    upper = found.get();
                } else {
                    return new AssessmentResult[] {found.get(), upper};
                }
            }
        }
        return new AssessmentResult[] {null, upper};
    }

    /** An assessment's total, with {@code (subtotal − penalty)} when it lost points. */
    String totalShown(AssessmentResult a) {
        if (a == null) {
            return "—";
        }
        String total = HtmlWriter.shown(a.total(), lang);
        return a.penalty().signum() > 0 ? total + " (" + HtmlWriter.shown(a.subtotal(), lang) + " − "
                + HtmlWriter.shown(a.penalty(), lang) + ")" : total;
    }

    /** An assessor's id as a data attribute's name: {@code PROVINCE} → {@code province}. */
    static String assessorAttribute(String assessor) {
        return assessor.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The agencies a group's figure lists (the over-scored communes of a district, the over-scored agencies of the
     * province): their totals by each assessor that scored them side by side, from the least final to the final
     * one (a total that lost points shows its subtotal and the penalty), and how far the subtotal below the final
     * one is above the final one's, which is what the guidance compares.
     */
    String agenciesTable(Vocabulary.Figure figure, List<String> ids) {
        List<String> assessors = assessorsOf(ids);
        StringBuilder t = new StringBuilder("<table class=\"over-scored\" data-list=\"").append(attr(figure.name()))
                .append("\"><thead><tr><th>").append(text(capitalised(lang.label(figure.title())))).append(" (")
                .append(ids.size()).append(")</th>");
        for (String a : assessors) {
            t.append("<th class=\"num\">").append(text(capitalised(lang.assessor(vocabulary(), a)))).append("</th>");
        }
        t.append("<th class=\"num\">").append(text(lang.t("Chênh lệch (cộng điểm, trước khi trừ)",
                "Difference (subtotals, before any penalty)"))).append("</th></tr></thead><tbody>\n");
        for (String c : ids) {
            t.append("<tr data-over-scored=\"").append(attr(c)).append('"');
            for (String a : assessors) {
                var sheet = result.assessment(c, a);
                t.append(" data-").append(assessorAttribute(a)).append("-total=\"")
                        .append(sheet.map(s -> points(s.total())).orElse("")).append("\" data-")
                        .append(assessorAttribute(a)).append("-subtotal=\"")
                        .append(sheet.map(s -> points(s.subtotal())).orElse("")).append('"');
            }
            AssessmentResult[] pair = compared(c);
            BigDecimal pct = percentAbove(pair[0], pair[1]);
            t.append(" data-difference=\"").append(pct == null ? "" : points(pct)).append("\"><td>")
                    .append(link(c)).append(" <span class=\"meta\">(").append(text(c)).append(")</span></td>");
            for (String a : assessors) {
                t.append("<td class=\"num\">").append(text(totalShown(result.assessment(c, a).orElse(null))))
                        .append("</td>");
            }
            t.append("<td class=\"num penalty\">").append(text(excess(pair[0], pair[1]))).append("</td></tr>\n");
        }
        return t.append("</tbody></table>\n").toString();
    }

    Vocabulary vocabulary() {
        return guidance.vocabulary();
    }

    /** The data attribute that names the agency of a group's report: the kind in lower case ({@code district}). */
    String kindAttribute(String kind) {
        return kind == null ? "agency" : kind.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A figure's name as a data attribute: {@code onSiteRequired} → {@code on-site-required}. */
    static String attributeName(String figure) {
        return figure.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The figures of a group report, then, for each figure that lists agencies, the list (or a line: none). */
    String groupFigures(Vocabulary.Group group, GroupReport r) {
        return figuresTable(group, r, false) + figureLists(group, r);
    }

    /**
     * The figures of a group report as a table. A figure that should not be below another says how it stands
     * against it in words ("met, at least 2 needed"), and one below it is flagged (and, with {@code findings},
     * written out as a finding under the table); points above zero (a penalty) are flagged too.
     */
    String figuresTable(Vocabulary.Group group, GroupReport r, boolean findings) {
        boolean notes = group.figures().stream().anyMatch(f -> f.atLeast() != null);
        StringBuilder t = new StringBuilder("<table class=\"figures\"><tbody>\n");
        StringBuilder found = new StringBuilder();
        for (Vocabulary.Figure f : group.figures()) {
            Object value = r.figure(f.name());
            String shown;
            String note = "";
            boolean flagged = false;
            String extra = "";
            if (value instanceof List<?> ids) {
                shown = String.valueOf(ids.size());
            } else if (value instanceof BigDecimal d) {
                shown = HtmlWriter.shown(d, lang);
                flagged = d.signum() > 0;
            } else {
                shown = String.valueOf(value);
                if (f.atLeast() != null && value instanceof Integer n && r.figure(f.atLeast()) instanceof Integer need) {
                    flagged = n < need;
                    extra = " data-at-least=\"" + need + "\" data-short=\"" + flagged + "\"";
                    note = flagged ? "⚠ " + lang.t("thiếu " + (need - n) + ", cần ít nhất " + need,
                            (need - n) + " short, at least " + need + " needed")
                            : "✓ " + lang.t("đủ, cần ít nhất " + need, "met, at least " + need + " needed");
                    if (flagged && findings) {
                        String title = lang.label(f.title());
                        String needTitle = group.figures().stream().filter(g -> g.name().equals(f.atLeast()))
                                .findFirst().map(g -> lang.label(g.title())).orElse(f.atLeast());
                        found.append("<p class=\"finding short\" data-finding=\"").append(attr(f.name()))
                                .append("\">⚠ ").append(text(lang.t(
                                        "Phát hiện: «" + title + "» là " + n + ", ít hơn «" + needTitle + "» là "
                                                + need + " (thiếu " + (need - n) + ").",
                                        "Finding: “" + title + "” is " + n + ", below “" + needTitle + "”, "
                                                + need + " (" + (need - n) + " short).")))
                                .append("</p>\n");
                    }
                }
            }
            t.append("<tr data-figure=\"").append(attr(f.name())).append('"').append(extra).append("><th>")
                    .append(text(capitalised(lang.label(f.title())))).append("</th><td class=\"num")
                    .append(flagged ? " short" : "").append("\">").append(text(shown))
                    .append(flagged && note.isEmpty() ? " ⚠" : "").append("</td>");
            if (notes) {
                t.append("<td class=\"note").append(flagged ? " short" : note.isEmpty() ? "" : " ok").append("\">")
                        .append(text(note)).append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</tbody></table>\n").append(found).toString();
    }

    /** For each figure of a group report that lists agencies: their totals side by side, or a line saying none. */
    String figureLists(Vocabulary.Group group, GroupReport r) {
        StringBuilder t = new StringBuilder();
        for (Vocabulary.Figure f : group.figures()) {
            if (r.figure(f.name()) instanceof List<?> ids) {
                if (ids.isEmpty()) {
                    t.append("<p class=\"ok\" data-list=\"").append(attr(f.name())).append("\">")
                            .append(text(capitalised(lang.label(f.title())))).append(": ")
                            .append(text(lang.t("không có", "none"))).append(".</p>\n");
                } else {
                    t.append(agenciesTable(f, ids.stream().map(String::valueOf).toList()));
                }
            }
        }
        return t.toString();
    }

    /** The data attributes of a group report: one per figure ({@code data-on-site-required="6"}). */
    String figureAttributes(Vocabulary.Group group, GroupReport r) {
        StringBuilder a = new StringBuilder();
        for (Vocabulary.Figure f : group.figures()) {
            Object value = r.figure(f.name());
            String v = value instanceof List<?> ids ? String.valueOf(ids.size())
                    : value instanceof BigDecimal d ? points(d) : String.valueOf(value);
            a.append(" data-").append(attributeName(f.name())).append("=\"").append(attr(v)).append('"');
        }
        return a.toString();
    }

    /**
     * How far the lower assessment's subtotal is above the upper one's, in percent of the upper one's (one decimal),
     * or {@code null} when one is missing or the upper one is 0.
     */
    static BigDecimal percentAbove(AssessmentResult lower, AssessmentResult upper) {
        if (lower == null || upper == null || upper.subtotal().signum() == 0) {
            return null;
        }
        return lower.subtotal().subtract(upper.subtotal()).multiply(BigDecimal.valueOf(100))
                .divide(upper.subtotal(), 1, java.math.RoundingMode.HALF_UP);
    }

    /** How far the lower assessment's subtotal is above the upper one's, for reading ("+12,2%", "+50 điểm"). */
    String excess(AssessmentResult lower, AssessmentResult upper) {
        if (lower == null || upper == null) {
            return "—";
        }
        BigDecimal pct = percentAbove(lower, upper);
        if (pct == null) {
            return "+" + HtmlWriter.shown(lower.subtotal(), lang) + " " + lang.t("điểm", "points");
        }
        return (pct.signum() > 0 ? "+" : "") + HtmlWriter.shown(pct, lang) + "%";
    }

    /** Every agency with a link to its page, grouped by kind; the dashboard first. */
    private String index() {
        HtmlWriter page = new HtmlWriter(lang, lang.t("Kết quả chấm điểm ISO", "ISO scoring results") + " "
                + result.year());
        page.raw(nav()).raw("<h1>").esc(lang.t("Kết quả chấm điểm việc áp dụng HTQLCL theo TCVN ISO 9001:2015",
                "Results of scoring the application of the QMS under TCVN ISO 9001:2015")).raw(" — ")
                .esc(lang.t("năm", "year")).raw(" ").raw(String.valueOf(result.year())).raw("</h1>\n")
                .raw(stamp()).raw("<p><a href=\"").raw(DASHBOARD).raw("\"><b>")
                .esc(lang.t("Bảng tổng hợp của tỉnh", "Province dashboard")).raw("</b></a> — ")
                .esc(lang.t("xếp hạng, xếp loại, số liệu của từng nhóm", "ranking, ratings, every group's figures"))
                .raw("</p>\n");
        for (Vocabulary.Kind kind : indexOrder()) {
            boolean member = kind.belongsTo() != null;
            List<Agency> ofKind = request.agencies().stream().filter(a -> a.kind().equals(kind.id()))
                    .sorted(Comparator.comparing((Agency a) -> member && a.parent() != null ? a.parent() : "")
                            .thenComparing(Agency::id))
                    .toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            page.raw("<h2>").esc(lang.kind(vocabulary(), kind.id())).raw(" (").raw(String.valueOf(ofKind.size()))
                    .raw(")</h2>\n").raw("<table class=\"index\"><thead><tr><th>").esc(lang.t("Mã", "Id"))
                    .raw("</th><th>").esc(lang.t("Cơ quan", "Agency")).raw("</th>");
            if (member) {
                Label parent = vocabulary().kind(kind.belongsTo().kind()).map(Vocabulary.Kind::noun)
                        .orElse(new Label(kind.belongsTo().field(), kind.belongsTo().field()));
                page.raw("<th>").esc(capitalised(parent.text(lang.english()))).raw("</th>");
            }
            page.raw("<th class=\"num\">").esc(lang.t("Tổng điểm", "Total")).raw("</th><th>")
                    .esc(lang.t("Xếp loại", "Rating")).raw("</th></tr></thead><tbody>\n");
            for (Agency a : ofKind) {
                var fin = result.agency(a.id());
                page.raw("<tr data-agency=\"").raw(attr(a.id())).raw("\"><td class=\"id\">").esc(a.id())
                        .raw("</td><td>").raw(link(a.id())).raw("</td>");
                if (member) {
                    page.raw("<td>").esc(a.parent() == null ? "" : a.parent()).raw("</td>");
                }
                page.raw("<td class=\"num\">").esc(fin.map(f -> HtmlWriter.shown(f.total(), lang)).orElse("—"))
                        .raw("</td><td>").esc(fin.map(AgencyResult::rating).map(r -> lang.rating(vocabulary(), r))
                                .orElse("—")).raw("</td></tr>\n");
            }
            page.raw("</tbody></table>\n");
        }
        return page.finish();
    }

    /** The kinds in the order of the index: those that belong to no other first, members last, each as declared. */
    private List<Vocabulary.Kind> indexOrder() {
        List<Vocabulary.Kind> order = new java.util.ArrayList<>();
        vocabulary().kinds().stream().filter(k -> k.belongsTo() == null && k.record() == null).findFirst()
                .ifPresent(order::add);
        vocabulary().kinds().stream().filter(k -> k.belongsTo() == null && !order.contains(k)).forEach(order::add);
        vocabulary().kinds().stream().filter(k -> !order.contains(k)).forEach(order::add);
        return order;
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
