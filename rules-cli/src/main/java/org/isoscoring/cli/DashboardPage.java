package org.isoscoring.cli;

import static org.isoscoring.cli.HtmlWriter.attr;
import static org.isoscoring.cli.HtmlWriter.points;
import static org.isoscoring.cli.HtmlWriter.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;

/**
 * The province at a glance: agencies per rating; each group report the guidance declares, with its figures (a
 * shortfall worded as a finding), a chart of final totals (a district's communes; for a report of the whole request
 * one chart per kind) and the agencies its figures list with their totals side by side; for a report of the whole
 * request, the appraisal by the most final assessor, by kind and agency; then every agency ranked. Charts are inline
 * SVG; nothing is loaded.
 */
final class DashboardPage {

    private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);
    private static final int BIN = 5;

    private final HtmlReport report;
    private final Lang lang;
    private final ScoringResult result;

    DashboardPage(HtmlReport report) {
        this.report = report;
        this.lang = report.lang();
        this.result = report.result();
    }

    String render() {
        HtmlWriter page = new HtmlWriter(lang, lang.t("Bảng tổng hợp của tỉnh", "Province dashboard") + " "
                + result.year());
        page.raw(report.nav()).raw("<h1>").esc(lang.t("Bảng tổng hợp kết quả chấm điểm ISO của tỉnh",
                "Province dashboard of the ISO scoring")).raw(" — ").esc(lang.t("năm", "year")).raw(" ")
                .raw(String.valueOf(result.year())).raw("</h1>\n").raw(report.stamp());
        ratings(page);
        for (Vocabulary.Group group : vocabulary().groups()) {
            page.raw("<h2>").esc(lang.label(group.title())).raw("</h2>\n");
            for (GroupReport r : result.group(group.id())) {
                group(page, group, r);
            }
        }
        ranking(page);
        return page.finish();
    }

    private Vocabulary vocabulary() {
        return report.vocabulary();
    }

    private void ratings(HtmlWriter page) {
        Map<String, Long> counts = result.agencies().stream()
                .collect(Collectors.groupingBy(AgencyResult::rating, Collectors.counting()));
        page.raw("<h2>").esc(lang.t("Số cơ quan theo xếp loại", "Agencies per rating")).raw("</h2>\n")
                .raw("<div class=\"cards\">\n<div class=\"card\" data-field=\"agencies\" data-value=\"")
                .raw(String.valueOf(result.agencies().size())).raw("\">").esc(lang.t("Cơ quan được chấm",
                        "Agencies scored")).raw("<b>").raw(String.valueOf(result.agencies().size()))
                .raw("</b></div>\n<div class=\"card\" data-field=\"assessments\" data-value=\"")
                .raw(String.valueOf(result.assessments().size())).raw("\">").esc(lang.t("Phiếu chấm", "Assessments"))
                .raw("<b>").raw(String.valueOf(result.assessments().size())).raw("</b></div>\n");
        for (Vocabulary.Rating r : vocabulary().ratings()) {
            long n = counts.getOrDefault(r.id(), 0L);
            page.raw("<div class=\"card\" data-rating-count=\"").raw(attr(r.id())).raw("\" data-count=\"")
                    .raw(String.valueOf(n)).raw("\">").esc(lang.rating(vocabulary(), r.id())).raw("<b>")
                    .raw(String.valueOf(n)).raw("</b></div>\n");
        }
        page.raw("</div>\n").raw(ratingBars(counts));
    }

    /** One horizontal bar per rating. */
    private String ratingBars(Map<String, Long> counts) {
        List<Vocabulary.Rating> ratings = vocabulary().ratings();
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowHeight = 22;
        int labelWidth = 110;
        int barWidth = 560;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" role=\"img\" width=\"720\" height=\"")
                .append(rowHeight * ratings.size() + 6).append("\" viewBox=\"0 0 720 ")
                .append(rowHeight * ratings.size() + 6).append("\"><title>")
                .append(text(lang.t("Số cơ quan theo xếp loại", "Agencies per rating"))).append("</title>\n");
        int y = 3;
        for (int i = 0; i < ratings.size(); i++) {
            Vocabulary.Rating r = ratings.get(i);
            long n = counts.getOrDefault(r.id(), 0L);
            long w = Math.round((double) barWidth * n / max);
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(text(lang.rating(vocabulary(), r.id())))
                    .append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
                    .append("\" width=\"").append(w).append("\" height=\"").append(rowHeight - 6)
                    .append("\" fill=\"").append(colour(i, ratings.size())).append("\"/><text x=\"").append(labelWidth + w + 4)
                    .append("\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(n).append("</text>\n");
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static final String[] COLOURS = {"#1b5e20", "#43a047", "#c0ca33", "#f9a825", "#c62828"};

    /** The colour of the i-th of n ratings, from dark green (the best) to red (the worst). */
    private static String colour(int i, int n) {
        return COLOURS[n <= 1 ? 0 : (int) Math.round((double) i * (COLOURS.length - 1) / (n - 1))];
    }

    /**
     * One group report: its figures beside a chart of its agencies' final totals, then the agencies its figures list
     * with their totals side by side. A report of the whole request charts each kind of agency apart, and shows the
     * appraisal by the most final assessor: how many of each kind it scored, and every agency it scored with the
     * assessment below it.
     */
    private void group(HtmlWriter page, Vocabulary.Group group, GroupReport r) {
        page.raw("<section class=\"group-report\" data-group=\"").raw(attr(group.id())).raw("\"");
        if (r.agency() != null) {
            page.raw(" data-").raw(report.kindAttribute(group.of())).raw("=\"").raw(attr(r.agency())).raw("\"");
        }
        page.raw(report.figureAttributes(group, r)).raw(">\n");
        if (r.agency() != null) {
            page.raw("<h3>").raw(report.link(r.agency())).raw(" <span class=\"meta\">(").esc(r.agency())
                    .raw(")</span></h3>\n");
        }
        boolean whole = r.agency() == null;
        page.raw(whole ? "<div class=\"whole\">\n<div>" : "<div class=\"cols\">\n<div>")
                .raw(report.figuresTable(group, r, true)).raw("</div>\n<div class=\"charts\">");
        if (r.agency() != null) {
            Agency of = report.agencies().get(r.agency());
            page.raw(histogram(r.agency(), null, of == null || of.name() == null ? r.agency() : of.name(),
                    report.request().agencies().stream().filter(a -> r.agency().equals(a.parent())).toList()));
        } else {
            for (Vocabulary.Kind kind : vocabulary().kinds()) {
                List<Agency> ofKind = report.request().agencies().stream().filter(a -> a.kind().equals(kind.id()))
                        .toList();
                if (!ofKind.isEmpty()) {
                    page.raw(histogram(r.group(), kind.id(), HtmlReport.capitalised(lang.kind(vocabulary(), kind.id())), ofKind));
                }
            }
        }
        page.raw("</div>\n</div>\n").raw(report.figureLists(group, r));
        if (r.agency() == null && vocabulary().finalAssessor().size() > 1) {
            appraisal(page, group, r);
        }
        page.raw("</section>\n");
    }

    /**
     * What the most final assessor (the province) scored: per kind, how many agencies of how many, and which were
     * not; then every agency it scored, by kind, with the subtotal of each assessment (the agency's own, the
     * province's), how far apart the two last are, its penalty, the final total and rating; an agency a figure of
     * the report lists (an over-scored one) is flagged.
     */
    private void appraisal(HtmlWriter page, Vocabulary.Group group, GroupReport r) {
        String top = vocabulary().finalAssessor().get(0);
        String topName = lang.assessor(vocabulary(), top);
        List<Agency> scored = report.request().agencies().stream()
                .filter(a -> result.assessment(a.id(), top).isPresent()).toList();
        page.raw("<h3>").esc(lang.t("Thẩm định: các cơ quan có phiếu «" + topName + "»",
                "Appraisal: the agencies with a sheet “" + topName + "”")).raw("</h3>\n")
                .raw("<table class=\"appraised-by-kind\"><thead><tr><th>").esc(lang.t("Loại cơ quan", "Kind"))
                .raw("</th><th class=\"num\">").esc(lang.t("Số cơ quan", "Agencies")).raw("</th><th class=\"num\">")
                .esc(lang.t("Đã thẩm định", "Appraised")).raw("</th><th>")
                .esc(lang.t("Chưa thẩm định (kết quả cuối cùng là phiếu khác)",
                        "Not appraised (another sheet is their final result)")).raw("</th></tr></thead><tbody>\n");
        for (Vocabulary.Kind kind : vocabulary().kinds()) {
            List<Agency> ofKind = report.request().agencies().stream().filter(a -> a.kind().equals(kind.id()))
                    .toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            List<String> not = ofKind.stream().map(Agency::id).filter(id -> result.assessment(id, top).isEmpty())
                    .sorted().toList();
            int appraised = ofKind.size() - not.size();
            page.raw("<tr data-kind-appraised=\"").raw(attr(kind.id())).raw("\" data-agencies=\"")
                    .raw(String.valueOf(ofKind.size())).raw("\" data-appraised-count=\"")
                    .raw(String.valueOf(appraised)).raw("\" data-not-appraised=\"").raw(attr(String.join(" ", not)))
                    .raw("\"><td>").esc(HtmlReport.capitalised(lang.kind(vocabulary(), kind.id()))).raw("</td><td class=\"num\">")
                    .raw(String.valueOf(ofKind.size())).raw("</td><td class=\"num\">").raw(String.valueOf(appraised))
                    .raw("</td><td>").esc(not.isEmpty() ? lang.t("không có", "none") : String.join(", ", not))
                    .raw("</td></tr>\n");
        }
        page.raw("</tbody></table>\n");
        if (scored.isEmpty()) {
            return;
        }
        Map<String, List<String>> listedIn = new java.util.HashMap<>();
        List<Vocabulary.Figure> lists = group.figures().stream().filter(f -> r.figure(f.name()) instanceof List<?>)
                .toList();
        for (Vocabulary.Figure f : lists) {
            for (Object id : (List<?>) r.figure(f.name())) {
                listedIn.computeIfAbsent(String.valueOf(id), k -> new java.util.ArrayList<>()).add(f.name());
            }
        }
        List<String> assessors = report.assessorsOf(scored.stream().map(Agency::id).toList());
        page.raw("<table class=\"appraisal\"><thead><tr><th>").esc(lang.t("Cơ quan", "Agency")).raw("</th>");
        for (String a : assessors) {
            page.raw("<th class=\"num\">").esc(HtmlReport.capitalised(lang.assessor(vocabulary(), a)))
                    .raw("<br><span class=\"meta\">")
                    .esc(lang.t("cộng điểm", "subtotal")).raw("</span></th>");
        }
        page.raw("<th class=\"num\">").esc(lang.t("Chênh lệch", "Difference")).raw("</th><th class=\"num\">")
                .esc(lang.t("Trừ điểm", "Penalty")).raw("</th><th class=\"num\">")
                .esc(lang.t("Tổng điểm cuối cùng", "Final total")).raw("</th><th>").esc(lang.t("Xếp loại", "Rating"))
                .raw("</th></tr></thead>\n");
        for (Vocabulary.Kind kind : vocabulary().kinds()) {
            List<Agency> ofKind = scored.stream().filter(a -> a.kind().equals(kind.id()))
                    .sorted(java.util.Comparator.comparing(Agency::id)).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            page.raw("<tbody data-kind=\"").raw(attr(kind.id())).raw("\">\n<tr class=\"group\"><td colspan=\"")
                    .raw(String.valueOf(assessors.size() + 5)).raw("\">")
                    .esc(HtmlReport.capitalised(lang.kind(vocabulary(), kind.id())))
                    .raw(" (").raw(String.valueOf(ofKind.size())).raw(")</td></tr>\n");
            for (Agency a : ofKind) {
                AssessmentResult fin = result.assessment(a.id(), top).orElseThrow();
                AssessmentResult[] pair = report.compared(a.id());
                BigDecimal pct = HtmlReport.percentAbove(pair[0], pair[1]);
                List<String> listed = listedIn.getOrDefault(a.id(), List.of());
                page.raw("<tr data-appraised=\"").raw(attr(a.id())).raw("\" data-kind=\"").raw(attr(a.kind()))
                        .raw("\"");
                for (String as : assessors) {
                    page.raw(" data-").raw(HtmlReport.assessorAttribute(as)).raw("-subtotal=\"")
                            .raw(result.assessment(a.id(), as).map(x -> points(x.subtotal())).orElse("")).raw("\"");
                }
                page.raw(" data-difference=\"").raw(pct == null ? "" : points(pct)).raw("\" data-penalty=\"")
                        .raw(points(fin.penalty())).raw("\" data-total=\"").raw(points(fin.total()))
                        .raw("\" data-rating=\"").raw(attr(fin.rating())).raw("\" data-listed-in=\"")
                        .raw(attr(String.join(" ", listed))).raw("\"")
                        .raw(listed.isEmpty() ? "" : " class=\"flagged\"").raw("><td>").raw(report.link(a.id()))
                        .raw(" <span class=\"meta\">(").esc(a.id()).raw(")</span></td>");
                for (String as : assessors) {
                    page.raw("<td class=\"num\">").esc(result.assessment(a.id(), as)
                            .map(x -> HtmlWriter.shown(x.subtotal(), lang)).orElse("—")).raw("</td>");
                }
                page.raw("<td class=\"num").raw(listed.isEmpty() ? "" : " penalty").raw("\">")
                        .esc(pair[0] == null ? "—" : report.excess(pair[0], pair[1]))
                        .raw(listed.isEmpty() ? "" : " ⚠").raw("</td><td class=\"num")
                        .raw(fin.penalty().signum() > 0 ? " penalty" : "").raw("\">")
                        .esc(fin.penalty().signum() > 0 ? "−" + HtmlWriter.shown(fin.penalty(), lang) : "0")
                        .raw("</td><td class=\"num\"><b>").esc(HtmlWriter.shown(fin.total(), lang))
                        .raw("</b></td><td>").esc(lang.rating(vocabulary(), fin.rating())).raw("</td></tr>\n");
            }
            page.raw("</tbody>\n");
        }
        page.raw("</table>\n");
        for (Vocabulary.Figure f : lists) {
            page.raw("<p class=\"meta\">⚠ ").esc(HtmlReport.capitalised(lang.label(f.title()))).raw(" (")
                    .raw(String.valueOf(((List<?>) r.figure(f.name())).size())).raw(")</p>\n");
        }
    }

    /**
     * The final totals of some agencies in bars of 5 points, the 80-point line marked: the members of the agency a
     * report is of (a district's communes), or the agencies of one kind for a report of the whole request.
     */
    private String histogram(String chartOf, String kind, String name, List<Agency> agencies) {
        List<BigDecimal> totals = agencies.stream()
                .map(a -> result.agency(a.id()).map(AgencyResult::total).orElse(null))
                .filter(t -> t != null).toList();
        if (totals.isEmpty()) {
            return "";
        }
        String agencyId = chartOf;
        int bins = 100 / BIN;
        int[] counts = new int[bins];
        for (BigDecimal t : totals) {
            int b = Math.min(bins - 1, t.intValue() / BIN);
            counts[b]++;
        }
        int max = Math.max(1, java.util.Arrays.stream(counts).max().orElse(1));
        int left = 28;
        int top = 24;
        int plotHeight = kind == null ? 90 : 64;
        int barWidth = kind == null ? 17 : 13;
        int width = left + bins * barWidth + 10;
        int height = top + plotHeight + 30;
        StringBuilder svg = new StringBuilder(kind == null ? "" : "<figure style=\"width: " + width
                + "px\"><figcaption>" + text(name) + " ("
                + totals.size() + ")</figcaption>\n").append("<svg class=\"histogram\" role=\"img\" data-chart-of=\"")
                .append(attr(agencyId)).append(kind == null ? "" : "\" data-kind=\"" + attr(kind))
                .append("\" data-charted=\"").append(totals.size())
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\"><title>")
                .append(text(lang.t("Phân bố điểm cuối cùng — ", "Final totals — ") + name))
                .append("</title>\n");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(top + plotHeight).append("\" x2=\"")
                .append(left + bins * barWidth).append("\" y2=\"").append(top + plotHeight)
                .append("\" stroke=\"#555\"/>\n");
        for (int i = 0; i < bins; i++) {
            int x = left + i * barWidth;
            if (counts[i] > 0) {
                int h = Math.max(2, Math.round((float) plotHeight * counts[i] / max));
                svg.append("<rect x=\"").append(x + 1).append("\" y=\"").append(top + plotHeight - h)
                        .append("\" width=\"").append(barWidth - 2).append("\" height=\"").append(h)
                        .append("\" fill=\"").append(i * BIN >= 80 ? "#43a047" : "#f9a825")
                        .append("\" data-from=\"").append(i * BIN).append("\" data-count=\"").append(counts[i])
                        .append("\"/><text x=\"").append(x + barWidth / 2).append("\" y=\"")
                        .append(top + plotHeight - h - 2).append("\" font-size=\"10\" text-anchor=\"middle\">")
                        .append(counts[i]).append("</text>\n");
            }
            if (i % 2 == 0) {
                svg.append("<text x=\"").append(x).append("\" y=\"").append(top + plotHeight + 12)
                        .append("\" font-size=\"9\" text-anchor=\"middle\">").append(i * BIN).append("</text>\n");
            }
        }
        svg.append("<text x=\"").append(left + bins * barWidth).append("\" y=\"").append(top + plotHeight + 12)
                .append("\" font-size=\"9\" text-anchor=\"middle\">100</text>\n");
        int x80 = left + 80 / BIN * barWidth;
        svg.append("<line x1=\"").append(x80).append("\" y1=\"").append(top - 12).append("\" x2=\"").append(x80)
                .append("\" y2=\"").append(top + plotHeight).append("\" stroke=\"#1f4e79\" stroke-dasharray=\"4 3\"/>")
                .append("<text x=\"").append(x80 - 3).append("\" y=\"").append(9)
                .append("\" font-size=\"9\" text-anchor=\"end\" fill=\"#1f4e79\">80</text>\n");
        svg.append("<text x=\"").append(left).append("\" y=\"").append(top + plotHeight + 26)
                .append("\" font-size=\"10\">")
                .append(text(lang.t("Số cơ quan theo điểm cuối cùng (mỗi cột 5 điểm)",
                        "Agencies by final total (5 points a bar)"))).append("</text>\n");
        return svg.append("</svg>\n").append(kind == null ? "" : "</figure>\n").toString();
    }

    private void ranking(HtmlWriter page) {
        page.raw("<h2>").esc(lang.t("Xếp hạng các cơ quan (kết quả cuối cùng)", "Agencies ranked (final results)"))
                .raw("</h2>\n<table class=\"ranking\"><thead><tr><th class=\"num\">").esc(lang.t("Hạng", "Rank"))
                .raw("</th><th>").esc(lang.t("Cơ quan", "Agency")).raw("</th><th>").esc(lang.t("Loại", "Kind"))
                .raw("</th><th class=\"num\">").esc(lang.t("Tổng điểm", "Total")).raw("</th><th>")
                .esc(lang.t("Xếp loại", "Rating")).raw("</th><th>").esc(lang.t("Phiếu cuối cùng", "Final assessment"))
                .raw("</th></tr></thead><tbody>\n");
        for (org.isoscoring.api.ScoringResult.Ranked r : result.ranking()) {
            AgencyResult a = r.result();
            Agency agency = report.agencies().get(a.agency());
            page.raw("<tr data-agency=\"").raw(attr(a.agency())).raw("\" data-rank=\"").raw(String.valueOf(r.rank()))
                    .raw("\" data-total=\"").raw(points(a.total())).raw("\" data-rating=\"").raw(attr(a.rating()))
                    .raw("\" data-kind=\"").raw(agency == null ? "" : attr(agency.kind())).raw("\" data-final-assessor=\"")
                    .raw(attr(a.finalAssessor()))
                    .raw("\"><td class=\"num\">").raw(String.valueOf(r.rank())).raw("</td><td>")
                    .raw(report.link(a.agency())).raw(" <span class=\"meta\">(").esc(a.agency())
                    .raw(")</span></td><td>").esc(agency == null ? "" : lang.kind(vocabulary(), agency.kind()))
                    .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(a.total(), lang)).raw("</td><td>")
                    .esc(lang.rating(vocabulary(), a.rating())).raw("</td><td>")
                    .esc(lang.assessor(vocabulary(), a.finalAssessor()))
                    .raw("</td></tr>\n");
        }
        page.raw("</tbody></table>\n");
    }
}
