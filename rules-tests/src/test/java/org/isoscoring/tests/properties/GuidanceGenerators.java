package org.isoscoring.tests.properties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.api.Vocabulary.Fact;
import org.isoscoring.api.Vocabulary.Kind;
import org.isoscoring.api.Vocabulary.Measure;
import org.isoscoring.api.Vocabulary.Type;
import org.isoscoring.tests.properties.Generators.Draw;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of valid requests for <em>any</em> guidance, built from its declarations alone
 * ({@link GuidanceInfo#vocabulary()}): nothing here knows a fact, a kind or an assessor by name.
 *
 * <p>The agencies: 0-4 of every kind that belongs to no other (at least one agency in all), and for each agency of a
 * kind with members ({@link Kind#members()}) at least {@code atLeast} of its member kinds, named in the member's
 * {@link Kind#belongsTo() belongsTo} field; an agency of a kind with a {@link Kind#record() record} gets one, each
 * field drawn by its declared type (an {@link Type#AGENCIES} field lists some of the agency's own members, sometimes
 * one twice). The assessments: a random set of the assessors that {@link Vocabulary.Assessor#mayAssess may assess}
 * the kind, never empty for a kind {@link Kind#assessedAtLeastOnce assessed at least once}. The year is one the
 * guidance covers; the guidance is named, or left to the year when only it covers it.
 *
 * <p>The facts are boundary-heavy from the declarations: an assessment starts from the declared example
 * {@code perfect} or {@code worst} with one to three facts changed, or from facts all drawn. Counts are drawn at
 * their {@code min}, 0-3, 9/10/29/30, or, for a whole other facts are part of or a ratio's denominator, 1, 10, 20,
 * 40, 50, 100 or 200, so that a part drawn from 0 to its whole hits every whole-percent threshold exactly and one
 * unit below; a part is also drawn as 0, its whole, its whole - 1. A part never exceeds its whole ({@code partOf}, a
 * fact or a difference measure), a nullable fact is sometimes {@code null}, a fact is given only to the kinds that
 * carry it, a choice takes its declared values. Dates fall on the edges of the year and its quarters, of the year
 * before and after, and the second date of a {@code daysBetween} measure is often 0, 1, 14, 15, 16, 30 or 31 days
 * after the first, or a day before. Every number is drawn from the QuickTheories source, so seeds replay and failures
 * shrink.
 *
 * <p>One guess goes beyond the declarations: in a record with two or more dates (a district's {@code resultsSentOn}
 * and {@code resultsDeadline}) the first is often put 0, 1, 14, 15, 16, 30 or 31 days after the last, or a day
 * before, as a day something was sent and its deadline; otherwise they are drawn on their own.
 */
public final class GuidanceGenerators {

    private static final List<Integer> WHOLES = List.of(1, 10, 20, 40, 50, 100, 200);
    private static final List<Integer> SMALL = List.of(0, 1, 2, 3, 9, 10, 29, 30);
    private static final List<Integer> DAYS_AFTER = List.of(0, 1, 14, 15, 16, 30, 31, -1);

    private GuidanceGenerators() {
    }

    /** Whole valid requests for the guidance. */
    public static Gen<ScoringRequest> requests(GuidanceInfo guidance) {
        Gen<ScoringRequest> gen = in -> new Maker(guidance, new Draw(in)).make();
        return gen.describedAs(Theories::describe);
    }

    /** Valid facts of an assessment of an agency of this kind, in the year. */
    public static Gen<Facts> facts(GuidanceInfo guidance, String kind, int year) {
        return in -> new FactMaker(guidance.vocabulary(), new Draw(in), year).facts(kind);
    }

    private static final class Maker {

        private final GuidanceInfo guidance;
        private final Vocabulary vocabulary;
        private final Draw d;
        private final int year;
        private final FactMaker facts;
        private final List<Agency> agencies = new ArrayList<>();
        private final List<Assessment> assessments = new ArrayList<>();
        private int next;

        Maker(GuidanceInfo guidance, Draw d) {
            this.guidance = guidance;
            this.vocabulary = guidance.vocabulary();
            this.d = d;
            this.year = d.pick(guidance.years());
            this.facts = new FactMaker(vocabulary, d, year);
        }

        ScoringRequest make() {
            List<Kind> top = vocabulary.kinds().stream().filter(k -> k.belongsTo() == null).toList();
            for (Kind kind : top) {
                int count = d.pick(List.of(0, 1, 2, d.between(0, 4)));
                for (int i = 0; i < count; i++) {
                    agency(kind, null);
                }
            }
            if (agencies.isEmpty()) {
                agency(d.pick(top), null);
            }
            List<Agency> agencyOrder = new ArrayList<>(agencies);
            List<Assessment> assessmentOrder = new ArrayList<>(assessments);
            if (d.percent(50)) {
                d.shuffle(agencyOrder);
            }
            if (d.percent(50)) {
                d.shuffle(assessmentOrder);
            }
            return new ScoringRequest(d.percent(80) ? guidance.id() : null, year, agencyOrder, assessmentOrder);
        }

        /** An agency of the kind (within {@code parent}), its members, its record and its assessments; its id. */
        private String agency(Kind kind, String parent) {
            String id = kind.id().replace('_', '-') + "-" + (++next);
            List<String> members = new ArrayList<>();
            List<Kind> memberKinds = vocabulary.membersOf(kind.id());
            if (!memberKinds.isEmpty()) {
                int atLeast = kind.members() == null ? 0 : kind.members().atLeast();
                for (int m = 0; m < memberKinds.size(); m++) {
                    int least = m == 0 ? atLeast : 0;
                    int count = least + d.pick(List.of(0, 1, 2, d.between(0, 7)));
                    for (int i = 0; i < count; i++) {
                        members.add(agency(memberKinds.get(m), id));
                    }
                }
            }
            Agency agency = Agency.of(id, null, kind.id());
            if (parent != null) {
                agency = agency.within(parent);
            }
            if (kind.record() != null) {
                agency = agency.withRecord(facts.record(kind.record().fields(), members));
            }
            agencies.add(agency);
            assess(agency, kind);
            return id;
        }

        private void assess(Agency agency, Kind kind) {
            List<String> allowed = vocabulary.assessors().stream().filter(a -> a.mayAssess(kind.id()))
                    .map(Vocabulary.Assessor::id).toList();
            List<String> chosen = new ArrayList<>();
            for (String assessor : allowed) {
                if (d.percent(55)) {
                    chosen.add(assessor);
                }
            }
            if (chosen.isEmpty() && !allowed.isEmpty() && (kind.assessedAtLeastOnce() || d.percent(70))) {
                chosen.add(d.pick(allowed));
            }
            for (String assessor : chosen) {
                assessments.add(new Assessment(agency.id(), assessor, facts.facts(kind.id())));
            }
        }
    }

    /** Facts of one assessment (or one record), from the declarations. */
    private static final class FactMaker {

        private final Vocabulary vocabulary;
        private final Draw d;
        private final int year;
        /** The names of the facts that are another's whole or a ratio's denominator. */
        private final Set<String> wholes;

        FactMaker(Vocabulary vocabulary, Draw d, int year) {
            this.vocabulary = vocabulary;
            this.d = d;
            this.year = year;
            Set<String> w = new java.util.HashSet<>();
            vocabulary.facts().forEach(f -> {
                if (f.partOf() != null) {
                    w.add(f.partOf());
                }
            });
            vocabulary.measures().forEach(m -> {
                if (m.computation() == Vocabulary.Computation.RATIO && m.of().size() == 2) {
                    w.add(m.of().get(1));
                }
            });
            this.wholes = Set.copyOf(w);
        }

        Facts facts(String kind) {
            List<Fact> declared = vocabulary.factsOf(kind);
            Map<String, Object> values = new LinkedHashMap<>();
            String anchor = d.pick(List.of("perfect", "worst", "drawn", "perfect", "worst", "drawn", "drawn"));
            var example = vocabulary.example(anchor);
            if (example.isPresent()) {
                Facts base = example.get().facts(year);
                for (Fact f : declared) {
                    values.put(f.name(), base.has(f.name()) ? base.get(f.name()) : value(f, values));
                }
                int changes = d.between(1, 4);
                for (int i = 0; i < changes; i++) {
                    Fact f = d.pick(declared);
                    values.put(f.name(), value(f, values));
                }
            } else {
                for (Fact f : inOrder(declared)) {
                    values.put(f.name(), value(f, values));
                }
            }
            daysBetween(values);
            repair(declared, values);
            Facts.Builder b = Facts.builder();
            declared.forEach(f -> b.set(f.name(), values.get(f.name())));
            return b.build();
        }

        Facts record(List<Fact> fields, List<String> members) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Fact f : inOrder(fields)) {
                if (f.type() == Type.AGENCIES) {
                    List<String> own = new ArrayList<>(members);
                    d.shuffle(own);
                    int n = own.size();
                    int count = Math.min(n, d.pick(List.of((n + 2) / 3, (n + 2) / 3 - 1, n, 0, d.between(0, n))));
                    List<String> listed = new ArrayList<>(own.subList(0, Math.max(0, count)));
                    if (!listed.isEmpty() && d.percent(25)) {
                        listed.add(listed.get(d.between(0, listed.size() - 1)));
                    }
                    values.put(f.name(), listed);
                } else {
                    values.put(f.name(), value(f, values));
                }
            }
            // a second date is often right after the first one (a deadline and the day something was sent)
            List<Fact> dates = fields.stream().filter(f -> f.type() == Type.DATE).toList();
            if (dates.size() >= 2 && d.percent(60)) {
                Fact first = dates.get(dates.size() - 1);
                Fact second = dates.get(0);
                LocalDate from = (LocalDate) values.get(first.name());
                if (from != null) {
                    values.put(second.name(), from.plusDays(d.pick(DAYS_AFTER)));
                }
            }
            repair(fields, values);
            Facts.Builder b = Facts.builder();
            fields.forEach(f -> b.set(f.name(), values.get(f.name())));
            return b.build();
        }

        /** A value of the fact by its type; a part drawn within its whole as far as it is known. */
        private Object value(Fact f, Map<String, Object> values) {
            if (f.nullable() && d.percent(15)) {
                return null;
            }
            return switch (f.type()) {
                case COUNT -> count(f, values);
                case DECIMAL -> {
                    BigDecimal min = f.min() == null ? BigDecimal.ZERO : f.min();
                    yield min.add(BigDecimal.valueOf(d.pick(SMALL)).add(d.percent(30) ? new BigDecimal("0.5")
                            : BigDecimal.ZERO));
                }
                case DATE -> date();
                case BOOLEAN -> d.percent(50);
                case CHOICE -> d.pick(f.choice().ids());
                case AGENCIES -> List.of();
            };
        }

        private int count(Fact f, Map<String, Object> values) {
            int min = f.min() == null ? 0 : f.min().intValueExact();
            Long whole = f.partOf() == null ? null : whole(f.partOf(), values);
            int v;
            if (whole != null) {
                int w = (int) Math.max(0, whole);
                v = d.pick(List.of(0, w, w - 1, d.between(0, w), d.between(0, w), d.between(0, w)));
            } else if (wholes.contains(f.name())) {
                v = d.pick(List.of(d.pick(WHOLES), d.pick(WHOLES), 0, d.pick(SMALL), d.between(0, 300)));
            } else {
                v = d.pick(List.of(min, d.pick(SMALL), d.pick(SMALL), d.between(0, 50)));
            }
            return Math.max(min, v);
        }

        /** The value of a fact or a difference measure, {@code null} when it is not known (yet). */
        private Long whole(String name, Map<String, Object> values) {
            if (values.get(name) instanceof Integer i) {
                return (long) i;
            }
            Measure m = vocabulary.measure(name).orElse(null);
            if (m != null && m.computation() == Vocabulary.Computation.DIFFERENCE) {
                Long a = whole(m.of().get(0), values);
                Long b = whole(m.of().get(1), values);
                return a == null || b == null ? null : a - b;
            }
            return null;
        }

        /** A day on the edges of the assessed year, of its quarters, of the year before and after, or any. */
        private LocalDate date() {
            int y = d.pick(List.of(year, year, year, year - 1, year + 1));
            return d.pick(Arrays.asList(LocalDate.of(y, 1, 1), LocalDate.of(y, 3, 31), LocalDate.of(y, 4, 1),
                    LocalDate.of(y, 6, 30), LocalDate.of(y, 7, 1), LocalDate.of(y, 9, 30), LocalDate.of(y, 10, 1),
                    LocalDate.of(y, 12, 31), d.day(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))));
        }

        /** The second date of a {@code daysBetween} measure often a few edge days after the first. */
        private void daysBetween(Map<String, Object> values) {
            for (Measure m : vocabulary.measures()) {
                if (m.computation() != Vocabulary.Computation.DAYS_BETWEEN || !values.containsKey(m.of().get(1))) {
                    continue;
                }
                if (values.get(m.of().get(0)) instanceof LocalDate from && values.get(m.of().get(1)) != null
                        && d.percent(60)) {
                    values.put(m.of().get(1), from.plusDays(d.pick(DAYS_AFTER)));
                }
            }
        }

        /** Every part at most its whole, every count at least its min: the facts whose wholes come first. */
        private void repair(List<Fact> declared, Map<String, Object> values) {
            for (Fact f : inOrder(declared)) {
                if (f.type() == Type.COUNT && values.get(f.name()) instanceof Integer v) {
                    int min = f.min() == null ? 0 : f.min().intValueExact();
                    int fixed = Math.max(v, min);
                    Long whole = f.partOf() == null ? null : whole(f.partOf(), values);
                    if (whole != null && fixed > whole) {
                        fixed = (int) Math.max(0, whole);
                    }
                    values.put(f.name(), fixed);
                }
            }
        }

        /** The facts with every whole before its parts (by the depth of {@code partOf}), else in declared order. */
        private List<Fact> inOrder(List<Fact> facts) {
            Map<String, Integer> depth = new HashMap<>();
            List<Fact> sorted = new ArrayList<>(facts);
            sorted.sort(java.util.Comparator.comparingInt(f -> depth(f.name(), depth, 0)));
            return sorted;
        }

        private int depth(String name, Map<String, Integer> memo, int guard) {
            if (guard > 20) {
                throw new IllegalStateException("partOf cycle at " + name);
            }
            Integer known = memo.get(name);
            if (known != null) {
                return known;
            }
            int result = 0;
            var fact = vocabulary.fact(name);
            if (fact.isPresent() && fact.get().partOf() != null) {
                result = 1 + depth(fact.get().partOf(), memo, guard + 1);
            } else {
                var measure = vocabulary.measure(name);
                if (measure.isPresent()) {
                    for (String of : measure.get().of()) {
                        result = Math.max(result, depth(of, memo, guard + 1));
                    }
                }
            }
            memo.put(name, result);
            return result;
        }
    }
}
