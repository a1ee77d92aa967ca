package org.isoscoring.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Rating;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/** The readable forms of a result: the province summary and an agency's score sheets. */
final class Report {

    private final ScoringResult result;
    private final GuidanceInfo guidance;
    private final Map<String, Agency> agencies;
    private final Lang lang;

    Report(ScoringRequest request, ScoringResult result, GuidanceInfo guidance) {
        this(request, result, guidance, Lang.BOTH);
    }

    Report(ScoringRequest request, ScoringResult result, GuidanceInfo guidance, Lang lang) {
        this.result = result;
        this.guidance = guidance;
        this.lang = lang;
        this.agencies = request.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
    }

    /** Every agency ranked by its final total, then one line per district. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(lang.t("Bộ tiêu chí", "guidance")).append(' ').append(result.guidance()).append(" · ")
                .append(lang == Lang.EN ? "year" : "năm").append(' ').append(result.year())
                .append(" · ").append(result.rulesHash()).append('\n');
        int agencies = result.agencies().size();
        int sheets = result.assessments().size();
        out.append(switch (lang) {
            case VI -> agencies + " cơ quan, " + sheets + " phiếu chấm";
            case EN -> agencies + " agencies, " + sheets + " assessments";
            case BOTH -> agencies + " cơ quan, " + sheets + " phiếu chấm / agencies, assessments";
        }).append("\n\n");
        out.append(lang.t("XẾP HẠNG", "RANKING")).append(' ')
                .append(lang == Lang.BOTH ? "(kết quả cuối cùng / final results)" : lang.t("(kết quả cuối cùng)",
                        "(final results)")).append('\n');
        out.append(lang == Lang.EN
                ? String.format("%5s  %-14s %-44s %6s  %-22s %s%n", "rank", "id", "agency", "total", "rating", "by")
                : String.format("%5s  %-14s %-44s %6s  %-22s %s%n", "hạng", "mã", "cơ quan", "tổng", "xếp loại",
                "phiếu"));
        for (Ranked r : ranked(result.agencies())) {
            AgencyResult a = r.result();
            out.append(String.format("%5d  %-14s %-44s %6s  %-22s %s%n", r.rank(), a.agency(), cut(name(a.agency()), 44),
                    points(a.total()), rating(a.rating()), a.finalAssessor()));
        }
        out.append('\n').append(ratingCounts()).append("\n\n");
        out.append(lang.t("CẤP HUYỆN", "DISTRICTS")).append('\n');
        for (DistrictReport d : result.districts()) {
            out.append(district(d)).append('\n');
        }
        return out.toString();
    }

    /** An agency's place in the ranking: equal totals share a rank (1, 1, 3). */
    record Ranked(int rank, AgencyResult result) {
    }

    /** The final results ordered by total, then id, with their ranks. */
    static List<Ranked> ranked(List<AgencyResult> results) {
        List<AgencyResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(AgencyResult::total).reversed().thenComparing(AgencyResult::agency));
        List<Ranked> ranked = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            AgencyResult a = sorted.get(i);
            if (previous == null || a.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = a.total();
            }
            ranked.add(new Ranked(rank, a));
        }
        return ranked;
    }

    private String ratingCounts() {
        Map<Rating, Long> counts = result.agencies().stream()
                .collect(Collectors.groupingBy(AgencyResult::rating, Collectors.counting()));
        StringBuilder out = new StringBuilder(lang.t("Số cơ quan theo xếp loại", "agencies per rating") + ":");
        for (Rating r : Rating.values()) {
            out.append("  ").append(rating(r)).append(": ").append(counts.getOrDefault(r, 0L));
        }
        return out.toString();
    }

    private String district(DistrictReport d) {
        StringBuilder line = new StringBuilder();
        boolean en = lang == Lang.EN;
        line.append(d.agency()).append(" (").append(name(d.agency())).append("): ").append(d.communes())
                .append(en ? " communes" : " xã");
        line.append(" · ").append(lang.t("chấm tại chỗ", "on site")).append(' ').append(d.onSite()).append(" (")
                .append(lang.t("cần", "required")).append(' ').append(d.onSiteRequired())
                .append(d.onSiteShort() ? ", " + lang.t("THIẾU", "SHORT") + ")" : ")");
        line.append(" · ").append(lang.t("tỉnh thẩm định", "province appraised")).append(' ')
                .append(d.provinceAppraised()).append(" (").append(lang.t("mẫu", "sample")).append(' ')
                .append(d.provinceSampleSize()).append(d.provinceSampleShort() ? ", " + lang.t("THIẾU", "SHORT") + ")" : ")");
        line.append(" · ").append(lang.t("xã ≥ 80 điểm", "communes ≥ 80")).append(": ").append(d.communesAtLeast80())
                .append('/').append(d.communes());
        line.append(" · 15.2: ").append(result.agency(d.agency())
                .flatMap(a -> result.assessment(d.agency(), a.finalAssessor()))
                .map(a -> points(a.points().get("15.2")) + (en ? pointsWord(a.points().get("15.2")) : " điểm"))
                .orElse(en ? "— (the district has no assessment)" : "— (huyện chưa có phiếu chấm)"));
        if (d.overScoredCommunes().isEmpty()) {
            line.append(" · ").append(lang.t("không xã nào bị chấm cao", "no over-scored commune"));
        } else {
            line.append(" · ").append(lang.t("chấm cao quá 10%", "over-scored")).append(": ")
                    .append(d.overScoredCommunes().stream()
                    .map(c -> c + (en ? " (district " : " (huyện ") + total(c, Assessor.DISTRICT)
                            + (en ? " / province " : " / tỉnh ") + total(c, Assessor.PROVINCE) + ")")
                    .collect(Collectors.joining(", ")));
            line.append(" · ").append(lang.t("trừ", "penalty")).append(' ').append(points(d.penalty()))
                    .append(en ? pointsWord(d.penalty()) : " điểm");
        }
        return line.toString();
    }

    private String total(String agency, Assessor assessor) {
        return result.assessment(agency, assessor).map(a -> points(a.total())).orElse("—");
    }

    /** Every assessment of one agency as a score sheet, the final one first. */
    String scoreSheets(String agency) {
        Agency a = agencies.get(agency);
        StringBuilder out = new StringBuilder();
        out.append(lang.t("PHIẾU CHẤM ĐIỂM", "SCORE SHEET")).append(" — ").append(agency).append(" ")
                .append(name(agency)).append('\n');
        out.append(kind(a)).append(lang == Lang.EN ? " · guidance " : " · bộ tiêu chí ").append(result.guidance())
                .append(lang == Lang.EN ? " · year " : " · năm ").append(result.year())
                .append(" · ").append(result.rulesHash()).append('\n');
        var fin = result.agency(agency);
        if (fin.isEmpty()) {
            out.append('\n').append(lang.t("Cơ quan này chưa có phiếu chấm nào", "this agency has no assessment"))
                    .append(".\n");
            return out.toString();
        }
        List<AssessmentResult> sheets = result.assessments().stream().filter(r -> r.agency().equals(agency))
                .sorted(Comparator.comparing((AssessmentResult r) -> r.assessor() != fin.get().finalAssessor())
                        .thenComparing(r -> -r.assessor().ordinal()))
                .toList();
        for (AssessmentResult sheet : sheets) {
            out.append('\n').append(sheet(a, sheet, sheet.assessor() == fin.get().finalAssessor()));
        }
        if (a.kind() == AgencyKind.DISTRICT) {
            result.district(agency).ifPresent(d -> out.append('\n').append(district(d)).append('\n'));
        }
        return out.toString();
    }

    private String sheet(Agency agency, AssessmentResult sheet, boolean isFinal) {
        StringBuilder out = new StringBuilder();
        out.append(lang.t("Phiếu của", "Sheet:")).append(' ').append(lang.assessor(sheet.assessor()))
                .append(isFinal ? " — " + lang.t("KẾT QUẢ CUỐI CÙNG", "final") : "").append('\n');
        Map<String, Explanation> byId = sheet.explanations().stream()
                .collect(Collectors.toMap(Explanation::criterion, Function.identity()));
        for (Criterion c : guidance.criteria()) {
            BigDecimal sum = c.subCriteria().stream().map(s -> sheet.points().get(s.id()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            out.append(String.format("%-5s %-66s %5s / %s%n", c.id(), cut(c.titleFor(agency.kind(), lang.english()), 66), points(sum),
                    points(c.max())));
            for (Criterion s : c.subCriteria()) {
                Explanation e = byId.get(s.id());
                out.append(String.format("  %-5s %-64s %5s / %s%n", s.id(), cut(s.titleFor(agency.kind(), lang.english()), 64),
                        points(e.points()), points(e.max())));
                out.append("        ").append(lang.t("quy tắc", "rule")).append(": ").append(e.rule()).append('\n');
                out.append("        ").append(lang.t("lý do", "reason")).append(": ").append(lang.reason(e))
                        .append('\n');
            }
        }
        out.append(lang.t("Điểm các tiêu chí", "subtotal")).append(": ").append(points(sheet.subtotal()));
        out.append(" · ").append(lang.t("trừ điểm", "penalty")).append(": ").append(points(sheet.penalty()));
        if (sheet.penalty().signum() > 0) {
            result.district(sheet.agency()).ifPresent(d -> out.append(" (")
                    .append(lang.t("xã bị chấm cao quá 10%", "over-scored")).append(": ")
                    .append(String.join(", ", d.overScoredCommunes())).append(')'));
        }
        out.append(" · ").append(lang.t("tổng", "total")).append(": ").append(points(sheet.total()));
        out.append(" · ").append(lang.t("xếp loại", "rating")).append(": ").append(rating(sheet.rating())).append('\n');
        return out.toString();
    }

    private String name(String id) {
        Agency a = agencies.get(id);
        return a == null || a.name() == null ? "" : a.name();
    }

    private String kind(Agency a) {
        return lang.kind(a.kind()) + (a.kind() == AgencyKind.COMMUNE
                ? ", " + lang.t("thuộc", "of") + " " + a.district() : "");
    }

    private String rating(Rating r) {
        return lang.rating(r);
    }

    /** A number without trailing zeros, for JSON; {@code null} stays null. */
    static BigDecimal number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String points(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** " point" or " points", as English writes 1 point, 0 points, 2.5 points. */
    private static String pointsWord(java.math.BigDecimal value) {
        return value != null && value.compareTo(java.math.BigDecimal.ONE) == 0 ? " point" : " points";
    }
}
