package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A criterion of a guidance's catalog, or one of its sub-criteria (which have none of their own).
 *
 * @param id          for example {@code 7} or {@code 7.1}
 * @param max         its maximum points
 * @param title       its title
 * @param titleByKind its title for agencies of a kind where that differs (criterion 15 of a district), by kind id
 * @param subCriteria its sub-criteria, in catalog order; empty for a sub-criterion
 */
public record Criterion(String id, BigDecimal max, Label title, Map<String, Label> titleByKind,
                        List<Criterion> subCriteria) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param id          for example {@code 7} or {@code 7.1}
     * @param max         its maximum points
     * @param title       its title
     * @param titleByKind its title for agencies of a kind where that differs (criterion 15 of a district), by kind id
     * @param subCriteria its sub-criteria, in catalog order; empty for a sub-criterion
     * @throws NullPointerException when a required component is {@code null}
     */
    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(title, "title");
        titleByKind = Collections.unmodifiableMap(new LinkedHashMap<>(titleByKind));
        subCriteria = List.copyOf(subCriteria);
    }

    /**
     * The title for an agency of this kind, in English when {@code english} (Vietnamese where none is given).
     *
     * @param kind    the agency's kind id, for example {@code DISTRICT}
     * @param english {@code true} for the English title, {@code false} for the Vietnamese
     * @return the title in that language: the one {@code titleByKind} gives for {@code kind}, else {@code title}
     */
    public String titleFor(String kind, boolean english) {
        return titleByKind.getOrDefault(kind, title).text(english);
    }
}
