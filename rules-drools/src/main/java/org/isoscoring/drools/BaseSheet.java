package org.isoscoring.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.isoscoring.api.Facts;

/**
 * One assessment as the rules see it (phiếu chấm): who was assessed, by whom, in which year, and its facts. Each
 * guidance's {@code Sheet}, written from its declarations ({@link Sources}), extends it with a getter for every
 * fact and measure. Rules match it and never change it. It also keeps its settled awards (decision 53), which no
 * rule sees.
 */
public abstract class BaseSheet implements Quotable {

    private final int index;
    private final String agency;
    private final String kind;
    private final String assessor;
    private final String parent;
    private final int year;
    private final int rank;
    private final Facts facts;
    private int slot; // its place in its session, set when the session's results are read
    private Award[] settled; // its settled awards (Settled) by catalog position, made with the first
    private List<Award> settledElsewhere = List.of(); // a second one for a position, or one outside the catalog

    /**
     * @param index    its position in the request
     * @param agency   the agency assessed
     * @param kind     the agency's kind
     * @param assessor who assessed it
     * @param parent   the agency the assessed one belongs to, or {@code null}
     * @param year     the assessed year
     * @param rank     its assessor's place in the guidance's order of final assessors: higher is more final
     * @param facts    the facts as the request gave them
     */
    protected BaseSheet(int index, String agency, String kind, String assessor, String parent, int year, int rank,
                        Facts facts) {
        this.index = index;
        this.agency = Objects.requireNonNull(agency);
        this.kind = Objects.requireNonNull(kind);
        this.assessor = Objects.requireNonNull(assessor);
        this.parent = parent;
        this.year = year;
        this.rank = rank;
        this.facts = Objects.requireNonNull(facts);
    }

    /**
     * Keeps a settled award of this assessment, at its sub-criterion's position in the catalog ({@code -1} for a
     * sub-criterion outside it). Only its own session's rules give it one, on one thread.
     */
    final void give(Award award, int position, int catalogSize) {
        if (settled == null) {
            settled = new Award[catalogSize];
        }
        if (position >= 0 && position < settled.length && settled[position] == null) {
            settled[position] = award;
        } else {
            if (settledElsewhere.isEmpty()) {
                settledElsewhere = new ArrayList<>(2);
            }
            settledElsewhere.add(award);
        }
    }

    /** The settled awards by catalog position ({@code null} where none), as a new array of {@code size}. */
    final Award[] settledByPosition(int size) {
        return settled == null ? new Award[size] : Arrays.copyOf(settled, size);
    }

    /** The settled awards that have no position of their own: a second one for a position, or outside the catalog. */
    final List<Award> settledElsewhere() {
        return settledElsewhere;
    }

    /**
     * Every settled award of this assessment (for the engine and its probes, not for rule files).
     *
     * @return a new list of the settled awards, in the order of the catalog, then those without a position of their
     *         own; empty when none
     */
    public final List<Award> given() {
        List<Award> all = new ArrayList<>(settled == null ? 0 : settled.length);
        if (settled != null) {
            for (Award a : settled) {
                if (a != null) {
                    all.add(a);
                }
            }
        }
        all.addAll(settledElsewhere);
        return all;
    }

    final int slot() {
        return slot;
    }

    final void slot(int slot) {
        this.slot = slot;
    }

    /**
     * The facts as the request gave them; a rule file reads them through the getters of the guidance's
     * {@code Sheet} instead ({@code staffTrained}, or a measure such as {@code onTimeRate}).
     *
     * @return the facts
     */
    public final Facts getFacts() {
        return facts;
    }

    /**
     * The position of the assessment in the request.
     *
     * @return its index in the request's assessments, from 0 ({@code -1} for a probe's)
     */
    public final int index() {
        return index;
    }

    /**
     * The id of the agency assessed, matched in a rule file as {@code agency}.
     *
     * @return the agency's id
     */
    public final String getAgency() {
        return agency;
    }

    /**
     * The id of the agency's kind; a rule file matches the guidance's enum instead, as
     * {@code kind == AgencyKind.DISTRICT}.
     *
     * @return the kind's id, for example {@code COMMUNE}
     */
    public final String kindId() {
        return kind;
    }

    /**
     * The id of the assessor; a rule file matches the guidance's enum instead, as {@code assessor}.
     *
     * @return the assessor's id
     */
    public final String assessorId() {
        return assessor;
    }

    /**
     * The agency the assessed one belongs to, matched in a rule file as {@code parent}.
     *
     * @return the id of that agency (a commune's district); otherwise {@code null}
     */
    public final String getParent() {
        return parent;
    }

    /**
     * The assessed year, matched in a rule file as {@code year}.
     *
     * @return the year of the request
     */
    public final int getYear() {
        return year;
    }

    /**
     * Its assessor's place in the guidance's order of final assessors ({@code finalAssessor} of guidance.json): the
     * assessment of an agency with the highest rank is its final one.
     *
     * @return the rank, higher for a more final assessor
     */
    public final int getRank() {
        return rank;
    }

    /**
     * A day of the assessed year, for a rule to compare a date fact with:
     * {@code Sheet( annualPlanIssuedOn <= dateInYear(3, 31) )} for 31 March.
     *
     * @param month the month, 1 to 12
     * @param day   the day of the month
     * @return the date in the assessed year
     * @throws java.time.DateTimeException when there is no such day
     */
    public final LocalDate dateInYear(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /**
     * Whether a date falls from 1 January to 31 December of the assessed year, both included:
     * {@code Sheet( inYear(managementReviewDate) )}.
     *
     * @param date a date fact, or {@code null} when not given
     * @return whether it is in the assessed year; {@code false} for {@code null}
     */
    public final boolean inYear(LocalDate date) {
        return date != null && date.getYear() == year;
    }

    /** What every assessment can quote: its agency and year. */
    @Override
    public Object quote(String name) {
        return switch (name) {
            case "agency" -> agency;
            case "year" -> year;
            default -> Quotable.UNKNOWN;
        };
    }

    /**
     * For the generated sheets: a count's value, 0 when not given.
     *
     * @param value the count as the request gave it, or {@code null}
     * @return the count, or 0
     */
    protected static int intOf(Object value) {
        return value == null ? 0 : (Integer) value;
    }

    /**
     * For the generated sheets: the days from one date to another, {@code null} when either is (a measure of the
     * days between two date facts).
     *
     * @param from the first date, or {@code null}
     * @param to   the second date, or {@code null}
     * @return the days from {@code from} to {@code to}, negative when {@code to} is earlier; or {@code null}
     */
    protected static Integer daysBetween(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }

    @Override
    public String toString() {
        return assessor + " assessment of " + agency;
    }
}
