package org.isoscoring.drools;

/**
 * The sampling figures of a district (SCORING.md §6), derived by the guidance's rules.
 *
 * @param district           the district
 * @param onSiteRequired     communes it must score on site
 * @param provinceSampleSize communes the province must appraise
 * @param provinceAppraised  communes the province appraised
 */
public record DistrictFigures(String district, int onSiteRequired, int provinceSampleSize, int provinceAppraised)
        implements Quotable {

    @Override
    public Object quote(String name) {
        return switch (name) {
            case "onSiteRequired" -> onSiteRequired;
            case "provinceSampleSize" -> provinceSampleSize;
            case "provinceAppraised" -> provinceAppraised;
            default -> UNKNOWN;
        };
    }
}
