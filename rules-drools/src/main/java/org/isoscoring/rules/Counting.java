package org.isoscoring.rules;

/** Whole-number arithmetic the rules use for sample sizes. */
public final class Counting {

    private Counting() {
    }

    /** {@code ⌈numerator / denominator⌉} for counts. */
    public static int ceilDiv(int numerator, int denominator) {
        return Math.floorDiv(numerator + denominator - 1, denominator);
    }
}
