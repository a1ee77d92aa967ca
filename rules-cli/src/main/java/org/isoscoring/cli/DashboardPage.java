package org.isoscoring.cli;

import static org.isoscoring.cli.HtmlWriter.attr;
import static org.isoscoring.cli.HtmlWriter.points;
import static org.isoscoring.cli.HtmlWriter.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.DistrictReport;
import org.isoscoring.api.Rating;
import org.isoscoring.api.ScoringResult;

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
        page.raw("<h2>").esc(lang.t("Cấp huyện: chấm xã, thẩm định, tiêu chí 15.2, chấm cao",
                "Districts: communes scored, appraised, criterion 15.2, over-scoring")).raw("</h2>\n");
        for (DistrictReport d : result.districts()) {
            district(page, d);
        }
        ranking(page);
        return page.finish();
    }

    private void ratings(HtmlWriter page) {
        Map<Rating, Long> counts = result.agencies().stream()
                .collect(Collectors.groupingBy(AgencyResult::rating, Collectors.counting()));
        page.raw("<h2>").esc(lang.t("Số cơ quan theo xếp loại", "Agencies per rating")).raw("</h2>\n")
                .raw("<div class=\"cards\">\n<div class=\"card\" data-field=\"agencies\" data-value=\"")
                .raw(String.valueOf(result.agencies().size())).raw("\">").esc(lang.t("Cơ quan được chấm",
                        "Agencies scored")).raw("<b>").raw(String.valueOf(result.agencies().size()))
                .raw("</b></div>\n<div class=\"card\" data-field=\"assessments\" data-value=\"")
                .raw(String.valueOf(result.assessments().size())).raw("\">").esc(lang.t("Phiếu chấm", "Assessments"))
                .raw("<b>").raw(String.valueOf(result.assessments().size())).raw("</b></div>\n");
        for (Rating r : Rating.values()) {
            long n = counts.getOrDefault(r, 0L);
            page.raw("<div class=\"card\" data-rating-count=\"").raw(r.name()).raw("\" data-count=\"")
                    .raw(String.valueOf(n)).raw("\">").esc(lang.rating(r)).raw("<b>").raw(String.valueOf(n))
                    .raw("</b></div>\n");
        }
        page.raw("</div>\n").raw(ratingBars(counts));
    }

    /** One horizontal bar per rating. */
    private String ratingBars(Map<Rating, Long> counts) {
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowHeight = 22;
        int labelWidth = 110;
        int barWidth = 560;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" role=\"img\" width=\"720\" height=\"")
                .append(rowHeight * Rating.values().length + 6).append("\" viewBox=\"0 0 720 ")
                .append(rowHeight * Rating.values().length + 6).append("\"><title>")
                .append(text(lang.t("Số cơ quan theo xếp loại", "Agencies per rating"))).append("</title>\n");
        int y = 3;
        for (Rating r : Rating.values()) {
            long n = counts.getOrDefault(r, 0L);
            long w = Math.round((double) barWidth * n / max);
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(text(lang.rating(r)))
                    .append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
                    .append("\" width=\"").append(w).append("\" height=\"").append(rowHeight - 6)
                    .append("\" fill=\"").append(colour(r)).append("\"/><text x=\"").append(labelWidth + w + 4)
                    .append("\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(n).append("</text>\n");
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String colour(Rating r) {
        return switch (r) {
            case EXCELLENT -> "#1b5e20";
            case GOOD -> "#43a047";
            case FAIR -> "#c0ca33";
            case AVERAGE -> "#f9a825";
            case WEAK -> "#c62828";
        };
    }

    private void district(HtmlWriter page, DistrictReport d) {
        Agency agency = report.agencies().get(d.agency());
        String points152 = result.agency(d.agency()).flatMap(a -> result.assessment(d.agency(), a.finalAssessor()))
                .map(AssessmentResult::points).map(p -> points(p.get("15.2"))).orElse("");
        page.raw("<section class=\"district\" data-district=\"").raw(attr(d.agency())).raw("\" data-communes=\"")
                .raw(String.valueOf(d.communes())).raw("\" data-on-site=\"").raw(String.valueOf(d.onSite()))
                .raw("\" data-on-site-required=\"").raw(String.valueOf(d.onSiteRequired()))
                .raw("\" data-province-sample-size=\"").raw(String.valueOf(d.provinceSampleSize()))
                .raw("\" data-province-appraised=\"").raw(String.valueOf(d.provinceAppraised()))
                .raw("\" data-communes-at-least-80=\"").raw(String.valueOf(d.communesAtLeast80()))
                .raw("\" data-penalty=\"").raw(points(d.penalty())).raw("\" data-points-15-2=\"").raw(points152)
                .raw("\">\n<h3>").raw(report.link(d.agency())).raw(" <span class=\"meta\">(").esc(d.agency())
                .raw(")</span></h3>\n<div class=\"cols\">\n<table class=\"figures\"><tbody>\n");
        figure(page, lang.t("Số xã", "Communes"), String.valueOf(d.communes()), false);
        figure(page, lang.t("Huyện chấm tại chỗ / cần (1/3)", "Scored on site / required (1/3)"),
                d.onSite() + " / " + d.onSiteRequired(), d.onSiteShort());
        figure(page, lang.t("Tỉnh thẩm định / mẫu (10%)", "Appraised by the province / sample (10%)"),
                d.provinceAppraised() + " / " + d.provinceSampleSize(), d.provinceSampleShort());
        figure(page, lang.t("Xã đạt từ 80 điểm", "Communes at 80 or more"),
                d.communesAtLeast80() + " / " + d.communes(), false);
        figure(page, lang.t("Tiêu chí 15.2 của huyện", "District's criterion 15.2"), points152.isEmpty() ? "—"
                : HtmlWriter.shown(new BigDecimal(points152), lang) + " / 3", false);
        figure(page, lang.t("Trừ điểm chấm cao", "Over-scoring penalty"), HtmlWriter.shown(d.penalty(), lang),
                d.penalty().signum() > 0);
        page.raw("</tbody></table>\n<div>").raw(histogram(d, agency)).raw("</div>\n</div>\n");
        if (d.overScoredCommunes().isEmpty()) {
            page.raw("<p class=\"ok\">").esc(lang.t("Không xã nào bị huyện chấm cao hơn tỉnh quá 10%.",
                    "No commune scored more than 10% above the province's appraisal.")).raw("</p>\n");
        } else {
            page.raw(report.overScoredTable(d));
        }
        page.raw("</section>\n");
    }

    private void figure(HtmlWriter page, String label, String value, boolean flagged) {
        page.raw("<tr><th>").esc(label).raw("</th><td class=\"num").raw(flagged ? " short" : "").raw("\">")
                .esc(value).raw(flagged ? " ⚠" : "").raw("</td></tr>\n");
    }

    /** The final totals of a district's communes in bars of 5 points, the 80-point line marked. */
    private String histogram(DistrictReport d, Agency district) {
        List<BigDecimal> totals = report.request().agencies().stream()
                .filter(a -> a.kind() == AgencyKind.COMMUNE && d.agency().equals(a.district()))
                .map(a -> result.agency(a.id()).map(AgencyResult::total).orElse(null))
                .filter(t -> t != null).toList();
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
        String name = district == null || district.name() == null ? d.agency() : district.name();
        StringBuilder svg = new StringBuilder("<svg class=\"histogram\" role=\"img\" data-district=\"")
                .append(attr(d.agency())).append("\" data-communes-charted=\"").append(totals.size())
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\"><title>")
                .append(text(lang.t("Phân bố điểm cuối cùng của các xã — ", "Final totals of the communes — ") + name))
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
                .append(text(lang.t("Số xã theo điểm cuối cùng (mỗi cột 5 điểm)",
                        "Communes by final total (5 points a bar)"))).append("</text>\n");
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
                    .raw("\" data-total=\"").raw(points(a.total())).raw("\" data-rating=\"").raw(a.rating().name())
                    .raw("\"><td class=\"num\">").raw(String.valueOf(r.rank())).raw("</td><td>")
                    .raw(report.link(a.agency())).raw(" <span class=\"meta\">(").esc(a.agency())
                    .raw(")</span></td><td>").esc(agency == null ? "" : lang.kind(agency.kind()))
                    .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(a.total(), lang)).raw("</td><td>")
                    .esc(lang.rating(a.rating())).raw("</td><td>").esc(lang.assessor(a.finalAssessor()))
                    .raw("</td></tr>\n");
        }
        page.raw("</tbody></table>\n");
    }
}
