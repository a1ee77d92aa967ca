package org.isoscoring.drools;

/** Marks the assessment that is final for its agency; each guidance's {@code FinalAssessment} adds its kind. */
public abstract class BaseFinalAssessment extends Derived {

    /**
     * Marks {@code sheet} as the final assessment of its agency; a rule file writes
     * {@code insertLogical(new FinalAssessment($s))}.
     *
     * @param sheet the assessment
     */
    protected BaseFinalAssessment(BaseSheet sheet) {
        super(sheet);
    }

    @Override
    public String toString() {
        return "FinalAssessment(" + getSheet() + ")";
    }
}
