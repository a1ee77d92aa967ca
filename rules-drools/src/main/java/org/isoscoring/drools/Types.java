package org.isoscoring.drools;

import java.math.BigDecimal;
import org.isoscoring.api.Facts;

/** How the engine makes a guidance's facts: implemented by the class {@link Sources} writes for each guidance. */
public interface Types {

    /** An assessment. */
    BaseSheet sheet(int index, String agency, String kind, String assessor, String parent, int year, int rank,
                    Facts facts);

    /** The fact of an agency, for a kind whose declaration names one; {@code null} for another kind. */
    BaseUnit unit(String agency, String kind, String parent, int members, Facts record);

    /** A total (the probe of the rating bands makes its own). */
    BaseTotal total(BaseSheet sheet, BigDecimal value, BigDecimal penalty);
}
