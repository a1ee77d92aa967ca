package org.isoscoring.tests.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringResult;

/**
 * The district reports of FORMAT.md ({@code "districts"}), which a result carries as the reports of the group
 * {@code districts} that guidance {@code bac-giang-2022} declares: written and compared here figure by figure.
 */
public final class DistrictReports {

    /** The group's id, and the result's JSON field. */
    public static final String GROUP = "districts";

    private DistrictReports() {
    }

    /** The district reports of a result, sorted by id. */
    public static List<GroupReport> of(ScoringResult result) {
        return result.group(GROUP);
    }

    /** The report of one district. @throws java.util.NoSuchElementException when the result has none */
    public static GroupReport of(ScoringResult result, String district) {
        return result.report(GROUP, district).orElseThrow();
    }

    /** A district report with the figures of FORMAT.md, in its order. */
    public static GroupReport report(String agency, int communes, int onSiteRequired, int onSite,
                                     int provinceSampleSize, int provinceAppraised, int communesAtLeast80,
                                     List<String> overScoredCommunes, BigDecimal penalty) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("communes", communes);
        figures.put("onSiteRequired", onSiteRequired);
        figures.put("onSite", onSite);
        figures.put("provinceSampleSize", provinceSampleSize);
        figures.put("provinceAppraised", provinceAppraised);
        figures.put("communesAtLeast80", communesAtLeast80);
        figures.put("overScoredCommunes", List.copyOf(overScoredCommunes));
        figures.put("penalty", penalty);
        return new GroupReport(GROUP, agency, figures);
    }

    /**
     * A report as comparable text: its agency and each figure in order, points without trailing zeros (so that 3 and
     * 3.0 are the same points, as {@code compareTo} has them).
     */
    public static String text(GroupReport report) {
        StringBuilder s = new StringBuilder(report.group() + " " + report.agency());
        report.figures().forEach((name, value) -> s.append(' ').append(name).append('=')
                .append(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value));
        return s.toString();
    }
}
