package org.isoscoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a guidance declares in its folder, as its core knows none of it: the facts an assessor records, the measures
 * derived from them, the kinds of agency and how they nest, the assessors and whose result is final, the rating scale
 * and the figures reported for groups of agencies. A provincial system builds its forms from it; the engine reads and
 * checks requests by it.
 *
 * @param choices       the lists of values a choice fact takes, {@link #JUDGEMENT} first
 * @param facts         the facts of an assessment, in the order of the guidance (and of its JSON)
 * @param measures      what the rules compute from the facts (ratios, differences, days between two dates)
 * @param kinds         the kinds of agency
 * @param assessors     who assesses
 * @param finalAssessor the assessors whose assessment is an agency's final result, highest first
 * @param ratings       the rating scale, highest first
 * @param groups        the figures the result reports for groups of agencies
 * @param examples      facts to start from, by name: {@code perfect} meets every criterion, {@code worst} none
 *                      (scenarios change a few of them; {@code check} varies them to probe the bands)
 */
public record Vocabulary(List<Choice> choices, List<Fact> facts, List<Measure> measures, List<Kind> kinds,
                         List<Assessor> assessors, List<String> finalAssessor, List<Rating> ratings,
                         List<Group> groups, List<Example> examples) {

    /** The values of a judgement ({@code judgement} facts): fully, partly or not met. */
    public static final Choice JUDGEMENT = new Choice("Judgement", List.of(
            new Value("FULL", new Label("Đạt", "Fully met")),
            new Value("PARTIAL", new Label("Đạt một phần", "Partly met")),
            new Value("NONE", new Label("Không đạt", "Not met"))));

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param choices       the lists of values a choice fact takes, {@link #JUDGEMENT} first
     * @param facts         the facts of an assessment, in the order of the guidance (and of its JSON)
     * @param measures      what the rules compute from the facts (ratios, differences, days between two dates)
     * @param kinds         the kinds of agency
     * @param assessors     who assesses
     * @param finalAssessor the assessors whose assessment is an agency's final result, highest first
     * @param ratings       the rating scale, highest first
     * @param groups        the figures the result reports for groups of agencies
     * @param examples      facts to start from, by name: {@code perfect} meets every criterion, {@code worst} none
     *                      (scenarios change a few of them; {@code check} varies them to probe the bands)
     */
    public Vocabulary {
        choices = List.copyOf(choices);
        facts = List.copyOf(facts);
        measures = List.copyOf(measures);
        kinds = List.copyOf(kinds);
        assessors = List.copyOf(assessors);
        finalAssessor = List.copyOf(finalAssessor);
        ratings = List.copyOf(ratings);
        groups = List.copyOf(groups);
        examples = List.copyOf(examples);
    }

    /**
     * The example of this name ({@code perfect}, {@code worst}).
     *
     * @param name the example's name
     * @return the example, or empty when the guidance declares none of this name
     */
    public Optional<Example> example(String name) {
        return examples.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The fact of this name.
     *
     * @param name the fact's name, for example {@code staffTrained}
     * @return the fact, or empty when the guidance declares none of this name
     */
    public Optional<Fact> fact(String name) {
        return facts.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The facts an assessment of an agency of this kind carries, in order.
     *
     * @param kind the kind's id, for example {@code COMMUNE}
     * @return the facts declared for every kind or for {@code kind}, in the order of the guidance
     */
    public List<Fact> factsOf(String kind) {
        return facts.stream().filter(f -> f.carriedBy(kind)).toList();
    }

    /**
     * The measure of this name.
     *
     * @param name the measure's name, for example {@code onTimeRate}
     * @return the measure, or empty when the guidance declares none of this name
     */
    public Optional<Measure> measure(String name) {
        return measures.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The kind of this id.
     *
     * @param id the kind's id, for example {@code COMMUNE}
     * @return the kind, or empty when the guidance declares none of this id
     */
    public Optional<Kind> kind(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * The kinds whose agencies belong to an agency of this kind (a district's communes).
     *
     * @param kind the kind's id, for example {@code DISTRICT}
     * @return the kinds that belong to {@code kind}, in the order of the guidance; empty when none does
     */
    public List<Kind> membersOf(String kind) {
        return kinds.stream().filter(k -> k.belongsTo() != null && k.belongsTo().kind().equals(kind)).toList();
    }

    /**
     * The assessor of this id.
     *
     * @param id the assessor's id, for example {@code PROVINCE}
     * @return the assessor, or empty when the guidance declares none of this id
     */
    public Optional<Assessor> assessor(String id) {
        return assessors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * The rating of this id.
     *
     * @param id the rating's id, for example {@code EXCELLENT}
     * @return the rating, or empty when the guidance declares none of this id
     */
    public Optional<Rating> rating(String id) {
        return ratings.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The choice of this name ({@code Judgement} too).
     *
     * @param name the choice's name, for example {@code IsoTeam}
     * @return the choice, or empty when the guidance declares none of this name
     */
    public Optional<Choice> choice(String name) {
        return choices.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The group of this id.
     *
     * @param id the group's id, for example {@code districts}
     * @return the group, or empty when the guidance declares none of this id
     */
    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** What a value is. */
    public enum Type {
        /** A whole number from 0 (a count of things), within {@code int}. */
        COUNT,
        /** An exact decimal number. */
        DECIMAL,
        /** A day, {@code YYYY-MM-DD}. */
        DATE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of the values of a {@link Choice}. */
        CHOICE,
        /** Ids of agencies: in a record, of the agency's own members; in a group, any. */
        AGENCIES
    }

    /**
     * A list of values a choice fact takes.
     *
     * @param name   its name, as the rules write it ({@code Judgement}, {@code IsoTeam})
     * @param values its values, in order
     */
    public record Choice(String name, List<Value> values) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param name   its name, as the rules write it ({@code Judgement}, {@code IsoTeam})
         * @param values its values, in order
         * @throws NullPointerException when a required component is {@code null}
         */
        public Choice {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }

        /**
         * Whether this is one of its values' ids.
         *
         * @param id a value's id, for example {@code FULL}
         * @return {@code true} when one of its values has this id
         */
        public boolean has(String id) {
            return values.stream().anyMatch(v -> v.id().equals(id));
        }

        /**
         * Its values' ids, in order.
         *
         * @return the ids, for example {@code FULL}, {@code PARTIAL}, {@code NONE} for a judgement
         */
        public List<String> ids() {
            return values.stream().map(Value::id).toList();
        }
    }

    /**
     * One value of a choice.
     *
     * @param id    as the JSON and the rules write it ({@code FULL})
     * @param title what it means
     */
    public record Value(String id, Label title) {
        /**
         * Checks the components.
         *
         * @param id    as the JSON and the rules write it ({@code FULL})
         * @param title what it means
         * @throws NullPointerException when a required component is {@code null}
         */
        public Value {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A fact an assessor records (or a field of an agency's record).
     *
     * @param name     its JSON name, which the rules use too ({@code staffTrained})
     * @param type     what its value is
     * @param choice   for a {@link Type#CHOICE}, its values; else {@code null}
     * @param nullable whether it may be {@code null} (a date of something not done); it must still be given
     * @param kinds    the kinds of agency whose assessments carry it; empty for every kind
     * @param min      the least value, else {@code null} (a count is never negative)
     * @param partOf   the fact or measure it is part of and never above ({@code staffTotal}), else {@code null}
     * @param countAs  for {@link Type#AGENCIES} in a record: the name of the number of distinct ids, else {@code null}
     * @param title    what it is, for a form
     * @param help     how to fill it in, else {@code null}
     */
    public record Fact(String name, Type type, Choice choice, boolean nullable, Set<String> kinds, BigDecimal min,
                       String partOf, String countAs, Label title, Label help) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param name     its JSON name, which the rules use too ({@code staffTrained})
         * @param type     what its value is
         * @param choice   for a {@link Type#CHOICE}, its values; else {@code null}
         * @param nullable whether it may be {@code null} (a date of something not done); it must still be given
         * @param kinds    the kinds of agency whose assessments carry it; empty for every kind
         * @param min      the least value, else {@code null} (a count is never negative)
         * @param partOf   the fact or measure it is part of and never above ({@code staffTotal}), else {@code null}
         * @param countAs  for {@link Type#AGENCIES} in a record: the name of the number of distinct ids, else
         *                 {@code null}
         * @param title    what it is, for a form
         * @param help     how to fill it in, else {@code null}
         * @throws NullPointerException     when a required component is {@code null}
         * @throws IllegalArgumentException when a component is not valid
         */
        public Fact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if ((type == Type.CHOICE) != (choice != null)) {
                throw new IllegalArgumentException(name + ": a choice fact, and only a choice fact, has a choice");
            }
            kinds = Set.copyOf(kinds);
            Objects.requireNonNull(title, "title");
        }

        /**
         * Whether an assessment of an agency of this kind carries it.
         *
         * @param kind the kind's id, for example {@code COMMUNE}
         * @return {@code true} when {@code kinds} is empty or holds {@code kind}
         */
        public boolean carriedBy(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    /** How a measure is computed. */
    public enum Computation {
        /** {@code of[0] / of[1]}, compared exactly ({@code 100·a ≥ p·b}); 0/0 meets every threshold. */
        RATIO,
        /** {@code of[0] − of[1]}. */
        DIFFERENCE,
        /** The days from {@code of[0]} to {@code of[1]}; {@code null} when either is. */
        DAYS_BETWEEN
    }

    /**
     * What the rules compute from facts.
     *
     * @param name        as the rules write it ({@code onTimeRate})
     * @param computation how
     * @param of          the facts or measures it is computed of, in order
     * @param title       what it is
     */
    public record Measure(String name, Computation computation, List<String> of, Label title) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param name        as the rules write it ({@code onTimeRate})
         * @param computation how
         * @param of          the facts or measures it is computed of, in order
         * @param title       what it is
         * @throws NullPointerException when a required component is {@code null}
         */
        public Measure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(computation, "computation");
            of = List.copyOf(of);
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A kind of agency.
     *
     * @param id                  as the JSON and the rules write it ({@code COMMUNE})
     * @param title               what it is ({@code UBND cấp xã})
     * @param noun                how a sentence names one ({@code xã}, {@code commune})
     * @param fact                the name of the fact the rules match for each agency of this kind
     *                            ({@code District}), else {@code null}
     * @param belongsTo           the kind of agency each belongs to, and the JSON field naming it; else {@code null}
     * @param members             how many agencies belong to one of this kind, and the least; else {@code null}
     * @param record              what an agency of this kind records besides its assessments, else {@code null}
     * @param assessedAtLeastOnce whether every agency of this kind must have an assessment
     */
    public record Kind(String id, Label title, Label noun, String fact, BelongsTo belongsTo, Members members,
                       AgencyRecord record, boolean assessedAtLeastOnce) {
        /**
         * Checks the components.
         *
         * @param id                  as the JSON and the rules write it ({@code COMMUNE})
         * @param title               what it is ({@code UBND cấp xã})
         * @param noun                how a sentence names one ({@code xã}, {@code commune}); {@code null} to use its id
         * @param fact                the name of the fact the rules match for each agency of this kind
         *                            ({@code District}), else {@code null}
         * @param belongsTo           the kind of agency each belongs to, and the JSON field naming it; else
         *                            {@code null}
         * @param members             how many agencies belong to one of this kind, and the least; else {@code null}
         * @param record              what an agency of this kind records besides its assessments, else {@code null}
         * @param assessedAtLeastOnce whether every agency of this kind must have an assessment
         * @throws NullPointerException when a required component is {@code null}
         */
        public Kind {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            noun = noun == null ? new Label(id, id) : noun;
        }
    }

    /**
     * The agency each agency of a kind belongs to.
     *
     * @param kind  its kind ({@code DISTRICT})
     * @param field the JSON field of the member that names it ({@code district})
     */
    public record BelongsTo(String kind, String field) {
        /**
         * Checks the components.
         *
         * @param kind  its kind ({@code DISTRICT})
         * @param field the JSON field of the member that names it ({@code district})
         * @throws NullPointerException when a required component is {@code null}
         */
        public BelongsTo {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * The agencies that belong to one agency.
     *
     * @param count   the name the rules give their number ({@code communes})
     * @param atLeast the fewest an agency of the kind has
     */
    public record Members(String count, int atLeast) {
        /**
         * Checks the components.
         *
         * @param count   the name the rules give their number ({@code communes})
         * @param atLeast the fewest an agency of the kind has
         * @throws NullPointerException when a required component is {@code null}
         */
        public Members {
            Objects.requireNonNull(count, "count");
        }
    }

    /**
     * What an agency records besides its assessments (a district's {@code communeScoring}).
     *
     * @param name   its JSON field
     * @param fields its fields, each declared as a fact
     */
    public record AgencyRecord(String name, List<Fact> fields) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param name   its JSON field
         * @param fields its fields, each declared as a fact
         * @throws NullPointerException when a required component is {@code null}
         */
        public AgencyRecord {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
        }
    }

    /**
     * Who assesses.
     *
     * @param id      as the JSON and the rules write it ({@code PROVINCE})
     * @param title   who it is
     * @param assesses the kinds of agency it may assess; empty for every kind
     */
    public record Assessor(String id, Label title, Set<String> assesses) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param id       as the JSON and the rules write it ({@code PROVINCE})
         * @param title    who it is
         * @param assesses the kinds of agency it may assess; empty for every kind
         * @throws NullPointerException when a required component is {@code null}
         */
        public Assessor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            assesses = Set.copyOf(assesses);
        }

        /**
         * Whether it may assess an agency of this kind.
         *
         * @param kind the kind's id, for example {@code COMMUNE}
         * @return {@code true} when {@code assesses} is empty or holds {@code kind}
         */
        public boolean mayAssess(String kind) {
            return assesses.isEmpty() || assesses.contains(kind);
        }
    }

    /**
     * Facts to start from, written once for any year of the guidance.
     *
     * @param name  {@code perfect}, {@code worst}, or another name a scenario file refers to
     * @param title what they are
     * @param facts every fact by name; a date is written {@code {year}-03-15}, {@code {year-1}-12-31},
     *              {@code {year+1}-01-01} (relative to the assessed year) or as a plain date
     */
    public record Example(String name, Label title, Map<String, Object> facts) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param name  {@code perfect}, {@code worst}, or another name a scenario file refers to
         * @param title what they are
         * @param facts every fact by name; a date is written {@code {year}-03-15}, {@code {year-1}-12-31},
         *              {@code {year+1}-01-01} (relative to the assessed year) or as a plain date
         * @throws NullPointerException when a required component is {@code null}
         */
        public Example {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
            facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        }

        /**
         * The facts for an assessed year: each date of the year written out.
         *
         * @param year the assessed year
         * @return the facts, in order, each date written relative to the year ({@code {year}-03-15}) as a
         *         {@link java.time.LocalDate}
         */
        public Facts facts(int year) {
            Facts.Builder b = Facts.builder();
            facts.forEach((name, value) -> b.set(name, value instanceof String text && text.startsWith("{year")
                    ? date(text, year) : value));
            return b.build();
        }

        /**
         * A date written relative to the year: {@code {year}-03-31}, {@code {year-1}-12-31}, {@code {year+1}-01-01}.
         *
         * @param text the date as written, relative to the year or plain ({@code 2022-03-15})
         * @param year the assessed year
         * @return the date
         */
        public static java.time.LocalDate date(String text, int year) {
            int close = text.indexOf('}');
            if (!text.startsWith("{year") || close < 0) {
                return java.time.LocalDate.parse(text);
            }
            String shift = text.substring(5, close);
            int y = year + (shift.isEmpty() ? 0 : Integer.parseInt(shift.startsWith("+") ? shift.substring(1) : shift));
            return java.time.LocalDate.parse(y + text.substring(close + 1));
        }
    }

    /**
     * A rating of the scale; the rules decide which total has which.
     *
     * @param id    as the JSON and the rules write it ({@code EXCELLENT})
     * @param title its name ({@code Xuất sắc})
     */
    public record Rating(String id, Label title) {
        /**
         * Checks the components.
         *
         * @param id    as the JSON and the rules write it ({@code EXCELLENT})
         * @param title its name ({@code Xuất sắc})
         * @throws NullPointerException when a required component is {@code null}
         */
        public Rating {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * Figures the result reports for a group of agencies, computed by the guidance's rules.
     *
     * @param id      the result's JSON field ({@code districts})
     * @param of      the kind of agency each report is of (one report per agency of that kind); {@code null} for one
     *                report of the whole request
     * @param title    what the reports are
     * @param figures  the figures of a report, in order
     * @param sampleOf for a report of the whole request, the kind of agency its sample sizes
     *                 ({@code provinceSampleSize}) are drawn from (every {@code COMMUNE} of the request,
     *                 docs/sampling.md); {@code null} for a group {@code of} a kind, whose reports draw from that
     *                 agency's members, or for a group without a sample
     */
    public record Group(String id, String of, Label title, List<Figure> figures, String sampleOf) {
        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param id       the result's JSON field ({@code districts})
         * @param of       the kind of agency each report is of (one report per agency of that kind); {@code null} for
         *                 one report of the whole request
         * @param title    what the reports are
         * @param figures  the figures of a report, in order
         * @param sampleOf for a report of the whole request, the kind of agency its sample sizes
         *                 ({@code provinceSampleSize}) are drawn from (every {@code COMMUNE} of the request,
         *                 docs/sampling.md); {@code null} for a group {@code of} a kind, whose reports draw from that
         *                 agency's members, or for a group without a sample
         * @throws NullPointerException when a required component is {@code null}
         */
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            figures = List.copyOf(figures);
        }
    }

    /**
     * One figure of a group's report.
     *
     * @param name    its JSON field ({@code onSiteRequired})
     * @param type    {@link Type#COUNT}, {@link Type#DECIMAL} (points) or {@link Type#AGENCIES}
     * @param title   what it is
     * @param atLeast a figure it should not be below, shown as a finding when it is; else {@code null}
     */
    public record Figure(String name, Type type, Label title, String atLeast) {
        /**
         * Checks the components.
         *
         * @param name    its JSON field ({@code onSiteRequired})
         * @param type    {@link Type#COUNT}, {@link Type#DECIMAL} (points) or {@link Type#AGENCIES}
         * @param title   what it is
         * @param atLeast a figure it should not be below, shown as a finding when it is; else {@code null}
         * @throws NullPointerException when a required component is {@code null}
         */
        public Figure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(title, "title");
        }
    }
}
