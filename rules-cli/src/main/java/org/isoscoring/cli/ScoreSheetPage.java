package org.isoscoring.cli;

import static org.isoscoring.cli.HtmlWriter.attr;
import static org.isoscoring.cli.HtmlWriter.points;
import static org.isoscoring.cli.HtmlWriter.text;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Assessor;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.DistrictReport;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.ScoringResult;

/**
 * The score sheet (phiếu chấm điểm) page of one agency: each of its assessments as the appraisal form, the final
 * one first and marked; for a district, the lines of criterion 15.2 and of the over-scoring penalty. Every number
 * carries a {@code data-} attribute with its value as in the JSON result.
 */
final class ScoreSheetPage {

    private final HtmlReport report;
    private final Lang lang;
    private final ScoringResult result;

    ScoreSheetPage(HtmlReport report) {
        this.report = report;
        this.lang = report.lang();
        this.result = report.result();
    }

    String render(Agency agency) {
        String name = agency.name() == null ? agency.id() : agency.name();
        HtmlWriter page = new HtmlWriter(lang, lang.t("Phiếu chấm điểm", "Score sheet") + " — " + name);
        page.raw(report.nav());
        page.raw("<header data-agency=\"").raw(attr(agency.id())).raw("\">\n<h1>")
                .esc(lang.t("PHIẾU CHẤM ĐIỂM VIỆC ÁP DỤNG HTQLCL THEO TCVN ISO 9001:2015",
                        "SCORE SHEET: APPLICATION OF THE QMS UNDER TCVN ISO 9001:2015"))
                .raw("</h1>\n<p class=\"meta\">").esc(lang.t("Cơ quan", "Agency")).raw(": <b>").esc(name)
                .raw("</b> (").esc(agency.id()).raw(") · ").esc(lang.kind(agency.kind()));
        if (agency.kind() == AgencyKind.COMMUNE) {
            page.raw(" · ").esc(lang.t("thuộc", "of")).raw(" ").raw(report.link(agency.district()));
        }
        page.raw(" · ").esc(lang.t("năm", "year")).raw(" ").raw(String.valueOf(result.year())).raw("</p>\n");
        var fin = result.agency(agency.id());
        if (fin.isPresent()) {
            AgencyResult f = fin.get();
            page.raw("<p class=\"meta\" data-field=\"final\" data-total=\"").raw(points(f.total()))
                    .raw("\" data-rating=\"").raw(f.rating().name()).raw("\" data-final-assessor=\"")
                    .raw(f.finalAssessor().name()).raw("\">").esc(lang.t("Kết quả cuối cùng", "Final result"))
                    .raw(": <b>").esc(HtmlWriter.shown(f.total(), lang)).raw(" ").esc(lang.t("điểm", "points"))
                    .raw(", ").esc(lang.rating(f.rating())).raw("</b> (").esc(lang.assessor(f.finalAssessor()))
                    .raw(")</p>\n");
        }
        page.raw(report.stamp()).raw("</header>\n");
        List<AssessmentResult> sheets = result.assessments().stream().filter(r -> r.agency().equals(agency.id()))
                .sorted(Comparator.comparing((AssessmentResult r) -> fin.isEmpty()
                                || r.assessor() != fin.get().finalAssessor())
                        .thenComparing(r -> -r.assessor().ordinal()))
                .toList();
        if (sheets.isEmpty()) {
            page.raw("<p>").esc(lang.t("Cơ quan này chưa có phiếu chấm nào.", "This agency has no assessment."))
                    .raw("</p>\n");
        }
        for (AssessmentResult sheet : sheets) {
            sheet(page, agency, sheet, fin.isPresent() && sheet.assessor() == fin.get().finalAssessor());
        }
        return page.finish();
    }

    private void sheet(HtmlWriter page, Agency agency, AssessmentResult sheet, boolean isFinal) {
        page.raw("<section class=\"sheet\" data-assessor=\"").raw(sheet.assessor().name()).raw("\" data-final=\"")
                .raw(String.valueOf(isFinal)).raw("\">\n<h2>").esc(lang.t("Phiếu của", "Assessment"))
                .raw(": ").esc(lang.assessor(sheet.assessor()));
        if (isFinal) {
            page.raw(" <span class=\"final\">").esc(lang.t("KẾT QUẢ CUỐI CÙNG", "FINAL")).raw("</span>");
        }
        page.raw("</h2>\n<p class=\"meta\">").esc(agency.name() == null ? agency.id() : agency.name()).raw(" (")
                .esc(agency.id()).raw(") · ").esc(lang.t("bộ tiêu chí", "guidance")).raw(" ")
                .esc(result.guidance()).raw(" · ").esc(lang.t("năm", "year")).raw(" ")
                .raw(String.valueOf(result.year())).raw("</p>\n");
        page.raw("<table class=\"score\">\n<thead><tr><th>").esc(lang.t("TT", "No."))
                .raw("</th><th>").esc(lang.t("Tiêu chí", "Criterion"))
                .raw("</th><th class=\"num\">").esc(lang.t("Tối đa", "Max"))
                .raw("</th><th class=\"num\">").esc(lang.t("Điểm", "Points"))
                .raw("</th><th>").esc(lang.t("Lý do, dữ kiện sử dụng", "Reason and facts used"))
                .raw("</th></tr></thead>\n");
        Map<String, Explanation> byId = sheet.explanations().stream()
                .collect(Collectors.toMap(Explanation::criterion, Function.identity()));
        for (Criterion c : report.guidance().criteria()) {
            BigDecimal sum = c.subCriteria().stream().map(s -> sheet.points().get(s.id()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            page.raw("<tbody data-group=\"").raw(attr(c.id())).raw("\">\n<tr class=\"group\"><td class=\"id\">")
                    .esc(c.id()).raw("</td><td>").esc(c.titleFor(agency.kind(), lang.english()))
                    .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(c.max(), lang))
                    .raw("</td><td class=\"num\" data-value=\"").raw(points(sum)).raw("\">")
                    .esc(HtmlWriter.shown(sum, lang)).raw("</td><td></td></tr>\n");
            for (Criterion s : c.subCriteria()) {
                Explanation e = byId.get(s.id());
                page.raw("<tr data-criterion=\"").raw(attr(s.id())).raw("\" data-points=\"").raw(points(e.points()))
                        .raw("\" data-max=\"").raw(points(s.max())).raw("\"><td class=\"id\">").esc(s.id())
                        .raw("</td><td>").esc(s.titleFor(agency.kind(), lang.english()))
                        .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(s.max(), lang))
                        .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(e.points(), lang))
                        .raw("</td><td><div class=\"reason\">").esc(lang.reason(e)).raw("</div>");
                if (!e.facts().isEmpty()) {
                    page.raw("<div class=\"facts\">").esc(new TreeMap<>(e.facts()).entrySet().stream()
                            .map(f -> f.getKey() + " = " + f.getValue()).collect(Collectors.joining(" · ")))
                            .raw("</div>");
                }
                page.raw("<div class=\"rule\">").esc(lang.t("Quy tắc", "Rule")).raw(": ").esc(e.rule())
                        .raw("</div></td></tr>\n");
            }
            page.raw("</tbody>\n");
        }
        totals(page, agency, sheet);
        page.raw("</table>\n");
        if (agency.kind() == AgencyKind.DISTRICT) {
            result.district(agency.id()).ifPresent(d -> districtLines(page, d, sheet, isFinal));
        }
        page.raw(report.stamp());
        page.raw("<div class=\"signatures\"><div>").esc(lang.t("NGƯỜI CHẤM", "ASSESSOR"))
                .raw("<div class=\"space\"></div><span class=\"meta\">")
                .esc(lang.t("(ký, ghi rõ họ tên)", "(signature and full name)"))
                .raw("</span></div><div>").esc(lang.t("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE AGENCY"))
                .raw("<div class=\"space\"></div><span class=\"meta\">")
                .esc(lang.t("(ký tên, đóng dấu)", "(signature and seal)")).raw("</span></div></div>\n");
        page.raw("</section>\n");
    }

    private void totals(HtmlWriter page, Agency agency, AssessmentResult sheet) {
        BigDecimal max = report.guidance().criteria().stream().map(Criterion::max)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        page.raw("<tbody class=\"totals\">\n");
        row(page, "sum", "subtotal", lang.t("Cộng điểm 15 tiêu chí", "Sum of the criteria"),
                HtmlWriter.shown(max, lang), sheet.subtotal(), "");
        if (agency.kind() == AgencyKind.DISTRICT || sheet.penalty().signum() > 0) {
            String why = sheet.penalty().signum() > 0
                    ? lang.t("Huyện chấm xã cao hơn tỉnh thẩm định quá 10%: ", "The district scored communes more "
                    + "than 10% above the province's appraisal: ") + String.join(", ",
                    result.district(agency.id()).map(DistrictReport::overScoredCommunes).orElse(List.of()))
                    : lang.t("Không bị trừ điểm", "No penalty");
            row(page, "penalty", "penalty", lang.t("Trừ điểm (chấm cao xã)", "Penalty (over-scored communes)"), "",
                    sheet.penalty(), why);
        }
        row(page, "total", "total", lang.t("TỔNG ĐIỂM", "TOTAL"), HtmlWriter.shown(max, lang), sheet.total(), "");
        page.raw("<tr class=\"total\" data-field=\"rating\" data-value=\"").raw(sheet.rating().name())
                .raw("\"><td></td><td>").esc(lang.t("XẾP LOẠI", "RATING")).raw("</td><td></td><td class=\"num\">")
                .esc(lang.rating(sheet.rating())).raw("</td><td></td></tr>\n</tbody>\n");
    }

    private void row(HtmlWriter page, String css, String field, String label, String max, BigDecimal value,
                     String note) {
        page.raw("<tr class=\"").raw(css).raw("\" data-field=\"").raw(field).raw("\" data-value=\"")
                .raw(points(value)).raw("\"><td></td><td>").esc(label).raw("</td><td class=\"num\">").esc(max)
                .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(value, lang)).raw("</td><td>")
                .raw(note.isEmpty() ? "" : "<span class=\"" + (value.signum() > 0 ? "penalty" : "ok") + "\">"
                        + text(note) + "</span>").raw("</td></tr>\n");
    }

    /** Criterion 15.2 and the penalty of a district, with the figures they come from. */
    private void districtLines(HtmlWriter page, DistrictReport d, AssessmentResult sheet, boolean isFinal) {
        page.raw("<div class=\"district\" data-district=\"").raw(attr(d.agency())).raw("\">\n<h3>")
                .esc(lang.t("Tiêu chí 15.2 và trừ điểm của huyện", "Criterion 15.2 and the district's penalty"))
                .raw("</h3>\n<p data-field=\"15.2\" data-value=\"").raw(points(sheet.points().get("15.2")))
                .raw("\">15.2: ").esc(lang.t("số xã đạt từ 80 điểm trở lên (kết quả cuối cùng)",
                        "communes whose final total is 80 or more")).raw(": <b>")
                .raw(String.valueOf(d.communesAtLeast80())).raw("/").raw(String.valueOf(d.communes()))
                .raw("</b> → <b>").esc(HtmlWriter.shown(sheet.points().get("15.2"), lang)).raw(" ")
                .esc(lang.t("điểm", "points")).raw("</b></p>\n");
        if (d.overScoredCommunes().isEmpty()) {
            page.raw("<p class=\"ok\">").esc(lang.t("Không xã nào bị huyện chấm cao hơn tỉnh quá 10%: không trừ điểm.",
                    "No commune scored more than 10% above the province's appraisal: no penalty.")).raw("</p>\n");
        } else {
            page.raw("<p class=\"penalty\">").esc(lang.t("Xã bị huyện chấm cao hơn tỉnh thẩm định quá 10%",
                    "Communes the district scored more than 10% above the province's appraisal"))
                    .raw(": ").raw(String.valueOf(d.overScoredCommunes().size())).raw(" → ")
                    .esc(lang.t("trừ", "minus")).raw(" ").esc(HtmlWriter.shown(d.penalty(), lang)).raw(" ")
                    .esc(lang.t("điểm, một lần, trên phiếu cuối cùng", "points, once, on the final assessment"))
                    .raw(isFinal ? "" : " (" + text(lang.t("không áp dụng cho phiếu này", "not on this assessment"))
                            + ")").raw("</p>\n");
            page.raw(report.overScoredTable(d));
        }
        page.raw("</div>\n");
    }

    /** The total of one assessment, or {@code null}. */
    static BigDecimal total(ScoringResult result, String agency, Assessor assessor) {
        return result.assessment(agency, assessor).map(AssessmentResult::total).orElse(null);
    }
}
