package org.isoscoring.drools;

/** A fact whose values a rule's reason can quote by name, as {@code {staffTrained}}. */
public interface Quotable {

    /** Returned for a name the fact does not have. */
    Object UNKNOWN = new Object();

    /** The value named, {@code null} for a fact given as null, or {@link #UNKNOWN}. */
    Object quote(String name);
}
