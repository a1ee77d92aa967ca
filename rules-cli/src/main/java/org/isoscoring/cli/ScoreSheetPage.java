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
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;

/**
 * The score sheet (phiếu chấm điểm) page of one agency: each of its assessments as the appraisal form, the final
 * one first and marked; the penalty line says why (for a district the over-scored communes; for an agency a
 * whole-request figure lists, its two subtotals); for an agency a group reports on, that report. Every number
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
                .raw("</b> (").esc(agency.id()).raw(") · ").esc(lang.kind(report.vocabulary(), agency.kind()));
        if (agency.parent() != null) {
            page.raw(" · ").esc(lang.t("thuộc", "of")).raw(" ").raw(report.link(agency.parent()));
        }
        page.raw(" · ").esc(lang.t("năm", "year")).raw(" ").raw(String.valueOf(result.year())).raw("</p>\n");
        var fin = result.agency(agency.id());
        if (fin.isPresent()) {
            AgencyResult f = fin.get();
            page.raw("<p class=\"meta\" data-field=\"final\" data-total=\"").raw(points(f.total()))
                    .raw("\" data-rating=\"").raw(attr(f.rating())).raw("\" data-final-assessor=\"")
                    .raw(attr(f.finalAssessor())).raw("\">").esc(lang.t("Kết quả cuối cùng", "Final result"))
                    .raw(": <b>").esc(HtmlWriter.shown(f.total(), lang)).raw(" ").esc(lang.t("điểm", "points"))
                    .raw(", ").esc(lang.rating(report.vocabulary(), f.rating())).raw("</b> (")
                    .esc(lang.assessor(report.vocabulary(), f.finalAssessor()))
                    .raw(")</p>\n");
        }
        page.raw(report.stamp()).raw("</header>\n");
        List<AssessmentResult> sheets = result.assessments().stream().filter(r -> r.agency().equals(agency.id()))
                .sorted(Comparator.comparing((AssessmentResult r) -> fin.isEmpty()
                                || !r.assessor().equals(fin.get().finalAssessor()))
                        .thenComparing(r -> report.vocabulary().finalAssessor().indexOf(r.assessor())))
                .toList();
        if (sheets.isEmpty()) {
            page.raw("<p>").esc(lang.t("Cơ quan này chưa có phiếu chấm nào.", "This agency has no assessment."))
                    .raw("</p>\n");
        }
        for (AssessmentResult sheet : sheets) {
            sheet(page, agency, sheet, fin.isPresent() && sheet.assessor().equals(fin.get().finalAssessor()));
        }
        return page.finish();
    }

    private void sheet(HtmlWriter page, Agency agency, AssessmentResult sheet, boolean isFinal) {
        page.raw("<section class=\"sheet\" data-assessor=\"").raw(attr(sheet.assessor())).raw("\" data-final=\"")
                .raw(String.valueOf(isFinal)).raw("\">\n<h2>").esc(lang.t("Phiếu của", "Assessment"))
                .raw(": ").esc(lang.assessor(report.vocabulary(), sheet.assessor()));
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
        for (Vocabulary.Group group : report.vocabulary().groups()) {
            if (agency.kind().equals(group.of())) {
                result.report(group.id(), agency.id()).ifPresent(r -> groupLines(page, group, r, sheet, isFinal));
            }
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
        int criteria = report.guidance().criteria().size();
        row(page, "sum", "subtotal", lang.t("Cộng điểm " + criteria + " tiêu chí", "Sum of the " + criteria
                        + " criteria"),
                HtmlWriter.shown(max, lang), sheet.subtotal(), "");
        boolean reported = report.vocabulary().groups().stream().anyMatch(g -> agency.kind().equals(g.of()));
        if (reported || sheet.penalty().signum() > 0) {
            String why = sheet.penalty().signum() > 0 ? penaltyWhy(agency.id())
                    : lang.t("Không bị trừ điểm", "No penalty");
            row(page, "penalty", "penalty", lang.t("Trừ điểm", "Penalty"), "", sheet.penalty(), why);
        }
        row(page, "total", "total", lang.t("TỔNG ĐIỂM", "TOTAL"), HtmlWriter.shown(max, lang), sheet.total(), "");
        page.raw("<tr class=\"total\" data-field=\"rating\" data-value=\"").raw(attr(sheet.rating()))
                .raw("\"><td></td><td>").esc(lang.t("XẾP LOẠI", "RATING")).raw("</td><td></td><td class=\"num\">")
                .esc(lang.rating(report.vocabulary(), sheet.rating())).raw("</td><td></td></tr>\n</tbody>\n");
    }

    private void row(HtmlWriter page, String css, String field, String label, String max, BigDecimal value,
                     String note) {
        page.raw("<tr class=\"").raw(css).raw("\" data-field=\"").raw(field).raw("\" data-value=\"")
                .raw(points(value)).raw("\"><td></td><td>").esc(label).raw("</td><td class=\"num\">").esc(max)
                .raw("</td><td class=\"num\">").esc(HtmlWriter.shown(value, lang)).raw("</td><td>")
                .raw(note.isEmpty() ? "" : "<span class=\"" + (value.signum() > 0 ? "penalty" : "ok") + "\">"
                        + text(note) + "</span>").raw("</td></tr>\n");
    }

    /** Why an agency lost points: the agencies its group reports list ("over-scored communes: XA-1"), if any. */
    private String penaltyWhy(String agency) {
        for (Vocabulary.Group group : report.vocabulary().groups()) {
            var r = result.report(group.id(), agency);
            for (Vocabulary.Figure f : group.figures()) {
                if (r.isPresent() && r.get().figure(f.name()) instanceof List<?> ids && !ids.isEmpty()) {
                    return lang.t("Trừ điểm", "Penalty") + " — " + lang.label(f.title()) + ": "
                            + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
                }
            }
            if (r.isEmpty() && group.of() == null) {
                for (GroupReport whole : result.group(group.id())) {
                    for (Vocabulary.Figure f : group.figures()) {
                        if (whole.figure(f.name()) instanceof List<?> ids && ids.contains(agency)) {
                            return listedWhy(f, agency);
                        }
                    }
                }
            }
        }
        return lang.t("Trừ điểm theo quy tắc của bộ tiêu chí", "Penalty by the guidance's rules");
    }

    /**
     * Why an agency a whole-request figure lists lost points: the figure ("agencies that scored themselves more than
     * 10% too high"), then the subtotal of the assessment below the final one against the final one's and how far
     * above it is ("subtotal “self-assessment” 92 against “appraised by …” 82, 12.2% higher").
     */
    private String listedWhy(Vocabulary.Figure f, String agency) {
        String why = HtmlReport.capitalised(lang.label(f.title()));
        AssessmentResult[] pair = report.compared(agency);
        if (pair[0] == null || pair[1] == null) {
            return why;
        }
        String lower = lang.assessor(report.vocabulary(), pair[0].assessor());
        String upper = lang.assessor(report.vocabulary(), pair[1].assessor());
        String excess = report.excess(pair[0], pair[1]);
        String above = excess.startsWith("+") ? excess.substring(1) : excess;
        return why + lang.t(": cộng điểm «" + lower + "» " + HtmlWriter.shown(pair[0].subtotal(), lang)
                        + " so với «" + upper + "» " + HtmlWriter.shown(pair[1].subtotal(), lang) + ", cao hơn "
                        + above,
                ": subtotal “" + lower + "” " + HtmlWriter.shown(pair[0].subtotal(), lang) + " against “" + upper
                        + "” " + HtmlWriter.shown(pair[1].subtotal(), lang) + ", " + above + " higher");
    }

    /** The group report of an agency (a district's scoring of its communes), with the figures it comes from. */
    private void groupLines(HtmlWriter page, Vocabulary.Group group, GroupReport r, AssessmentResult sheet,
                            boolean isFinal) {
        page.raw("<div class=\"group-report\" data-group=\"").raw(attr(group.id())).raw("\" data-")
                .raw(report.kindAttribute(group.of())).raw("=\"").raw(attr(r.agency())).raw("\">\n<h3>")
                .esc(lang.label(group.title())).raw("</h3>\n").raw(report.groupFigures(group, r));
        if (sheet.penalty().signum() > 0 && !isFinal) {
            page.raw("<p class=\"meta\">").esc(lang.t("Trừ điểm chỉ áp dụng cho phiếu cuối cùng",
                    "A penalty is taken on the final assessment only")).raw("</p>\n");
        }
        page.raw("</div>\n");
    }

    /** The total of one assessment, or {@code null}. */
    static BigDecimal total(ScoringResult result, String agency, String assessor) {
        return result.assessment(agency, assessor).map(AssessmentResult::total).orElse(null);
    }
}
