package org.isoscoring.rules;

/**
 * A ratio of two counts, compared exactly: {@code atLeast(98)} is {@code 100 · part ≥ 98 · whole} in whole
 * numbers, never in floating point.
 *
 * @param part  the counted part, for example dossiers on time
 * @param whole what it is part of, for example dossiers resolved
 */
public record Ratio(long part, long whole) {

    /**
     * Whether {@code part / whole} is at least {@code percent}%: {@code Sheet( onTimeRate.atLeast(98) )}.
     *
     * @param percent the threshold, in whole percent
     * @return whether {@code 100 · part ≥ percent · whole}; always {@code true} when the whole is 0
     */
    public boolean atLeast(int percent) {
        return 100L * part >= (long) percent * whole;
    }

    /**
     * Whether {@code part / whole} is below {@code percent}%: {@code Sheet( onTimeRate.below(80) )}.
     *
     * @param percent the threshold, in whole percent
     * @return whether {@code 100 · part < percent · whole}; always {@code false} when the whole is 0
     */
    public boolean below(int percent) {
        return !atLeast(percent);
    }

    /**
     * Whether the part is the whole (100%).
     *
     * @return whether {@code part == whole}; {@code true} for 0/0
     */
    public boolean complete() {
        return part == whole;
    }

    /**
     * The percentage written the Vietnamese way, as a reason quotes it: for example {@code 99,33%}, rounded for
     * reading only.
     *
     * @return the percentage rounded half up to hundredths, without trailing zeros; {@code —} when the whole is 0
     */
    @Override
    public String toString() {
        return percent(',');
    }

    /**
     * The percentage written the English way, as an English reason quotes it: for example {@code 99.33%}.
     *
     * @return the percentage rounded half up to hundredths, without trailing zeros; {@code —} when the whole is 0
     */
    public String english() {
        return percent('.');
    }

    /** {@code 100 · part / whole} rounded half up to hundredths, without trailing zeros, with {@code %}. */
    private String percent(char decimalSeparator) {
        if (whole == 0) {
            return "—";
        }
        long hundredths = (20_000L * part + whole) / (2 * whole); // 10000 · part / whole, rounded half up
        long units = hundredths / 100;
        long rest = hundredths % 100;
        if (rest == 0) {
            return units + "%";
        }
        return units + String.valueOf(decimalSeparator)
                + (rest % 10 == 0 ? String.valueOf(rest / 10) : (rest < 10 ? "0" : "") + rest) + "%";
    }
}
