package org.isoscoring.drools;

import java.util.Objects;

/** A fact the rules derive about one assessment; each guidance's class adds the assessment's kind and assessor. */
public abstract class Derived {

    private final BaseSheet sheet;

    protected Derived(BaseSheet sheet) {
        this.sheet = Objects.requireNonNull(sheet, "sheet");
    }

    /** The assessment. */
    public final BaseSheet getSheet() {
        return sheet;
    }

    /** The id of the agency assessed. */
    public final String getAgency() {
        return sheet.getAgency();
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && same((Derived) other);
    }

    /** Whether the other fact of this class says the same. */
    protected boolean same(Derived other) {
        return sheet == other.sheet;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(sheet);
    }
}
