package org.isoscoring.drools;

/** Marks the assessment that is final for its agency; each guidance's {@code FinalAssessment} adds its kind. */
public abstract class BaseFinalAssessment extends Derived {

    protected BaseFinalAssessment(BaseSheet sheet) {
        super(sheet);
    }

    @Override
    public String toString() {
        return "FinalAssessment(" + getSheet() + ")";
    }
}
