package org.isoscoring.drools;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A ratio of two counts, compared exactly: {@code atLeast(98)} is {@code 100 · part ≥ 98 · whole} in whole
 * numbers, never in floating point.
 *
 * @param part  the counted part, for example dossiers on time
 * @param whole what it is part of, for example dossiers resolved
 */
public record Ratio(long part, long whole) {

    /** Whether {@code part / whole} is at least {@code percent}%. */
    public boolean atLeast(int percent) {
        return 100L * part >= (long) percent * whole;
    }

    /** Whether {@code part / whole} is below {@code percent}%. */
    public boolean below(int percent) {
        return !atLeast(percent);
    }

    /** Whether the part is the whole (100%). */
    public boolean complete() {
        return part == whole;
    }

    /** The percentage, for example {@code 99,33%}, rounded for reading only; {@code —} when the whole is 0. */
    @Override
    public String toString() {
        return whole == 0 ? "—" : percent().replace('.', ',') + "%";
    }

    /** The percentage written the English way, for example {@code 99.33%}; {@code —} when the whole is 0. */
    public String english() {
        return whole == 0 ? "—" : percent() + "%";
    }

    private String percent() {
        BigDecimal percent = BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
        return percent.toPlainString();
    }
}
