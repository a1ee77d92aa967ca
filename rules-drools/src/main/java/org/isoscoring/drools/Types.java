package org.isoscoring.drools;

import java.math.BigDecimal;
import org.isoscoring.api.Facts;

/** How the engine makes a guidance's facts: implemented by the class {@link Sources} writes for each guidance. */
public interface Types {

    /**
     * An assessment, as the guidance's {@code Sheet}.
     *
     * @param index    its position in the request ({@code -1} for a probe's)
     * @param agency   the id of the agency assessed
     * @param kind     the id of the agency's kind, for example {@code COMMUNE}
     * @param assessor the id of who assessed it
     * @param parent   the id of the agency the assessed one belongs to (a commune's district), or {@code null}
     * @param year     the assessed year
     * @param rank     its assessor's place in the guidance's order of final assessors: higher is more final
     * @param facts    the facts as the request gave them
     * @return the assessment, with a getter for every fact and measure of the guidance
     */
    BaseSheet sheet(int index, String agency, String kind, String assessor, String parent, int year, int rank,
                    Facts facts);

    /**
     * The fact of an agency, for a kind whose declaration names one ({@code "fact": "District"}).
     *
     * @param agency  the agency's id
     * @param kind    the id of its kind, for example {@code DISTRICT}
     * @param parent  the id of the agency it belongs to, or {@code null}
     * @param members the number of agencies of the request that belong to it (a district's communes)
     * @param record  what the request records of it besides its assessments (a district's {@code communeScoring}),
     *                or {@code null} for a kind without a record
     * @return the agency's fact, for example a {@code District}; {@code null} for a kind that names no fact
     */
    BaseUnit unit(String agency, String kind, String parent, int members, Facts record);

    /**
     * A total, as the guidance's {@code Total}. The guidance's rule of the total makes the totals of a request; the
     * probe of the rating bands makes its own with this, to see how the band rules rate them.
     *
     * @param sheet   the assessment
     * @param value   the total, never below 0
     * @param penalty the points taken from the subtotal (0 when none)
     * @return the total, for the rules to rate
     */
    BaseTotal total(BaseSheet sheet, BigDecimal value, BigDecimal penalty);
}
