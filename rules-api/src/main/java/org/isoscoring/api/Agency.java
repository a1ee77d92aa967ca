package org.isoscoring.api;

import java.util.Objects;

/**
 * An agency that applies the quality management system.
 *
 * @param id     unique in the request, for example {@code XA-YD-01}
 * @param name   optional display name
 * @param kind   its kind, one of its guidance's kinds ({@link Vocabulary#kinds()}), for example {@code COMMUNE}
 * @param parent the id of the agency it belongs to, for a kind that belongs to another
 *               ({@link Vocabulary.Kind#belongsTo()}, a commune's district, written in JSON under that kind's field,
 *               {@code district}); otherwise {@code null}
 * @param record what it records besides its assessments, for a kind that has a record
 *               ({@link Vocabulary.Kind#record()}, a district's {@code communeScoring}); otherwise {@code null}
 */
public record Agency(String id, String name, String kind, String parent, Facts record) {

    /**
     * Checks the agency.
     *
     * @param id     unique in the request, for example {@code XA-YD-01}
     * @param name   optional display name
     * @param kind   its kind, one of its guidance's kinds ({@link Vocabulary#kinds()}), for example {@code COMMUNE}
     * @param parent the id of the agency it belongs to, for a kind that belongs to another
     *               ({@link Vocabulary.Kind#belongsTo()}, a commune's district, written in JSON under that kind's
     *               field, {@code district}); otherwise {@code null}
     * @param record what it records besides its assessments, for a kind that has a record
     *               ({@link Vocabulary.Kind#record()}, a district's {@code communeScoring}); otherwise {@code null}
     * @throws NullPointerException when {@code id} or {@code kind} is {@code null}
     */
    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * An agency that belongs to no other and has no record, such as a department.
     *
     * @param id   its id
     * @param name its name
     * @param kind its kind
     * @return the agency
     */
    public static Agency of(String id, String name, String kind) {
        return new Agency(id, name, kind, null, null);
    }

    /**
     * This agency, belonging to another.
     *
     * @param parent the id of the agency it belongs to
     * @return a copy of this agency with that parent
     */
    public Agency within(String parent) {
        return new Agency(id, name, kind, parent, record);
    }

    /**
     * This agency, with a record.
     *
     * @param record what it records besides its assessments
     * @return a copy of this agency with that record
     */
    public Agency withRecord(Facts record) {
        return new Agency(id, name, kind, parent, record);
    }
}
