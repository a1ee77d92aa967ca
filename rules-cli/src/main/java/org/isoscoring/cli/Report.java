package org.isoscoring.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;

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

    /** Every agency ranked by its final total, then one line per report of each group the guidance declares. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(lang.t("Bộ tiêu chí", "guidance")).append(' ').append(result.guidance()).append(notice(guidance, lang))
                .append(" · ")
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
        for (ScoringResult.Ranked r : result.ranking()) {
            AgencyResult a = r.result();
            out.append(String.format("%5d  %-14s %-44s %6s  %-22s %s%n", r.rank(), a.agency(), cut(name(a.agency()), 44),
                    points(a.total()), rating(a.rating()), a.finalAssessor()));
        }
        out.append('\n').append(ratingCounts()).append('\n');
        for (Vocabulary.Group group : vocabulary().groups()) {
            out.append('\n').append(lang.label(group.title()).toUpperCase(java.util.Locale.ROOT)).append('\n');
            for (GroupReport report : result.group(group.id())) {
                out.append(report(group, report)).append('\n');
            }
        }
        return out.toString();
    }

    private String ratingCounts() {
        Map<String, Long> counts = result.agencies().stream()
                .collect(Collectors.groupingBy(AgencyResult::rating, Collectors.counting()));
        StringBuilder out = new StringBuilder(lang.t("Số cơ quan theo xếp loại", "agencies per rating") + ":");
        for (Vocabulary.Rating r : vocabulary().ratings()) {
            out.append("  ").append(rating(r.id())).append(": ").append(counts.getOrDefault(r.id(), 0L));
        }
        return out.toString();
    }

    private Vocabulary vocabulary() {
        return guidance.vocabulary();
    }

    /** What a guidance says wherever it is named ({@code " (VÍ DỤ MINH HOẠ, …)"}), or "" when it declares nothing. */
    static String notice(GuidanceInfo guidance, Lang lang) {
        return guidance == null || guidance.notice() == null ? "" : " (" + lang.label(guidance.notice()) + ")";
    }

    /**
     * One group report as a line: the agency it is of, then each figure the guidance declares with its title; a
     * figure below the one it should reach is marked short; the agencies a figure lists come with their totals by
     * each assessor.
     */
    private String report(Vocabulary.Group group, GroupReport report) {
        StringBuilder line = new StringBuilder();
        if (report.agency() != null) {
            line.append(report.agency()).append(" (").append(name(report.agency())).append("): ");
        }
        List<String> parts = new ArrayList<>();
        for (Vocabulary.Figure f : group.figures()) {
            Object value = report.figure(f.name());
            StringBuilder part = new StringBuilder(lang.label(f.title())).append(": ");
            if (value instanceof List<?> ids) {
                part.append(ids.isEmpty() ? "—" : ids.stream().map(id -> id + " (" + totals(String.valueOf(id)) + ")")
                        .collect(Collectors.joining(", ")));
            } else if (value instanceof BigDecimal d) {
                part.append(points(d)).append(lang == Lang.EN ? pointsWord(d) : " " + lang.t("điểm", "points"));
            } else {
                part.append(value);
            }
            if (f.atLeast() != null && value instanceof Integer n && report.figure(f.atLeast()) instanceof Integer need
                    && n < need) {
                part.append(" (").append(lang.t("THIẾU", "SHORT")).append(": < ").append(need).append(')');
            }
            parts.add(part.toString());
        }
        return line.append(String.join(" · ", parts)).toString();
    }

    /**
     * An agency's points of the criteria (subtotal) by each assessor that scored it, the final last:
     * {@code DISTRICT 88 / PROVINCE 70}, with the total after a penalty: {@code SELF 92 / PROVINCE 82 − 3 → 79}.
     */
    private String totals(String agency) {
        return result.assessments().stream().filter(a -> a.agency().equals(agency))
                .sorted(Comparator.comparingInt(a -> -vocabulary().finalAssessor().indexOf(a.assessor())))
                .map(a -> a.assessor() + " " + points(a.subtotal()) + (a.penalty().signum() > 0
                        ? " − " + points(a.penalty()) + " → " + points(a.total()) : ""))
                .collect(Collectors.joining(" / "));
    }

    /** Every assessment of one agency as a score sheet, the final one first. */
    String scoreSheets(String agency) {
        Agency a = agencies.get(agency);
        StringBuilder out = new StringBuilder();
        out.append(lang.t("PHIẾU CHẤM ĐIỂM", "SCORE SHEET")).append(" — ").append(agency).append(" ")
                .append(name(agency)).append('\n');
        out.append(kind(a)).append(lang == Lang.EN ? " · guidance " : " · bộ tiêu chí ").append(result.guidance())
                .append(notice(guidance, lang))
                .append(lang == Lang.EN ? " · year " : " · năm ").append(result.year())
                .append(" · ").append(result.rulesHash()).append('\n');
        var fin = result.agency(agency);
        if (fin.isEmpty()) {
            out.append('\n').append(lang.t("Cơ quan này chưa có phiếu chấm nào", "this agency has no assessment"))
                    .append(".\n");
            return out.toString();
        }
        List<AssessmentResult> sheets = result.assessments().stream().filter(r -> r.agency().equals(agency))
                .sorted(Comparator.comparing((AssessmentResult r) -> !r.assessor().equals(fin.get().finalAssessor()))
                        .thenComparing(r -> vocabulary().finalAssessor().indexOf(r.assessor())))
                .toList();
        for (AssessmentResult sheet : sheets) {
            out.append('\n').append(sheet(a, sheet, sheet.assessor().equals(fin.get().finalAssessor())));
        }
        for (Vocabulary.Group group : vocabulary().groups()) {
            result.report(group.id(), agency).ifPresent(r -> out.append('\n').append(report(group, r)).append('\n'));
        }
        return out.toString();
    }

    private String sheet(Agency agency, AssessmentResult sheet, boolean isFinal) {
        StringBuilder out = new StringBuilder();
        out.append(lang.t("Phiếu của", "Sheet:")).append(' ').append(lang.assessor(vocabulary(), sheet.assessor()))
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
            out.append(overScored(sheet.agency()));
        }
        out.append(" · ").append(lang.t("tổng", "total")).append(": ").append(points(sheet.total()));
        out.append(" · ").append(lang.t("xếp loại", "rating")).append(": ").append(rating(sheet.rating())).append('\n');
        return out.toString();
    }

    private String name(String id) {
        Agency a = agencies.get(id);
        return a == null || a.name() == null ? "" : a.name();
    }

    /**
     * Why an agency lost points: the agencies its group report lists ({@code " (xã bị chấm cao quá 10%: XA-1)"}), or
     * "" when no report of it lists any.
     */
    private String overScored(String agency) {
        for (Vocabulary.Group group : vocabulary().groups()) {
            if (group.of() == null) { // a report of the whole request lists the agency itself: say by how much
                for (var whole : result.group(group.id())) {
                    for (Vocabulary.Figure f : group.figures()) {
                        if (whole.figure(f.name()) instanceof List<?> ids && ids.contains(agency)) {
                            return " (" + lang.label(f.title()) + ": " + totals(agency) + ")";
                        }
                    }
                }
                continue;
            }
            var report = result.report(group.id(), agency);
            if (report.isEmpty()) {
                continue;
            }
            for (Vocabulary.Figure f : group.figures()) {
                if (report.get().figure(f.name()) instanceof List<?> ids && !ids.isEmpty()) {
                    return " (" + lang.label(f.title()) + ": " + ids.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")";
                }
            }
        }
        return "";
    }

    private String kind(Agency a) {
        return lang.kind(vocabulary(), a.kind()) + (a.parent() != null
                ? ", " + lang.t("thuộc", "of") + " " + a.parent() : "");
    }

    private String rating(String id) {
        return lang.rating(vocabulary(), id);
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
