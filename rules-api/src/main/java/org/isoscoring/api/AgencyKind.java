package org.isoscoring.api;

/** The kinds of agency that apply the quality management system (SCORING.md §2). */
public enum AgencyKind {
    /** Sở, ban, ngành — a provincial department. */
    DEPARTMENT,
    /** UBND cấp huyện — a district People's Committee. */
    DISTRICT,
    /** UBND cấp xã — a commune, ward or town People's Committee. */
    COMMUNE,
    /** Đơn vị sự nghiệp công lập — a public service unit. */
    PUBLIC_SERVICE_UNIT
}
