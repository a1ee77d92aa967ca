package org.isoscoring.drools;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An agency as the rules see it, for a kind whose declaration names a fact ({@code "fact": "District"}): each
 * guidance's class, written from its declarations ({@link Sources}), adds the number of its members and its record's
 * fields.
 */
public abstract class BaseUnit implements Quotable {

    private final String agency;
    private final String kind;
    private final String parent;

    protected BaseUnit(String agency, String kind, String parent) {
        this.agency = Objects.requireNonNull(agency);
        this.kind = Objects.requireNonNull(kind);
        this.parent = parent;
    }

    /** The agency's id. */
    public final String getAgency() {
        return agency;
    }

    /** The id of its kind. */
    public final String kindId() {
        return kind;
    }

    /** The agency it belongs to, or {@code null}. */
    public final String getParent() {
        return parent;
    }

    @Override
    public Object quote(String name) {
        return "agency".equals(name) ? agency : Quotable.UNKNOWN;
    }

    /** For the generated classes: a list of ids, empty when not given. */
    @SuppressWarnings("unchecked")
    protected static List<String> listOf(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    /** For the generated classes: the number of distinct ids of a list (a repeated id counts once). */
    protected static int distinct(Object value) {
        return new HashSet<>(listOf(value)).size();
    }

    @Override
    public String toString() {
        return kind + " " + agency;
    }
}
