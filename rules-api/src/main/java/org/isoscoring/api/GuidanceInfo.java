package org.isoscoring.api;

import java.util.List;
import java.util.Objects;

/**
 * A guidance: the rules of one province for one or more years.
 *
 * @param id       for example {@code bac-giang-2022}
 * @param title    its title, in Vietnamese
 * @param years    the assessed years it covers
 * @param sources  the documents it is built from
 * @param criteria its catalog: criteria with their sub-criteria, in order
 * @param vocabulary what it scores and who scores whom: its facts, kinds of agency, assessors, ratings and group
 *                   figures
 * @param notice   what every output that names the guidance says with it ({@code VÍ DỤ MINH HOẠ, không phải hướng
 *                 dẫn chính thức} for an illustration), or {@code null}
 */
public record GuidanceInfo(String id, String title, List<Integer> years, List<String> sources,
                           List<Criterion> criteria, Vocabulary vocabulary, Label notice) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param id         for example {@code bac-giang-2022}
     * @param title      its title, in Vietnamese
     * @param years      the assessed years it covers
     * @param sources    the documents it is built from
     * @param criteria   its catalog: criteria with their sub-criteria, in order
     * @param vocabulary what it scores and who scores whom: its facts, kinds of agency, assessors, ratings and group
     *                   figures
     * @param notice     what every output that names the guidance says with it ({@code VÍ DỤ MINH HOẠ, không phải
     *                   hướng dẫn chính thức} for an illustration), or {@code null}
     * @throws NullPointerException when a required component is {@code null}
     */
    public GuidanceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        years = List.copyOf(years);
        sources = List.copyOf(sources);
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /**
     * Whether it covers the assessed year.
     *
     * @param year the assessed year
     * @return {@code true} when {@code year} is one of its {@code years}
     */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /**
     * Every sub-criterion, in catalog order: the ids of an assessment's points.
     *
     * @return the sub-criteria of every criterion, in catalog order
     */
    public List<Criterion> subCriteria() {
        return criteria.stream().flatMap(c -> c.subCriteria().stream()).toList();
    }
}
