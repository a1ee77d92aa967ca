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

    Report(ScoringRequest request, ScoringResult result, GuidanceInfo guidance) {
        this.result = result;
        this.guidance = guidance;
        this.agencies = request.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
    }

    /** Every agency ranked by its final total, then one line per district. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("Bộ tiêu chí / guidance ").append(result.guidance()).append(" · năm ").append(result.year())
                .append(" · ").append(result.rulesHash()).append('\n');
        out.append(result.agencies().size()).append(" cơ quan, ").append(result.assessments().size())
                .append(" phiếu chấm / agencies, assessments\n\n");
        out.append("XẾP HẠNG / RANKING (kết quả cuối cùng / final results)\n");
        out.append(String.format("%5s  %-14s %-44s %6s  %-22s %s%n", "hạng", "mã", "cơ quan", "tổng", "xếp loại",
                "phiếu"));
        List<AgencyResult> ranked = new ArrayList<>(result.agencies());
        ranked.sort(Comparator.comparing(AgencyResult::total).reversed().thenComparing(AgencyResult::agency));
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < ranked.size(); i++) {
            AgencyResult a = ranked.get(i);
            if (previous == null || a.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = a.total();
            }
            out.append(String.format("%5d  %-14s %-44s %6s  %-22s %s%n", rank, a.agency(), cut(name(a.agency()), 44),
                    points(a.total()), rating(a.rating()), a.finalAssessor()));
        }
        out.append('\n').append(ratingCounts()).append("\n\n");
        out.append("CẤP HUYỆN / DISTRICTS\n");
        for (DistrictReport d : result.districts()) {
            out.append(district(d)).append('\n');
        }
        return out.toString();
    }

    private String ratingCounts() {
        Map<Rating, Long> counts = result.agencies().stream()
                .collect(Collectors.groupingBy(AgencyResult::rating, Collectors.counting()));
        StringBuilder out = new StringBuilder("Số cơ quan theo xếp loại / agencies per rating:");
        for (Rating r : Rating.values()) {
            out.append("  ").append(rating(r)).append(": ").append(counts.getOrDefault(r, 0L));
        }
        return out.toString();
    }

    private String district(DistrictReport d) {
        StringBuilder line = new StringBuilder();
        line.append(d.agency()).append(" (").append(name(d.agency())).append("): ").append(d.communes()).append(" xã");
        line.append(" · chấm tại chỗ / on site ").append(d.onSite()).append(" (cần / required ")
                .append(d.onSiteRequired()).append(d.onSiteShort() ? ", THIẾU / SHORT)" : ")");
        line.append(" · tỉnh thẩm định / province appraised ").append(d.provinceAppraised()).append(" (mẫu / sample ")
                .append(d.provinceSampleSize()).append(d.provinceSampleShort() ? ", THIẾU / SHORT)" : ")");
        line.append(" · xã ≥ 80 điểm / communes ≥ 80: ").append(d.communesAtLeast80()).append('/').append(d.communes());
        line.append(" · 15.2: ").append(result.agency(d.agency())
                .flatMap(a -> result.assessment(d.agency(), a.finalAssessor()))
                .map(a -> points(a.points().get("15.2")) + " điểm").orElse("— (huyện chưa có phiếu chấm)"));
        if (d.overScoredCommunes().isEmpty()) {
            line.append(" · không xã nào bị chấm cao / no over-scored commune");
        } else {
            line.append(" · chấm cao quá 10% / over-scored: ").append(d.overScoredCommunes().stream()
                    .map(c -> c + " (huyện " + total(c, Assessor.DISTRICT) + " / tỉnh " + total(c, Assessor.PROVINCE) + ")")
                    .collect(Collectors.joining(", ")));
            line.append(" · trừ / penalty ").append(points(d.penalty())).append(" điểm");
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
        out.append("PHIẾU CHẤM ĐIỂM / SCORE SHEET — ").append(agency).append(" ").append(name(agency)).append('\n');
        out.append(kind(a)).append(" · bộ tiêu chí ").append(result.guidance()).append(" · năm ").append(result.year())
                .append(" · ").append(result.rulesHash()).append('\n');
        var fin = result.agency(agency);
        if (fin.isEmpty()) {
            out.append("\nCơ quan này chưa có phiếu chấm nào / this agency has no assessment.\n");
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
        out.append("Phiếu của / assessment by ").append(assessor(sheet.assessor()))
                .append(isFinal ? " — KẾT QUẢ CUỐI CÙNG / final" : "").append('\n');
        Map<String, Explanation> byId = sheet.explanations().stream()
                .collect(Collectors.toMap(Explanation::criterion, Function.identity()));
        for (Criterion c : guidance.criteria()) {
            BigDecimal sum = c.subCriteria().stream().map(s -> sheet.points().get(s.id()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            out.append(String.format("%-5s %-66s %5s / %s%n", c.id(), cut(c.titleFor(agency.kind()), 66), points(sum),
                    points(c.max())));
            for (Criterion s : c.subCriteria()) {
                Explanation e = byId.get(s.id());
                out.append(String.format("  %-5s %-64s %5s / %s%n", s.id(), cut(s.titleFor(agency.kind()), 64),
                        points(e.points()), points(e.max())));
                out.append("        quy tắc / rule: ").append(e.rule()).append('\n');
                out.append("        lý do / reason: ").append(e.reason()).append('\n');
            }
        }
        out.append("Điểm các tiêu chí / subtotal: ").append(points(sheet.subtotal()));
        out.append(" · trừ điểm / penalty: ").append(points(sheet.penalty()));
        if (sheet.penalty().signum() > 0) {
            result.district(sheet.agency()).ifPresent(d -> out.append(" (xã bị chấm cao quá 10% / over-scored: ")
                    .append(String.join(", ", d.overScoredCommunes())).append(')'));
        }
        out.append(" · tổng / total: ").append(points(sheet.total()));
        out.append(" · xếp loại / rating: ").append(rating(sheet.rating())).append('\n');
        return out.toString();
    }

    private String name(String id) {
        Agency a = agencies.get(id);
        return a == null || a.name() == null ? "" : a.name();
    }

    private String kind(Agency a) {
        return switch (a.kind()) {
            case DEPARTMENT -> "Sở, ban, ngành / department";
            case DISTRICT -> "UBND cấp huyện / district";
            case COMMUNE -> "UBND cấp xã / commune, thuộc / of " + a.district();
            case PUBLIC_SERVICE_UNIT -> "Đơn vị sự nghiệp công lập / public service unit";
        };
    }

    private static String assessor(Assessor assessor) {
        return switch (assessor) {
            case SELF -> "cơ quan tự chấm / SELF";
            case DISTRICT -> "UBND cấp huyện chấm tại chỗ / DISTRICT";
            case PROVINCE -> "Ban chỉ đạo ISO tỉnh thẩm định / PROVINCE";
        };
    }

    static String rating(Rating r) {
        return r.vietnamese() + " (" + r.name() + ")";
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
}
