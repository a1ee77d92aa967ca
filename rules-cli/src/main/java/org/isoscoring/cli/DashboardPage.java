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
 * The province at a glance: agencies per rating, each district's figures with a chart of its communes' final
 * totals and its over-scored communes, then every agency ranked. Charts are inline SVG; nothing is loaded.
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

    /** One group report: its figures, a chart of its members' final totals, and the agencies its figures list. */
    private void group(HtmlWriter page, Vocabulary.Group group, GroupReport r) {
        page.raw("<section class=\"group-report\" data-group=\"").raw(attr(group.id())).raw("\"");
        if (r.agency() != null) {
            page.raw(" data-").raw(report.kindAttribute(group.of())).raw("=\"").raw(attr(r.agency())).raw("\"");
        }
        page.raw(report.figureAttributes(group, r)).raw(">\n<h3>");
        if (r.agency() != null) {
            page.raw(report.link(r.agency())).raw(" <span class=\"meta\">(").esc(r.agency()).raw(")</span>");
        } else {
            page.esc(lang.t("Toàn tỉnh", "The whole province"));
        }
        page.raw("</h3>\n<div class=\"cols\">\n").raw(report.groupFigures(group, r)).raw("<div>")
                .raw(histogram(r)).raw("</div>\n</div>\n</section>\n");
    }

    private void figure(HtmlWriter page, String label, String value, boolean flagged) {
        page.raw("<tr><th>").esc(label).raw("</th><td class=\"num").raw(flagged ? " short" : "").raw("\">")
                .esc(value).raw(flagged ? " ⚠" : "").raw("</td></tr>\n");
    }

    /**
     * The final totals of a report's agencies in bars of 5 points, the 80-point line marked: the members of the
     * agency it is of (a district's communes), or for the whole request the agencies of kinds that belong to none.
     */
    private String histogram(GroupReport r) {
        Agency district = r.agency() == null ? null : report.agencies().get(r.agency());
        List<BigDecimal> totals = report.request().agencies().stream()
                .filter(a -> r.agency() != null ? r.agency().equals(a.parent()) : true)
                .map(a -> result.agency(a.id()).map(AgencyResult::total).orElse(null))
                .filter(t -> t != null).toList();
        if (totals.isEmpty()) {
            return "";
        }
        String agencyId = r.agency() == null ? r.group() : r.agency();
        int bins = 100 / BIN;
        int[] counts = new int[bins];
        for (BigDecimal t : totals) {
            int b = Math.min(bins - 1, t.intValue() / BIN);
            counts[b]++;
        }
        int max = Math.max(1, java.util.Arrays.stream(counts).max().orElse(1));
        int left = 28;
        int top = 24;
        int plotHeight = 90;
        int barWidth = 17;
        int width = left + bins * barWidth + 10;
        int height = top + plotHeight + 30;
        String name = district == null || district.name() == null ? agencyId : district.name();
        StringBuilder svg = new StringBuilder("<svg class=\"histogram\" role=\"img\" data-chart-of=\"")
                .append(attr(agencyId)).append("\" data-charted=\"").append(totals.size())
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
        return svg.append("</svg>\n").toString();
    }

    private void ranking(HtmlWriter page) {
        page.raw("<h2>").esc(lang.t("Xếp hạng các cơ quan (kết quả cuối cùng)", "Agencies ranked (final results)"))
                .raw("</h2>\n<table class=\"ranking\"><thead><tr><th class=\"num\">").esc(lang.t("Hạng", "Rank"))
                .raw("</th><th>").esc(lang.t("Cơ quan", "Agency")).raw("</th><th>").esc(lang.t("Loại", "Kind"))
                .raw("</th><th class=\"num\">").esc(lang.t("Tổng điểm", "Total")).raw("</th><th>")
                .esc(lang.t("Xếp loại", "Rating")).raw("</th><th>").esc(lang.t("Phiếu cuối cùng", "Final assessment"))
                .raw("</th></tr></thead><tbody>\n");
        for (Report.Ranked r : Report.ranked(result.agencies())) {
            AgencyResult a = r.result();
            Agency agency = report.agencies().get(a.agency());
            page.raw("<tr data-agency=\"").raw(attr(a.agency())).raw("\" data-rank=\"").raw(String.valueOf(r.rank()))
                    .raw("\" data-total=\"").raw(points(a.total())).raw("\" data-rating=\"").raw(attr(a.rating()))
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
