package org.isoscoring.api;

import java.util.Objects;

/**
 * An agency that applies the quality management system.
 *
 * @param id             unique in the request, for example {@code XA-YD-01}
 * @param name           optional display name
 * @param kind           what kind of agency it is
 * @param district       for a {@link AgencyKind#COMMUNE}, the id of its district; otherwise {@code null}
 * @param communeScoring for a {@link AgencyKind#DISTRICT}, its record of scoring its communes; otherwise
 *                       {@code null}
 */
public record Agency(String id, String name, AgencyKind kind, String district, CommuneScoring communeScoring) {

    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    public static Agency department(String id, String name) {
        return new Agency(id, name, AgencyKind.DEPARTMENT, null, null);
    }

    public static Agency publicServiceUnit(String id, String name) {
        return new Agency(id, name, AgencyKind.PUBLIC_SERVICE_UNIT, null, null);
    }

    public static Agency district(String id, String name, CommuneScoring communeScoring) {
        return new Agency(id, name, AgencyKind.DISTRICT, null, Objects.requireNonNull(communeScoring));
    }

    public static Agency commune(String id, String name, String district) {
        return new Agency(id, name, AgencyKind.COMMUNE, Objects.requireNonNull(district), null);
    }
}
