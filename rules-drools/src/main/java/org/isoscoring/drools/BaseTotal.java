package org.isoscoring.drools;

import java.math.BigDecimal;
import java.util.Objects;

/** An assessment's total after the penalty; each guidance's {@code Total} adds its kind, assessor and parent. */
public abstract class BaseTotal extends Derived {

    private final BigDecimal value;
    private final BigDecimal penalty;

    /**
     * An assessment's total; a rule file writes {@code insertLogical(new Total($s, $v, BigDecimal.ZERO))}.
     *
     * @param sheet   the assessment
     * @param value   the total, never below 0
     * @param penalty the points taken from the subtotal (0 when none)
     * @throws NullPointerException when an argument is {@code null}
     */
    protected BaseTotal(BaseSheet sheet, BigDecimal value, BigDecimal penalty) {
        super(sheet);
        this.value = Objects.requireNonNull(value, "value");
        this.penalty = Objects.requireNonNull(penalty, "penalty");
    }

    /**
     * The total, matched in a rule file as {@code value} (the band rules write {@code Total( value >= 90 )}).
     *
     * @return the total after the penalty, never below 0
     */
    public final BigDecimal getValue() {
        return value;
    }

    /**
     * The points taken from the subtotal, matched in a rule file as {@code penalty}.
     *
     * @return the penalty, 0 when none
     */
    public final BigDecimal getPenalty() {
        return penalty;
    }

    @Override
    protected boolean same(Derived other) {
        BaseTotal t = (BaseTotal) other;
        return super.same(other) && value.equals(t.value) && penalty.equals(t.penalty);
    }

    @Override
    public String toString() {
        return "Total(" + getSheet() + ": " + value.toPlainString() + ", penalty " + penalty.toPlainString() + ")";
    }
}
