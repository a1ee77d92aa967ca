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
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessor;
import org.isoscoring.api.DistrictReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

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

    /** The guidance, year and rule hash that made the result. */
    String stamp() {
        return "<p class=\"stamp\" data-guidance=\"" + attr(result.guidance()) + "\" data-rules-hash=\""
                + attr(result.rulesHash()) + "\">" + text(lang.t("Bộ tiêu chí", "Guidance")) + " "
                + text(result.guidance()) + " · " + text(lang.t("năm", "year")) + " " + result.year() + " · "
                + text(lang.t("mã băm quy tắc", "rule hash")) + " " + text(result.rulesHash()) + "</p>\n";
    }

    /** The over-scored communes of a district: the district's total and the province's, side by side. */
    String overScoredTable(DistrictReport d) {
        StringBuilder t = new StringBuilder("<table class=\"over-scored\"><thead><tr><th>")
                .append(text(lang.t("Xã bị chấm cao", "Over-scored commune"))).append("</th><th class=\"num\">")
                .append(text(lang.t("Huyện chấm", "District's total"))).append("</th><th class=\"num\">")
                .append(text(lang.t("Tỉnh thẩm định", "Province's total"))).append("</th><th class=\"num\">")
                .append(text(lang.t("Chênh lệch", "Difference"))).append("</th></tr></thead><tbody>\n");
        for (String c : d.overScoredCommunes()) {
            BigDecimal district = ScoreSheetPage.total(result, c, Assessor.DISTRICT);
            BigDecimal province = ScoreSheetPage.total(result, c, Assessor.PROVINCE);
            t.append("<tr data-over-scored=\"").append(attr(c)).append("\" data-district-total=\"")
                    .append(district == null ? "" : points(district)).append("\" data-province-total=\"")
                    .append(province == null ? "" : points(province)).append("\"><td>").append(link(c))
                    .append(" <span class=\"meta\">(").append(text(c)).append(")</span></td><td class=\"num\">")
                    .append(district == null ? "—" : text(HtmlWriter.shown(district, lang)))
                    .append("</td><td class=\"num\">")
                    .append(province == null ? "—" : text(HtmlWriter.shown(province, lang)))
                    .append("</td><td class=\"num penalty\">").append(text(excess(district, province)))
                    .append("</td></tr>\n");
        }
        return t.append("</tbody></table>\n").toString();
    }

    /** How far the district's total is above the province's, in percent of the province's, for reading. */
    private String excess(BigDecimal district, BigDecimal province) {
        if (district == null || province == null) {
            return "—";
        }
        if (province.signum() == 0) {
            return "+" + HtmlWriter.shown(district, lang) + " " + lang.t("điểm", "points");
        }
        BigDecimal pct = district.subtract(province).multiply(BigDecimal.valueOf(100))
                .divide(province, 1, java.math.RoundingMode.HALF_UP);
        return "+" + HtmlWriter.shown(pct, lang) + "%";
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
                .esc(lang.t("xếp hạng, xếp loại, số liệu từng huyện", "ranking, ratings, every district's figures"))
                .raw("</p>\n");
        for (AgencyKind kind : List.of(AgencyKind.DEPARTMENT, AgencyKind.DISTRICT, AgencyKind.PUBLIC_SERVICE_UNIT,
                AgencyKind.COMMUNE)) {
            List<Agency> ofKind = request.agencies().stream().filter(a -> a.kind() == kind)
                    .sorted(Comparator.comparing((Agency a) -> kind == AgencyKind.COMMUNE ? a.district() : "")
                            .thenComparing(Agency::id))
                    .toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            page.raw("<h2>").esc(lang.kind(kind)).raw(" (").raw(String.valueOf(ofKind.size())).raw(")</h2>\n")
                    .raw("<table class=\"index\"><thead><tr><th>").esc(lang.t("Mã", "Id")).raw("</th><th>")
                    .esc(lang.t("Cơ quan", "Agency")).raw("</th>");
            if (kind == AgencyKind.COMMUNE) {
                page.raw("<th>").esc(lang.t("Huyện", "District")).raw("</th>");
            }
            page.raw("<th class=\"num\">").esc(lang.t("Tổng điểm", "Total")).raw("</th><th>")
                    .esc(lang.t("Xếp loại", "Rating")).raw("</th></tr></thead><tbody>\n");
            for (Agency a : ofKind) {
                var fin = result.agency(a.id());
                page.raw("<tr data-agency=\"").raw(attr(a.id())).raw("\"><td class=\"id\">").esc(a.id())
                        .raw("</td><td>").raw(link(a.id())).raw("</td>");
                if (kind == AgencyKind.COMMUNE) {
                    page.raw("<td>").esc(a.district()).raw("</td>");
                }
                page.raw("<td class=\"num\">").esc(fin.map(f -> HtmlWriter.shown(f.total(), lang)).orElse("—"))
                        .raw("</td><td>").esc(fin.map(AgencyResult::rating).map(lang::rating).orElse("—"))
                        .raw("</td></tr>\n");
            }
            page.raw("</tbody></table>\n");
        }
        return page.finish();
    }
}
