package org.isoscoring.drools;

import java.math.BigDecimal;

/**
 * A commune its district scored too far above the province's appraisal.
 *
 * @param commune       the commune
 * @param district      its district
 * @param districtTotal the district's total for it
 * @param provinceTotal the province's total for it
 */
public record OverScored(String commune, String district, BigDecimal districtTotal, BigDecimal provinceTotal) {
}
