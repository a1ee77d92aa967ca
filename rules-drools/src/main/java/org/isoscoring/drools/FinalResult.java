package org.isoscoring.drools;

import java.math.BigDecimal;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.Rating;

/**
 * An agency's final result: the total and rating of its final assessment.
 *
 * @param sheet  the final assessment
 * @param total  its total
 * @param rating its rating
 */
public record FinalResult(Sheet sheet, BigDecimal total, Rating rating) {

    public String getAgency() {
        return sheet.getAgency();
    }

    public AgencyKind getKind() {
        return sheet.getKind();
    }

    public String getDistrict() {
        return sheet.getDistrict();
    }
}
