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

    /**
     * An agency, made by the engine from the request ({@link Types#unit}).
     *
     * @param agency the agency's id
     * @param kind   the id of its kind, for example {@code DISTRICT}
     * @param parent the id of the agency it belongs to, or {@code null}
     * @throws NullPointerException when {@code agency} or {@code kind} is {@code null}
     */
    protected BaseUnit(String agency, String kind, String parent) {
        this.agency = Objects.requireNonNull(agency);
        this.kind = Objects.requireNonNull(kind);
        this.parent = parent;
    }

    /**
     * The agency's id, matched in a rule file as {@code agency}.
     *
     * @return the id
     */
    public final String getAgency() {
        return agency;
    }

    /**
     * The id of its kind; a rule file matches the guidance's enum instead, as {@code kind}.
     *
     * @return the kind's id, for example {@code DISTRICT}
     */
    public final String kindId() {
        return kind;
    }

    /**
     * The agency it belongs to, matched in a rule file as {@code parent}.
     *
     * @return the id of that agency, or {@code null} when it belongs to none
     */
    public final String getParent() {
        return parent;
    }

    @Override
    public Object quote(String name) {
        return "agency".equals(name) ? agency : Quotable.UNKNOWN;
    }

    /**
     * For the generated classes: a list of ids, empty when not given.
     *
     * @param value a record field's value as the request gave it: a list of ids, or {@code null}
     * @return the list, or an empty one
     */
    @SuppressWarnings("unchecked")
    protected static List<String> listOf(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    /**
     * For the generated classes: the number of distinct ids of a list (a repeated id counts once).
     *
     * @param value a record field's value as the request gave it: a list of ids, or {@code null}
     * @return the number of distinct ids, 0 when not given
     */
    protected static int distinct(Object value) {
        return new HashSet<>(listOf(value)).size();
    }

    @Override
    public String toString() {
        return kind + " " + agency;
    }
}
