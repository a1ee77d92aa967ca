package org.isoscoring.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an assessor found in one agency, or what an agency records: facts by the names its guidance declares
 * ({@link Vocabulary#facts()}), each with a typed value, in the order they were given.
 *
 * <p>Values are {@link Integer} for a count, {@link BigDecimal} for a decimal, {@link LocalDate} for a date,
 * {@link Boolean} for a boolean, the value's id as a {@link String} for a choice ({@code "FULL"}), a {@link List} of
 * agency ids for a record's list of members, and {@code null} for a fact given as null (a date of something not
 * done). A fact not given at all is absent, which {@link #has} tells from one given as null.
 *
 * <p>It holds what it is given: a request is checked as a whole against its guidance, which lists every problem
 * with its place instead of failing on the first ({@link RequestChecks}).
 *
 * <pre>{@code
 * Facts facts = Facts.builder().set("isoTeam", "CURRENT").set("staffTotal", 20)
 *         .set("annualPlanIssuedOn", LocalDate.of(2022, 3, 15)).set("internalAuditDate", null).build();
 * }</pre>
 */
public final class Facts {

    private static final Facts NONE = new Facts(Map.of());

    private final Map<String, Object> values;

    private Facts(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * No fact at all.
     *
     * @return the empty facts, always the same instance
     */
    public static Facts none() {
        return NONE;
    }

    /**
     * The facts of a map, in its order.
     *
     * @param values the facts' values by name, each of a type {@link Builder#set} takes ({@code null} for a fact
     *               given as null)
     * @return the facts, in the order of the map
     * @throws IllegalArgumentException for a value of a type no fact has (see the class comment)
     */
    public static Facts of(Map<String, ?> values) {
        Builder b = builder();
        values.forEach(b::set);
        return b.build();
    }

    /**
     * A builder with no fact set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * A builder that starts from these facts, to change a few.
     *
     * @return a new builder holding these facts, in their order; these facts do not change
     */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(values));
    }

    /**
     * Whether the fact was given, as a value or as null.
     *
     * @param name the fact's name, for example {@code staffTrained}
     * @return {@code true} when it was given, even as {@code null}
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The fact's value, {@code null} when it was given as null or not given at all.
     *
     * @param name the fact's name
     * @return its value, of a type the class comment lists, or {@code null}
     */
    public Object get(String name) {
        return values.get(name);
    }

    /**
     * A count, {@code null} when not given or given as null.
     *
     * @param name the fact's name, for example {@code staffTotal}
     * @return the count, or {@code null}
     * @throws ClassCastException for another type
     */
    public Integer count(String name) {
        return (Integer) values.get(name);
    }

    /**
     * A date.
     *
     * @param name the fact's name, for example {@code annualPlanIssuedOn}
     * @return the date, or {@code null} when not given or given as null
     * @throws ClassCastException for another type
     */
    public LocalDate date(String name) {
        return (LocalDate) values.get(name);
    }

    /**
     * A boolean.
     *
     * @param name the fact's name
     * @return the boolean, or {@code null} when not given or given as null
     * @throws ClassCastException for another type
     */
    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    /**
     * A choice's value id ({@code "FULL"}).
     *
     * @param name the fact's name, for example {@code isoTeam}
     * @return the value's id, or {@code null} when not given or given as null
     * @throws ClassCastException for another type
     */
    public String choice(String name) {
        return (String) values.get(name);
    }

    /**
     * A decimal.
     *
     * @param name the fact's name
     * @return the decimal, or {@code null} when not given or given as null
     * @throws ClassCastException for another type
     */
    public BigDecimal decimal(String name) {
        return (BigDecimal) values.get(name);
    }

    /**
     * The names of the facts given, in order.
     *
     * @return the names, those given as null included; an unmodifiable set
     */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /**
     * Every fact given, by name, in order (unmodifiable; a null value for a fact given as null).
     *
     * @return an unmodifiable view of the facts
     */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The values of the named facts, in that order ({@code null} for a fact not given): one walk, without a look-up,
     * when the facts were given in that order (as a request read from JSON gives them).
     *
     * @param names the names of the facts wanted, in the order wanted
     * @return a new array of their values, one per name, in the order of {@code names}
     */
    public Object[] values(List<String> names) {
        Object[] out = new Object[names.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (i < out.length && e.getKey().equals(names.get(i))) {
                out[i++] = e.getValue();
            } else {
                i = -1;
                break;
            }
        }
        if (i != out.length) {
            for (int k = 0; k < out.length; k++) {
                out[k] = values.get(names.get(k));
            }
        }
        return out;
    }

    /**
     * The number of facts given.
     *
     * @return how many facts were given, those given as null included
     */
    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Facts f && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + values;
    }

    /** Builds {@link Facts} fact by fact; a fact set twice keeps its first place and its last value. */
    public static final class Builder {

        private final Map<String, Object> values;

        private Builder(Map<String, Object> values) {
            this.values = values;
        }

        /**
         * Sets a fact: an {@link Integer} (or another whole {@link Number} within {@code int}), a {@link BigDecimal},
         * a {@link LocalDate}, a {@link Boolean}, a {@link String} (a choice's value id), a {@link List} of agency
         * ids, an {@link Enum} (its name is kept), or {@code null}.
         *
         * @param name  the fact's name, for example {@code staffTotal}
         * @param value its value, or {@code null} for a fact given as null
         * @return this builder
         * @throws IllegalArgumentException for a value of another type
         */
        public Builder set(String name, Object value) {
            Objects.requireNonNull(name, "name");
            values.put(name, normal(name, value));
            return this;
        }

        /**
         * Removes a fact, as if it had not been given.
         *
         * @param name the fact's name
         * @return this builder
         */
        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        /**
         * The facts set so far, in the order they were first set.
         *
         * @return the facts; the builder may go on to change and build more without changing them
         */
        public Facts build() {
            return values.isEmpty() ? NONE : new Facts(new LinkedHashMap<>(values));
        }

        private static Object normal(String name, Object value) {
            if (value == null || value instanceof Integer || value instanceof BigDecimal || value instanceof LocalDate
                    || value instanceof Boolean || value instanceof String) {
                return value;
            }
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            if ((value instanceof Long || value instanceof Short || value instanceof Byte)
                    && ((Number) value).longValue() == ((Number) value).intValue()) {
                return ((Number) value).intValue();
            }
            if (value instanceof List<?> list) {
                for (Object id : list) {
                    if (!(id instanceof String)) {
                        throw new IllegalArgumentException(name + ": a list of agency ids holds strings only");
                    }
                }
                return List.copyOf(list);
            }
            throw new IllegalArgumentException(name + ": a fact is a whole number, a decimal, a date, a boolean, a "
                    + "choice's id or a list of agency ids, not " + value.getClass().getSimpleName());
        }
    }
}
