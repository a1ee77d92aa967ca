package org.isoscoring.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A district's record of scoring its communes on site (criterion 15.1 for a district).
 *
 * @param onSiteCommunes  ids of the communes the district scored at their headquarters; a repeated id counts
 *                        once
 * @param resultsSentOn   the day the district sent its results to the province, or {@code null} if not sent
 * @param resultsDeadline the province's deadline for those results
 */
public record CommuneScoring(List<String> onSiteCommunes, LocalDate resultsSentOn, LocalDate resultsDeadline) {

    public CommuneScoring {
        onSiteCommunes = List.copyOf(Objects.requireNonNull(onSiteCommunes, "onSiteCommunes"));
    }
}
