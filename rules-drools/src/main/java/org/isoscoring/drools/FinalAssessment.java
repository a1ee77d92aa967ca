package org.isoscoring.drools;

import org.isoscoring.api.AgencyKind;

/**
 * Marks the assessment that is final for its agency.
 *
 * @param sheet the assessment
 */
public record FinalAssessment(Sheet sheet) {

    public String getAgency() {
        return sheet.getAgency();
    }

    public AgencyKind getKind() {
        return sheet.getKind();
    }
}
