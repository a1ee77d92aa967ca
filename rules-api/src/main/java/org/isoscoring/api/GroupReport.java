package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures a guidance reports for one group of agencies ({@link Vocabulary#groups()}): a district's scoring of its
 * communes, or the province's appraisal as a whole. Its rules compute them.
 *
 * @param group   the group's id, for example {@code districts}
 * @param agency  the agency the report is of, for a group of a kind ({@link Vocabulary.Group#of()}); {@code null} for
 *                the report of the whole request
 * @param figures the figures by name, in the order the guidance declares them: an {@link Integer} for a count, a
 *                {@link BigDecimal} for points, a sorted {@link List} of agency ids for agencies
 */
public record GroupReport(String group, String agency, Map<String, Object> figures) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param group   the group's id, for example {@code districts}
     * @param agency  the agency the report is of, for a group of a kind ({@link Vocabulary.Group#of()}); {@code null}
     *                for the report of the whole request
     * @param figures the figures by name, in the order the guidance declares them: an {@link Integer} for a count, a
     *                {@link BigDecimal} for points, a sorted {@link List} of agency ids for agencies
     * @throws NullPointerException when a required component is {@code null}
     */
    public GroupReport {
        Objects.requireNonNull(group, "group");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(figures, "figures")));
    }

    /**
     * A figure, {@code null} when the report has none of this name.
     *
     * @param name the figure's name, for example {@code onSiteRequired}
     * @return its value: an {@link Integer}, a {@link BigDecimal} or a {@link List} of agency ids; else {@code null}
     */
    public Object figure(String name) {
        return figures.get(name);
    }

    /**
     * A count.
     *
     * @param name the figure's name, for example {@code onSiteRequired}
     * @return the count
     * @throws IllegalArgumentException when the report has no such count
     */
    public int count(String name) {
        if (figures.get(name) instanceof Integer count) {
            return count;
        }
        throw new IllegalArgumentException("no count " + name + " in the report of " + group);
    }

    /**
     * Points.
     *
     * @param name the figure's name
     * @return the points
     * @throws IllegalArgumentException when the report has no such figure
     */
    public BigDecimal points(String name) {
        if (figures.get(name) instanceof BigDecimal points) {
            return points;
        }
        throw new IllegalArgumentException("no points " + name + " in the report of " + group);
    }

    /**
     * Agency ids, sorted.
     *
     * @param name the figure's name
     * @return the ids of the agencies, sorted
     * @throws IllegalArgumentException when the report has no such figure
     */
    @SuppressWarnings("unchecked")
    public List<String> agencies(String name) {
        if (figures.get(name) instanceof List<?> ids) {
            return (List<String>) ids;
        }
        throw new IllegalArgumentException("no agencies " + name + " in the report of " + group);
    }
}
