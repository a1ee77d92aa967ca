package org.isoscoring.drools;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An agency's final result: the total and rating of its final assessment. Each guidance's {@code FinalResult} adds
 * its kind, assessor and parent, and its rating as the guidance's {@code Rating}.
 */
public abstract class BaseFinalResult extends Derived {

    private final BigDecimal total;
    private final Enum<?> rating;

    /**
     * An agency's final result; a rule file writes {@code insertLogical(new FinalResult($s, $t, $r))}.
     *
     * @param sheet  the agency's final assessment
     * @param total  the assessment's total, after the penalty
     * @param rating the total's rating, one of the guidance's {@code Rating}s
     * @throws NullPointerException when an argument is {@code null}
     */
    protected BaseFinalResult(BaseSheet sheet, BigDecimal total, Enum<?> rating) {
        super(sheet);
        this.total = Objects.requireNonNull(total, "total");
        this.rating = Objects.requireNonNull(rating, "rating");
    }

    /**
     * The total of the final assessment, matched in a rule file as {@code total}.
     *
     * @return the total, after the penalty
     */
    public final BigDecimal getTotal() {
        return total;
    }

    /**
     * The rating of the total, matched in a rule file as {@code rating}; each guidance's {@code FinalResult} returns
     * it as the guidance's {@code Rating}.
     *
     * @return the rating
     */
    public Enum<?> getRating() {
        return rating;
    }

    @Override
    protected boolean same(Derived other) {
        BaseFinalResult f = (BaseFinalResult) other;
        return super.same(other) && total.equals(f.total) && rating == f.rating;
    }

    @Override
    public String toString() {
        return "FinalResult(" + getSheet() + ": " + total.toPlainString() + ", " + rating + ")";
    }
}
