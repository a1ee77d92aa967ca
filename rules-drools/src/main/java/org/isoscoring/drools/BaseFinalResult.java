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

    protected BaseFinalResult(BaseSheet sheet, BigDecimal total, Enum<?> rating) {
        super(sheet);
        this.total = Objects.requireNonNull(total, "total");
        this.rating = Objects.requireNonNull(rating, "rating");
    }

    public final BigDecimal getTotal() {
        return total;
    }

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
