package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A criterion of a guidance's catalog, or one of its sub-criteria (which have none of their own).
 *
 * @param id               for example {@code 7} or {@code 7.1}
 * @param max              its maximum points
 * @param title            its Vietnamese title
 * @param titleForDistrict its title for a district where that differs (criterion 15), else {@code null}
 * @param subCriteria      its sub-criteria, in catalog order; empty for a sub-criterion
 * @param titleEn          its English title, else {@code null} (the Vietnamese title is shown instead)
 * @param titleForDistrictEn its English title for a district where that differs, else {@code null}
 */
public record Criterion(String id, BigDecimal max, String title, String titleForDistrict,
                        List<Criterion> subCriteria, String titleEn, String titleForDistrictEn) {

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(title, "title");
        subCriteria = List.copyOf(subCriteria);
    }

    /** A criterion with Vietnamese titles only. */
    public Criterion(String id, BigDecimal max, String title, String titleForDistrict, List<Criterion> subCriteria) {
        this(id, max, title, titleForDistrict, subCriteria, null, null);
    }

    /** The title for an agency of this kind. */
    public String titleFor(AgencyKind kind) {
        return kind == AgencyKind.DISTRICT && titleForDistrict != null ? titleForDistrict : title;
    }

    /**
     * The title for an agency of this kind, in English when {@code english} and the guidance gives one, else in
     * Vietnamese.
     */
    public String titleFor(AgencyKind kind, boolean english) {
        if (!english) {
            return titleFor(kind);
        }
        if (kind == AgencyKind.DISTRICT && titleForDistrict != null) {
            return titleForDistrictEn != null ? titleForDistrictEn : titleForDistrict;
        }
        return titleEn != null ? titleEn : title;
    }
}
