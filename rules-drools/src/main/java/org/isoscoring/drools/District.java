package org.isoscoring.drools;

import java.time.LocalDate;

/**
 * A district's record of scoring its communes (criterion 15 for a district).
 *
 * @param agency          the district's id
 * @param communes        the number of its communes
 * @param onSite          the distinct communes it scored on site
 * @param resultsSentOn   the day it sent the results to the province, or {@code null}
 * @param resultsDeadline the province's deadline
 */
public record District(String agency, int communes, int onSite, LocalDate resultsSentOn, LocalDate resultsDeadline)
        implements Quotable {

    /** Whether the results were sent on or before the deadline. */
    public boolean resultsSentInTime() {
        return resultsSentOn != null && !resultsSentOn.isAfter(resultsDeadline);
    }

    @Override
    public Object quote(String name) {
        return switch (name) {
            case "communes" -> communes;
            case "onSite" -> onSite;
            case "resultsSentOn" -> resultsSentOn;
            case "resultsDeadline" -> resultsDeadline;
            default -> UNKNOWN;
        };
    }
}
