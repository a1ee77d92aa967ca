package org.isoscoring.drools;

import java.math.BigDecimal;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.Assessor;

/**
 * An assessment's total after the penalty.
 *
 * @param sheet   the assessment
 * @param value   the total, never below 0
 * @param penalty the points taken from the subtotal (0 when none)
 */
public record Total(Sheet sheet, BigDecimal value, BigDecimal penalty) {

    public String getAgency() {
        return sheet.getAgency();
    }

    public AgencyKind getKind() {
        return sheet.getKind();
    }

    public Assessor getAssessor() {
        return sheet.getAssessor();
    }

    public String getDistrict() {
        return sheet.getDistrict();
    }
}
