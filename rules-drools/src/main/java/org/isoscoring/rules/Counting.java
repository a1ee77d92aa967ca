package org.isoscoring.rules;

/** Whole-number arithmetic the rules use for sample sizes. */
public final class Counting {

    private Counting() {
    }

    /**
     * {@code ⌈numerator / denominator⌉} for counts, in whole numbers: a third of 10 communes, rounded up, is
     * {@code ceilDiv(10, 3)}, 4. A rule file imports it as
     * {@code import function org.isoscoring.rules.Counting.ceilDiv;}.
     *
     * @param numerator   the count divided, 0 or more
     * @param denominator what it is divided by, more than 0
     * @return the quotient, rounded up
     */
    public static int ceilDiv(int numerator, int denominator) {
        return Math.floorDiv(numerator + denominator - 1, denominator);
    }
}
