package org.isoscoring.drools;

import java.util.Objects;

/** A fact the rules derive about one assessment; each guidance's class adds the assessment's kind and assessor. */
public abstract class Derived {

    private final BaseSheet sheet;

    /**
     * A fact about one assessment.
     *
     * @param sheet the assessment
     * @throws NullPointerException when {@code sheet} is {@code null}
     */
    protected Derived(BaseSheet sheet) {
        this.sheet = Objects.requireNonNull(sheet, "sheet");
    }

    /**
     * The assessment the fact is about, matched in a rule file as {@code sheet == $s}.
     *
     * @return the assessment
     */
    public final BaseSheet getSheet() {
        return sheet;
    }

    /**
     * The id of the agency assessed, matched in a rule file as {@code agency}.
     *
     * @return the agency's id
     */
    public final String getAgency() {
        return sheet.getAgency();
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && same((Derived) other);
    }

    /**
     * Whether the other fact of this class says the same: two such facts are equal, so that truth maintenance keeps
     * one fact for two insertions that say the same. A subclass with values of its own compares them too.
     *
     * @param other a fact of the same class
     * @return whether it is about the very same assessment (and, in a subclass, has the same values)
     */
    protected boolean same(Derived other) {
        return sheet == other.sheet;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(sheet);
    }
}
