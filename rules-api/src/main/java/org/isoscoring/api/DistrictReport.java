package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How a district scored its communes, and what that earned or cost it.
 *
 * @param agency             the district
 * @param communes           the number of its communes
 * @param onSiteRequired     communes it had to score on site (at least one third)
 * @param onSite             distinct communes it scored on site
 * @param provinceSampleSize communes the province had to appraise (10%, at least one)
 * @param provinceAppraised  communes with a {@code PROVINCE} assessment
 * @param communesAtLeast80  communes whose final total is 80 or more
 * @param overScoredCommunes communes the district scored more than 10% above the province, sorted by id
 * @param penalty            points the district loses for over-scoring (0 when none)
 */
public record DistrictReport(String agency, int communes, int onSiteRequired, int onSite, int provinceSampleSize,
                             int provinceAppraised, int communesAtLeast80, List<String> overScoredCommunes,
                             BigDecimal penalty) {

    public DistrictReport {
        Objects.requireNonNull(agency, "agency");
        overScoredCommunes = List.copyOf(Objects.requireNonNull(overScoredCommunes, "overScoredCommunes"));
        Objects.requireNonNull(penalty, "penalty");
    }

    /** Whether the province appraised fewer communes than its sample size (a finding, not an error). */
    public boolean provinceSampleShort() {
        return provinceAppraised < provinceSampleSize;
    }

    /** Whether the district scored fewer communes on site than required. */
    public boolean onSiteShort() {
        return onSite < onSiteRequired;
    }
}
