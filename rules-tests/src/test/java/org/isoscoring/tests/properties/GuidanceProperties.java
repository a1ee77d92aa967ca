package org.isoscoring.tests.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.RequestChecks;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * The invariants every guidance keeps, checked for each bundled guidance over requests made from its own declarations
 * ({@link GuidanceGenerators}): nothing here names a fact, a kind, an assessor, a rating or a figure; all of it is
 * read from {@link GuidanceInfo}. One {@link Nested} class per bundled guidance runs the same properties, and a test
 * fails when a guidance is bundled without one.
 *
 * <p>Each property prints its seed ({@code [GuidanceProperties$TwoTier2026#resultInvariants] seed ...}); replay one
 * with {@code -Dtest='GuidanceProperties*TwoTier2026#resultInvariants' -DQT_SEED=...}. To see a property fail, score a
 * guidance with an edited copy of its folder: {@code -Disoscoring.rules.two-tier-2026-example=/tmp/mutant}.
 */
@DisplayName("Properties of every bundled guidance, from its declarations (QuickTheories)")
final class GuidanceProperties {

    private static final ScoringEngine ENGINE = ScoringEngine.create();

    /** The guidances with a nested class below. */
    private static final Set<String> CHECKED = Set.of("bac-giang-2022", "two-tier-2026-example");

    @Test
    @DisplayName("given the bundled guidances, then each has its nested class of properties here")
    void everyBundledGuidanceIsChecked() {
        assertThat(ENGINE.guidances()).extracting(GuidanceInfo::id).containsExactlyInAnyOrderElementsOf(CHECKED);
    }

    @Nested
    @DisplayName("bac-giang-2022")
    final class BacGiang2022 extends OfGuidance {
        BacGiang2022() {
            super("bac-giang-2022", 2022);
        }
    }

    @Nested
    @DisplayName("two-tier-2026-example")
    final class TwoTier2026 extends OfGuidance {
        TwoTier2026() {
            super("two-tier-2026-example", 2026);
        }
    }

    /** The properties, for one guidance. */
    abstract static class OfGuidance {

        private final ScoringEngine engine;
        private final GuidanceInfo guidance;
        private final Vocabulary vocabulary;
        private final List<String> criteria;
        private final Map<String, BigDecimal> max = new LinkedHashMap<>();
        private final BigDecimal catalogTotal;

        OfGuidance(String id, int year) {
            String folder = System.getProperty("isoscoring.rules." + id);
            this.engine = folder == null ? ENGINE : ScoringEngine.create().withRules(java.nio.file.Path.of(folder));
            this.guidance = engine.guidanceFor(id, year);
            this.vocabulary = guidance.vocabulary();
            this.criteria = guidance.subCriteria().stream().map(Criterion::id).toList();
            guidance.subCriteria().forEach(c -> max.put(c.id(), c.max()));
            this.catalogTotal = guidance.criteria().stream().map(Criterion::max).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
        }

        private String test(String property) {
            return GuidanceProperties.class.getSimpleName() + "$" + getClass().getSimpleName() + "#" + property;
        }

        private void forAllRequests(String property, Consumer<ScoringRequest> check) {
            Consumer<ScoringRequest> valid = request -> {
                assertValid(request);
                check.accept(request);
            };
            Theories.theory(test(property), Theories.EXAMPLES, valid)
                    .forAll(GuidanceGenerators.requests(guidance)).checkAssert(valid);
        }

        private void assertValid(ScoringRequest request) {
            assertThat(RequestChecks.problems(request, guidance)).as("the generated request is valid under "
                    + guidance.id()).isEmpty();
        }

        @Test
        @DisplayName("given requests generated from the declarations, then every assessment has exactly the catalog's "
                + "sub-criteria within [0, max], subtotal = their sum <= the catalog total, total = max(0, subtotal "
                + "- penalty), a penalty >= 0 only on a final assessment, and a declared rating that only depends "
                + "on the total and never falls as it rises")
        void resultInvariants() {
            Map<BigDecimal, String> ratingsSeen = new TreeMap<>();
            forAllRequests("resultInvariants", request -> {
                ScoringResult result = engine.evaluate(request);
                List<String> violations = new ArrayList<>();
                assertThat(result.guidance()).isEqualTo(guidance.id());
                assertThat(result.year()).isEqualTo(request.year());
                assertThat(result.assessments()).hasSameSizeAs(request.assessments());
                Map<String, String> finalAssessors = finalAssessors(request);
                Map<BigDecimal, String> ratings = new TreeMap<>();
                for (int i = 0; i < result.assessments().size(); i++) {
                    AssessmentResult a = result.assessments().get(i);
                    Assessment asked = request.assessments().get(i);
                    String place = guidance.id() + " assessments[" + i + "] " + a.agency() + "/" + a.assessor();
                    if (!a.agency().equals(asked.agency()) || !a.assessor().equals(asked.assessor())) {
                        violations.add(place + ": not in request order");
                    }
                    if (!new ArrayList<>(a.points().keySet()).equals(criteria)) {
                        violations.add(place + ": sub-criteria " + a.points().keySet() + ", the catalog's are "
                                + criteria);
                    }
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Map.Entry<String, BigDecimal> e : a.points().entrySet()) {
                        BigDecimal limit = max.get(e.getKey());
                        if (e.getValue().signum() < 0 || limit == null || e.getValue().compareTo(limit) > 0) {
                            violations.add(place + " " + e.getKey() + " = " + e.getValue() + ", outside [0, "
                                    + limit + "]");
                        }
                        sum = sum.add(e.getValue());
                    }
                    if (a.subtotal().compareTo(sum) != 0 || a.subtotal().compareTo(catalogTotal) > 0) {
                        violations.add(place + ": subtotal " + a.subtotal() + ", points sum to " + sum
                                + ", catalog total " + catalogTotal);
                    }
                    if (a.penalty().signum() < 0) {
                        violations.add(place + ": negative penalty " + a.penalty());
                    }
                    if (a.penalty().signum() > 0 && !a.assessor().equals(finalAssessors.get(a.agency()))) {
                        violations.add(place + ": penalty " + a.penalty() + " on an assessment that is not final ("
                                + finalAssessors.get(a.agency()) + " is)");
                    }
                    if (a.total().compareTo(a.subtotal().subtract(a.penalty()).max(BigDecimal.ZERO)) != 0) {
                        violations.add(place + ": total " + a.total() + ", expected max(0, " + a.subtotal() + " - "
                                + a.penalty() + ")");
                    }
                    if (vocabulary.rating(a.rating()).isEmpty()) {
                        violations.add(place + ": rating " + a.rating() + " is not declared");
                    }
                    String before = ratings.put(a.total().stripTrailingZeros(), a.rating());
                    if (before != null && !before.equals(a.rating())) {
                        violations.add(place + ": total " + a.total() + " rated " + a.rating() + " and " + before);
                    }
                }
                violations.addAll(monotone(ratings));
                Theories.assertNone(violations);
                ratings.forEach(ratingsSeen::put);
            });
            assertThat(monotone(ratingsSeen)).as("ratings over the whole run " + ratingsSeen).isEmpty();
        }

        /** Where a higher total has a rating later in the declared order than a lower one. */
        private List<String> monotone(Map<BigDecimal, String> ratings) {
            List<String> ids = vocabulary.ratings().stream().map(Vocabulary.Rating::id).toList();
            List<String> violations = new ArrayList<>();
            BigDecimal lowerTotal = null;
            String lower = null;
            for (Map.Entry<BigDecimal, String> e : ratings.entrySet()) {
                if (lower != null && ids.indexOf(e.getValue()) > ids.indexOf(lower)) {
                    violations.add(guidance.id() + ": total " + e.getKey() + " rated " + e.getValue()
                            + ", below the " + lower + " of the lower total " + lowerTotal);
                }
                lowerTotal = e.getKey();
                lower = e.getValue();
            }
            return violations;
        }

        @Test
        @DisplayName("given requests generated from the declarations, then every assessed agency has a final result "
                + "from the highest assessor present in the declared order, and every declared group reports with "
                + "every declared figure")
        void finalResultsAndGroups() {
            forAllRequests("finalResultsAndGroups", request -> {
                ScoringResult result = engine.evaluate(request);
                List<String> violations = new ArrayList<>();
                Map<String, String> finalAssessors = finalAssessors(request);
                if (!result.agencies().stream().map(AgencyResult::agency).toList()
                        .equals(new ArrayList<>(finalAssessors.keySet()))) {
                    violations.add("agencies " + result.agencies().stream().map(AgencyResult::agency).toList()
                            + ", expected every assessed agency sorted by id " + finalAssessors.keySet());
                }
                for (AgencyResult agency : result.agencies()) {
                    String expected = finalAssessors.get(agency.agency());
                    if (!agency.finalAssessor().equals(expected)) {
                        violations.add(agency.agency() + ": final assessor " + agency.finalAssessor() + ", the "
                                + "highest present in " + vocabulary.finalAssessor() + " is " + expected);
                    }
                    result.assessment(agency.agency(), agency.finalAssessor()).ifPresentOrElse(a -> {
                        if (a.total().compareTo(agency.total()) != 0 || !a.rating().equals(agency.rating())) {
                            violations.add(agency.agency() + ": final " + agency.total() + " " + agency.rating()
                                    + ", its assessment has " + a.total() + " " + a.rating());
                        }
                    }, () -> violations.add(agency.agency() + ": no assessment by " + agency.finalAssessor()));
                }
                violations.addAll(groupViolations(request, result));
                Theories.assertNone(violations);
            });
        }

        private List<String> groupViolations(ScoringRequest request, ScoringResult result) {
            List<String> violations = new ArrayList<>();
            List<String> declared = vocabulary.groups().stream().map(Vocabulary.Group::id).toList();
            if (!new ArrayList<>(result.groups().keySet()).equals(declared)) {
                violations.add("groups " + result.groups().keySet() + ", declared " + declared);
            }
            Set<String> ids = new TreeSet<>();
            request.agencies().forEach(a -> ids.add(a.id()));
            for (Vocabulary.Group group : vocabulary.groups()) {
                List<GroupReport> reports = result.group(group.id());
                List<String> of = reports.stream().map(GroupReport::agency).toList();
                List<String> expected = group.of() == null ? java.util.Collections.singletonList(null)
                        : request.agencies().stream().filter(a -> a.kind().equals(group.of())).map(Agency::id)
                        .sorted().toList();
                if (!of.equals(expected)) {
                    violations.add(group.id() + ": reports of " + of + ", expected " + expected);
                }
                List<String> names = group.figures().stream().map(Vocabulary.Figure::name).toList();
                for (GroupReport report : reports) {
                    String place = group.id() + " " + report.agency();
                    if (!new ArrayList<>(report.figures().keySet()).equals(names)) {
                        violations.add(place + ": figures " + report.figures().keySet() + ", declared " + names);
                    }
                    for (Vocabulary.Figure figure : group.figures()) {
                        Object value = report.figure(figure.name());
                        boolean typed = switch (figure.type()) {
                            case COUNT -> value instanceof Integer i && i >= 0;
                            case DECIMAL -> value instanceof BigDecimal b && b.signum() >= 0;
                            case AGENCIES -> value instanceof List<?> l && ids.containsAll(l)
                                    && new ArrayList<>(new TreeSet<>(l.stream().map(String::valueOf).toList()))
                                    .equals(l);
                            default -> value != null;
                        };
                        if (!typed) {
                            violations.add(place + " " + figure.name() + " = " + value + ", not a " + figure.type()
                                    + (figure.type() == Vocabulary.Type.AGENCIES ? " (sorted ids of the request)"
                                    : ""));
                        }
                    }
                }
            }
            return violations;
        }

        @Test
        @DisplayName("given a generated request and the same with its agencies and assessments shuffled, then every "
                + "figure and explanation is the same")
        void orderIndependence() {
            Gen<Pair<ScoringRequest, ScoringRequest>> gen = in -> {
                ScoringRequest request = GuidanceGenerators.requests(guidance).generate(in);
                Generators.Draw d = new Generators.Draw(in);
                List<Agency> agencies = new ArrayList<>(request.agencies());
                List<Assessment> assessments = new ArrayList<>(request.assessments());
                d.shuffle(agencies);
                d.shuffle(assessments);
                return Pair.of(request, new ScoringRequest(request.guidance(), request.year(), agencies,
                        assessments));
            };
            Theories.theory(test("orderIndependence"), Theories.EXAMPLES, null)
                    .forAll(gen.describedAs(p -> Theories.describe(p._1) + " (and shuffled)")).checkAssert(pair -> {
                        assertValid(pair._1);
                        ScoringResult original = engine.evaluate(pair._1);
                        ScoringResult shuffled = engine.evaluate(pair._2);
                        List<String> differences = Theories.differences(pair._1, Theories.figures(original, true),
                                Theories.figures(shuffled, true));
                        Map<String, List<Explanation>> after = new HashMap<>();
                        shuffled.assessments().forEach(a -> after.put(a.agency() + "/" + a.assessor(),
                                a.explanations()));
                        for (AssessmentResult a : original.assessments()) {
                            if (!a.explanations().equals(after.get(a.agency() + "/" + a.assessor()))) {
                                differences.add(a.agency() + "/" + a.assessor() + ": explanations differ");
                            }
                        }
                        Theories.assertNone(differences);
                    });
        }

        @Test
        @DisplayName("given a generated request, when it is evaluated twice, then the results are equal")
        void evaluatingTwice() {
            forAllRequests("evaluatingTwice", request -> {
                ScoringResult first = engine.evaluate(request);
                ScoringResult second = engine.evaluate(request);
                assertThat(second).isEqualTo(first);
                assertThat(ScoringJson.writeResult(second)).isEqualTo(ScoringJson.writeResult(first));
            });
        }

        @Test
        @DisplayName("given a generated request, then every sub-criterion is explained once, in catalog order, by a "
                + "rule whose name starts with its id, with its points and maximum")
        void explanations() {
            forAllRequests("explanations", request -> {
                ScoringResult result = engine.evaluate(request);
                List<String> violations = new ArrayList<>();
                for (AssessmentResult a : result.assessments()) {
                    String place = a.agency() + "/" + a.assessor();
                    List<String> explained = a.explanations().stream().map(Explanation::criterion).toList();
                    if (!explained.equals(criteria)) {
                        violations.add(place + ": explanations of " + explained + ", the catalog's are " + criteria);
                    }
                    for (Explanation e : a.explanations()) {
                        if (!e.rule().startsWith(e.criterion() + " ")) {
                            violations.add(place + " " + e.criterion() + ": explained by rule \"" + e.rule() + "\"");
                        }
                        if (e.reason().isBlank()) {
                            violations.add(place + " " + e.criterion() + ": no reason");
                        }
                        BigDecimal points = a.points().get(e.criterion());
                        if (points == null || e.points().compareTo(points) != 0) {
                            violations.add(place + " " + e.criterion() + ": explained " + e.points() + ", points "
                                    + points);
                        }
                        BigDecimal limit = max.get(e.criterion());
                        if (limit == null || e.max().compareTo(limit) != 0) {
                            violations.add(place + " " + e.criterion() + ": max " + e.max() + ", catalog " + limit);
                        }
                    }
                }
                Theories.assertNone(violations);
            });
        }

        @Test
        @DisplayName("given requests generated from the declarations, then they reach every kind, assessor, rating "
                + "and choice value, every nullable fact null, every part at 0, at its whole and one below, every "
                + "count at its least value, every date on the edges of the year, every record field at its edges, "
                + "every sub-criterion at 0 and at its maximum (table printed)")
        void generatorCoverage() {
            Map<String, Integer> reached = new TreeMap<>();
            for (Vocabulary.Kind kind : vocabulary.kinds()) {
                reached.put("kind " + kind.id(), 0);
            }
            vocabulary.assessors().forEach(a -> reached.put("assessor " + a.id(), 0));
            vocabulary.ratings().forEach(r -> reached.put("rating " + r.id(), 0));
            for (Criterion c : guidance.subCriteria()) {
                reached.put("sub-criterion " + c.id() + " = 0", 0);
                reached.put("sub-criterion " + c.id() + " = max", 0);
            }
            for (Vocabulary.Fact f : vocabulary.facts()) {
                String name = "fact " + f.name();
                if (f.nullable()) {
                    reached.put(name + " null", 0);
                }
                if (f.choice() != null) {
                    f.choice().ids().forEach(v -> reached.put(name + " = " + v, 0));
                }
                if (f.partOf() != null) {
                    for (String edge : List.of(" = 0", " = its whole", " = its whole - 1")) {
                        reached.put(name + edge, 0);
                    }
                }
                if (f.type() == Vocabulary.Type.COUNT) {
                    reached.put(name + " at its least value", 0);
                }
                if (f.type() == Vocabulary.Type.DATE) {
                    for (String edge : List.of(" on 1 January", " on 31 December", " in the year before",
                            " in the year after")) {
                        reached.put(name + edge, 0);
                    }
                }
            }
            for (Vocabulary.Kind kind : vocabulary.kinds()) {
                if (kind.record() == null) {
                    continue;
                }
                for (Vocabulary.Fact field : kind.record().fields()) {
                    String name = "record " + kind.record().name() + "." + field.name();
                    if (field.nullable()) {
                        reached.put(name + " null", 0);
                    }
                    if (field.type() == Vocabulary.Type.AGENCIES) {
                        for (String edge : List.of(" empty", " listing every member", " listing one twice")) {
                            reached.put(name + edge, 0);
                        }
                    }
                }
            }
            Consumer<ScoringRequest> count = request -> {
                ScoringResult result = engine.evaluate(request);
                request.agencies().forEach(a -> reached.merge("kind " + a.kind(), 1, Integer::sum));
                for (Agency agency : request.agencies()) {
                    Vocabulary.Kind kind = vocabulary.kind(agency.kind()).orElseThrow();
                    if (kind.record() == null || agency.record() == null) {
                        continue;
                    }
                    long members = request.agencies().stream().filter(a -> agency.id().equals(a.parent())).count();
                    for (Vocabulary.Fact field : kind.record().fields()) {
                        String name = "record " + kind.record().name() + "." + field.name();
                        Object value = agency.record().get(field.name());
                        if (value == null && field.nullable()) {
                            reached.merge(name + " null", 1, Integer::sum);
                        }
                        if (value instanceof List<?> listed) {
                            long distinct = listed.stream().distinct().count();
                            for (var edge : Map.of(" empty", listed.isEmpty(), " listing every member",
                                    distinct == members, " listing one twice", distinct < listed.size()).entrySet()) {
                                if (edge.getValue()) {
                                    reached.merge(name + edge.getKey(), 1, Integer::sum);
                                }
                            }
                        }
                    }
                }
                for (Assessment a : request.assessments()) {
                    reached.merge("assessor " + a.assessor(), 1, Integer::sum);
                    for (Vocabulary.Fact f : vocabulary.facts()) {
                        if (!a.facts().has(f.name())) {
                            continue;
                        }
                        String name = "fact " + f.name();
                        Object value = a.facts().get(f.name());
                        java.util.function.BiConsumer<Boolean, String> edge = (on, key) -> {
                            if (on) {
                                reached.merge(key, 1, Integer::sum);
                            }
                        };
                        edge.accept(value == null && f.nullable(), name + " null");
                        if (f.choice() != null) {
                            edge.accept(value != null, name + " = " + value);
                        }
                        if (f.type() == Vocabulary.Type.COUNT && value instanceof Integer v) {
                            int least = f.min() == null ? 0 : f.min().intValue();
                            edge.accept(v == least, name + " at its least value");
                            Integer whole = whole(f.partOf(), a.facts());
                            if (whole != null) {
                                edge.accept(v == 0, name + " = 0");
                                edge.accept(v.equals(whole), name + " = its whole");
                                edge.accept(v == whole - 1, name + " = its whole - 1");
                            }
                        }
                        if (value instanceof java.time.LocalDate date) {
                            edge.accept(date.equals(java.time.LocalDate.of(request.year(), 1, 1)),
                                    name + " on 1 January");
                            edge.accept(date.equals(java.time.LocalDate.of(request.year(), 12, 31)),
                                    name + " on 31 December");
                            edge.accept(date.getYear() == request.year() - 1, name + " in the year before");
                            edge.accept(date.getYear() == request.year() + 1, name + " in the year after");
                        }
                    }
                }
                for (AssessmentResult a : result.assessments()) {
                    reached.merge("rating " + a.rating(), 1, Integer::sum);
                    a.points().forEach((id, p) -> {
                        if (p.signum() == 0) {
                            reached.merge("sub-criterion " + id + " = 0", 1, Integer::sum);
                        }
                        if (p.compareTo(max.get(id)) == 0) {
                            reached.merge("sub-criterion " + id + " = max", 1, Integer::sum);
                        }
                    });
                }
            };
            Theories.theory(test("generatorCoverage"), 4 * Theories.EXAMPLES, null) // 100 examples once missed a rare edge (a date on 1 January)
                    .forAll(GuidanceGenerators.requests(guidance)).checkAssert(request -> {
                        assertValid(request);
                        count.accept(request);
                    });
            StringBuilder table = new StringBuilder("Coverage of the generators from the declarations of "
                    + guidance.id() + "\n");
            reached.forEach((edge, n) -> table.append(String.format("  %6d  %s%s%n", n, edge, n == 0 ? "  <-- NEVER"
                    : "")));
            System.out.println(table);
            assertThat(reached.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList())
                    .as("what the generators from the declarations of " + guidance.id() + " never reached").isEmpty();
        }

        /** The value of a whole (a count fact, or a difference of counts), {@code null} without one. */
        private Integer whole(String name, org.isoscoring.api.Facts facts) {
            if (name == null) {
                return null;
            }
            if (facts.has(name)) {
                return facts.count(name);
            }
            var measure = vocabulary.measure(name);
            if (measure.isPresent() && measure.get().computation() == Vocabulary.Computation.DIFFERENCE) {
                Integer a = whole(measure.get().of().get(0), facts);
                Integer b = whole(measure.get().of().get(1), facts);
                return a == null || b == null ? null : a - b;
            }
            return null;
        }

        /** The final assessor of every assessed agency: the first of {@code finalAssessor} it has; by id. */
        private Map<String, String> finalAssessors(ScoringRequest request) {
            Map<String, Set<String>> by = new TreeMap<>();
            request.assessments().forEach(a -> by.computeIfAbsent(a.agency(), k -> new java.util.HashSet<>())
                    .add(a.assessor()));
            Map<String, String> finals = new TreeMap<>();
            by.forEach((agency, assessors) -> vocabulary.finalAssessor().stream().filter(assessors::contains)
                    .findFirst().ifPresent(f -> finals.put(agency, f)));
            return finals;
        }
    }
}
