package org.isoscoring.tests.properties;

import static org.isoscoring.tests.properties.Theories.assertNone;
import static org.isoscoring.tests.properties.Theories.differences;
import static org.isoscoring.tests.properties.Theories.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.reference.ReferenceScorer;
import org.isoscoring.tests.support.DistrictReports;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.tests.support.SeedReporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Properties of the scoring engine over whole generated requests ({@link Generators}): the engine agrees with
 * the independent {@link ReferenceScorer} figure by figure, keeps the invariants of SCORING.md, and answers
 * metamorphic relations (order, extra SELF assessments, better facts, evaluating twice) as it must.
 *
 * <h2>Seeds and reproducing a failure</h2>
 * Every property prints its seed before it runs, and a failure report starts with the property, the seed and
 * the command that replays it, then the smallest (shrunk) counterexample and the assertion that failed. The
 * QuickTheories shrinker only lowers single drawn numbers, which shrinks a whole province slowly, so a failing
 * request is then minimized structurally ({@link Minimizer}: districts, communes, agencies and assessments are
 * removed while the request stays valid and still fails). Both requests are written as FORMAT.md JSON to
 * {@code rules-tests/target/quicktheories/}, ready for the command-line tool, and the minimal one is printed.
 *
 * <p>The seed is read from the system property {@code QT_SEED} (the name QuickTheories itself uses); Maven
 * passes {@code -D} properties on to the test JVM:
 * <pre>
 * mvn -B -pl rules-tests test -Dtest='ScoringProperties#engineAgreesWithReference' -DQT_SEED=1234567890
 * </pre>
 * The same seed replays the same requests in the same order (the generators draw every number from the
 * QuickTheories source; nothing else is random).
 *
 * <h2>Run length</h2>
 * Each property tries {@code QT_EXAMPLES} requests (default {@value #DEFAULT_EXAMPLES}; a few seconds per
 * property, the whole class well under a minute) and shrinks a failure for at most {@code QT_SHRINKS} cycles
 * (default {@value #DEFAULT_SHRINKS}). A deeper run, for example before a release or after editing rules
 * (1000 examples take about 3-4 minutes):
 * <pre>
 * mvn -B -pl rules-tests test -Dtest='ScoringProperties' -DQT_EXAMPLES=1000 -DQT_SHRINKS=1000
 * </pre>
 */
@DisplayName("Scoring properties (QuickTheories)")
final class ScoringProperties {

    static final int DEFAULT_EXAMPLES = 100;
    static final int DEFAULT_SHRINKS = 100;

    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", DEFAULT_EXAMPLES);
    private static final int SHRINKS = Integer.getInteger("QT_SHRINKS", DEFAULT_SHRINKS);

    /** One engine for every property: building its knowledge base is the expensive part. */
    private static final ScoringEngine ENGINE = ScoringEngine.create();

    private static final List<String> CRITERIA = ReferenceScorer.CRITERIA;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);

    // ----------------------------------------------------------------------------------------------------
    // (a) differential

    @Test
    @DisplayName("(a) the engine equals the reference model, figure by figure")
    void engineAgreesWithReference() {
        forAllRequests("engineAgreesWithReference", request -> {
            assertValid(request);
            ScoringResult engine = ENGINE.evaluate(request);
            ScoringResult reference = ReferenceScorer.score(request);
            List<String> differences = differences(request, figures(engine, false), figures(reference, false));
            if (!differences.isEmpty()) {
                throw new AssertionError("engine (first value) and reference model (second) differ:\n"
                        + String.join("\n", differences));
            }
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (b) invariants of every result

    @Test
    @DisplayName("(b) every assessment has the 31 sub-criteria within their maxima; subtotal, total, rating agree")
    void resultInvariants() {
        forAllRequests("resultInvariants", request -> {
            assertValid(request);
            ScoringResult result = ENGINE.evaluate(request);
            List<String> violations = new ArrayList<>();
            assertThat(result.assessments()).hasSameSizeAs(request.assessments());
            for (int i = 0; i < result.assessments().size(); i++) {
                AssessmentResult a = result.assessments().get(i);
                Assessment asked = request.assessments().get(i);
                String place = "assessments[" + i + "] " + a.agency() + "/" + a.assessor();
                if (!a.agency().equals(asked.agency()) || !a.assessor().equals(asked.assessor())) {
                    violations.add(place + ": not in request order (expected " + asked.agency() + "/"
                            + asked.assessor() + ")");
                }
                if (!new ArrayList<>(a.points().keySet()).equals(CRITERIA)) {
                    violations.add(place + ": sub-criteria " + a.points().keySet() + ", expected " + CRITERIA);
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> e : a.points().entrySet()) {
                    BigDecimal p = e.getValue();
                    BigDecimal max = ReferenceScorer.MAX.get(e.getKey());
                    if (p.signum() < 0 || max == null || p.compareTo(max) > 0) {
                        violations.add(place + " " + e.getKey() + " = " + p + ", outside [0, " + max + "]");
                    }
                    if (p.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
                        violations.add(place + " " + e.getKey() + " = " + p + ", not a multiple of 0.5");
                    }
                    sum = sum.add(p);
                }
                if (a.subtotal().compareTo(sum) != 0) {
                    violations.add(place + ": subtotal " + a.subtotal() + " but the points sum to " + sum);
                }
                if (a.subtotal().compareTo(BigDecimal.valueOf(100)) > 0) {
                    violations.add(place + ": subtotal " + a.subtotal() + " above 100");
                }
                if (a.penalty().signum() != 0 && a.penalty().compareTo(THREE) != 0) {
                    violations.add(place + ": penalty " + a.penalty() + " is neither 0 nor 3");
                }
                BigDecimal expectedTotal = a.subtotal().subtract(a.penalty()).max(BigDecimal.ZERO);
                if (a.total().compareTo(expectedTotal) != 0 || a.total().signum() < 0) {
                    violations.add(place + ": total " + a.total() + ", expected max(0, " + a.subtotal() + " - "
                            + a.penalty() + ")");
                }
                if (!a.rating().equals(band(a.total()))) {
                    violations.add(place + ": rating " + a.rating() + " for total " + a.total() + ", expected "
                            + band(a.total()));
                }
            }
            List<String> agencyIds = result.agencies().stream().map(AgencyResult::agency).toList();
            Set<String> assessed = new TreeSet<>();
            request.assessments().forEach(a -> assessed.add(a.agency()));
            if (!agencyIds.equals(new ArrayList<>(assessed))) {
                violations.add("agencies " + agencyIds + ", expected every assessed agency sorted by id " + assessed);
            }
            List<String> districtIds = DistrictReports.of(result).stream().map(GroupReport::agency).toList();
            List<String> expectedDistricts = request.agencies().stream().filter(a -> "DISTRICT".equals(a.kind()))
                    .map(Agency::id).sorted().toList();
            if (!districtIds.equals(expectedDistricts)) {
                violations.add("districts " + districtIds + ", expected " + expectedDistricts);
            }
            assertNone(violations);
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (c) order independence

    @Test
    @DisplayName("(c) results do not depend on the order of agencies and assessments")
    void orderIndependence() {
        Gen<Pair<ScoringRequest, ScoringRequest>> gen = in -> {
            ScoringRequest request = Generators.requests().generate(in);
            Generators.Draw d = new Generators.Draw(in);
            List<Agency> agencies = new ArrayList<>(request.agencies());
            List<Assessment> assessments = new ArrayList<>(request.assessments());
            d.shuffle(agencies);
            d.shuffle(assessments);
            return Pair.of(request, new ScoringRequest(request.guidance(), request.year(), agencies, assessments));
        };
        theory("orderIndependence", null).forAll(gen.describedAs(p -> Generators.describe(p._1) + " (and shuffled)"))
                .checkAssert(pair -> {
                    assertValid(pair._2);
                    ScoringResult original = ENGINE.evaluate(pair._1);
                    ScoringResult shuffled = ENGINE.evaluate(pair._2);
                    List<String> differences = differences(pair._1, figures(original, true),
                            figures(shuffled, true));
                    Map<String, List<Explanation>> before = explanationsByKey(original);
                    Map<String, List<Explanation>> after = explanationsByKey(shuffled);
                    for (Map.Entry<String, List<Explanation>> e : before.entrySet()) {
                        if (!e.getValue().equals(after.get(e.getKey()))) {
                            differences.add(e.getKey() + ": explanations differ after shuffling");
                        }
                    }
                    assertNone(differences);
                });
    }

    // ----------------------------------------------------------------------------------------------------
    // (d) 15.2 of a district

    @Test
    @DisplayName("(d) a district's 15.2 is 3 exactly when all its communes' final totals are at least 80")
    void criterion152OfDistricts() {
        forAllRequests("criterion152OfDistricts", request -> {
            assertValid(request);
            ScoringResult result = ENGINE.evaluate(request);
            Map<String, BigDecimal> finals = new HashMap<>();
            result.agencies().forEach(a -> finals.put(a.agency(), a.total()));
            List<String> violations = new ArrayList<>();
            for (Agency district : districts(request)) {
                List<String> communes = communesOf(request, district.id());
                long atLeast80 = communes.stream().filter(c -> finals.get(c).compareTo(EIGHTY) >= 0).count();
                boolean all = atLeast80 == communes.size();
                GroupReport report = DistrictReports.of(result, district.id());
                if (report.count("communesAtLeast80") != atLeast80 || report.count("communes") != communes.size()) {
                    violations.add(district.id() + ": report says " + report.count("communesAtLeast80") + " of "
                            + report.count("communes") + " at least 80, the final totals give " + atLeast80 + " of "
                            + communes.size());
                }
                for (AssessmentResult a : result.assessments()) {
                    if (a.agency().equals(district.id())
                            && (a.points().get("15.2").compareTo(THREE) == 0) != all) {
                        violations.add(district.id() + "/" + a.assessor() + ": 15.2 = " + a.points().get("15.2")
                                + " while " + atLeast80 + " of " + communes.size() + " communes reach 80 "
                                + finalTotals(communes, finals));
                    }
                }
            }
            assertNone(violations);
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (e) the over-scoring penalty

    @Test
    @DisplayName("(e) the penalty is 3 exactly when a commune is over-scored, once, on the district's final assessment")
    void overScoringPenalty() {
        forAllRequests("overScoringPenalty", request -> {
            assertValid(request);
            ScoringResult result = ENGINE.evaluate(request);
            List<String> violations = new ArrayList<>();
            Set<String> districtIds = new LinkedHashSet<>();
            districts(request).forEach(d -> districtIds.add(d.id()));
            for (Agency district : districts(request)) {
                List<String> over = new ArrayList<>();
                for (String commune : communesOf(request, district.id())) {
                    var byDistrict = result.assessment(commune, "DISTRICT");
                    var byProvince = result.assessment(commune, "PROVINCE");
                    if (byDistrict.isPresent() && byProvince.isPresent()
                            && byDistrict.get().total().multiply(BigDecimal.valueOf(100))
                            .compareTo(byProvince.get().total().multiply(BigDecimal.valueOf(110))) > 0) {
                        over.add(commune);
                    }
                }
                Collections.sort(over);
                GroupReport report = DistrictReports.of(result, district.id());
                if (!report.agencies("overScoredCommunes").equals(over)) {
                    violations.add(district.id() + ": over-scored " + report.agencies("overScoredCommunes")
                            + ", expected " + over);
                }
                BigDecimal expected = over.isEmpty() ? BigDecimal.ZERO : THREE;
                if (report.points("penalty").compareTo(expected) != 0) {
                    violations.add(district.id() + ": report penalty " + report.points("penalty") + ", expected "
                            + expected);
                }
                String fin = finalAssessor(request, district.id());
                for (AssessmentResult a : result.assessments()) {
                    if (!a.agency().equals(district.id())) {
                        continue;
                    }
                    BigDecimal due = a.assessor().equals(fin) ? expected : BigDecimal.ZERO;
                    if (a.penalty().compareTo(due) != 0) {
                        violations.add(district.id() + "/" + a.assessor() + ": penalty " + a.penalty() + ", expected "
                                + due + " (final assessor " + fin + ", over-scored " + over + ")");
                    }
                    if (a.total().compareTo(a.subtotal().subtract(due).max(BigDecimal.ZERO)) != 0) {
                        violations.add(district.id() + "/" + a.assessor() + ": total " + a.total() + " from subtotal "
                                + a.subtotal() + " and penalty " + due);
                    }
                }
            }
            for (AssessmentResult a : result.assessments()) {
                if (!districtIds.contains(a.agency()) && a.penalty().signum() != 0) {
                    violations.add(a.agency() + "/" + a.assessor() + ": penalty " + a.penalty() + " on a non-district");
                }
            }
            assertNone(violations);
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (f) an extra SELF assessment changes no final result

    @Test
    @DisplayName("(f) adding a SELF assessment to an agency appraised by the province changes no final result")
    void extraSelfAssessment() {
        theory("extraSelfAssessment", null).forAll(Generators.requestsWithExtraSelf()).checkAssert(pair -> {
            assertValid(pair._1);
            assertValid(pair._2);
            ScoringResult before = ENGINE.evaluate(pair._1);
            ScoringResult after = ENGINE.evaluate(pair._2);
            List<String> differences = differences(pair._1, finalFigures(before), finalFigures(after));
            assertNone(differences);
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (g) determinism

    @Test
    @DisplayName("(g) evaluating the same request twice gives equal results")
    void evaluatingTwice() {
        forAllRequests("evaluatingTwice", request -> {
            assertValid(request);
            ScoringResult first = ENGINE.evaluate(request);
            ScoringResult second = ENGINE.evaluate(request);
            assertThat(second).isEqualTo(first);
            assertThat(ScoringJson.writeResult(second)).isEqualTo(ScoringJson.writeResult(first));
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (h) explanations

    @Test
    @DisplayName("(h) every sub-criterion is explained by a named rule, a reason, the facts used, and its points")
    void explanations() {
        forAllRequests("explanations", request -> {
            assertValid(request);
            ScoringResult result = ENGINE.evaluate(request);
            List<String> violations = new ArrayList<>();
            for (int i = 0; i < result.assessments().size(); i++) {
                AssessmentResult a = result.assessments().get(i);
                String place = "assessments[" + i + "] " + a.agency() + "/" + a.assessor();
                List<String> criteria = a.explanations().stream().map(Explanation::criterion).toList();
                if (!criteria.equals(CRITERIA)) {
                    violations.add(place + ": explanations of " + criteria + ", expected one per sub-criterion in "
                            + "catalog order");
                }
                for (Explanation e : a.explanations()) {
                    BigDecimal points = a.points().get(e.criterion());
                    if (e.rule().isBlank() || e.reason().isBlank()) {
                        violations.add(place + " " + e.criterion() + ": blank rule or reason " + e);
                    }
                    if (points == null || e.points().compareTo(points) != 0) {
                        violations.add(place + " " + e.criterion() + ": explained " + e.points() + ", points say "
                                + points);
                    }
                    BigDecimal max = ReferenceScorer.MAX.get(e.criterion());
                    if (max == null || e.max().compareTo(max) != 0) {
                        violations.add(place + " " + e.criterion() + ": max " + e.max() + ", catalog says " + max);
                    }
                    if (e.facts().isEmpty()) {
                        violations.add(place + " " + e.criterion() + ": names no fact it used (rule " + e.rule() + ")");
                    }
                }
            }
            assertNone(violations);
        });
    }

    // ----------------------------------------------------------------------------------------------------
    // (j) better facts never lower a sub-criterion

    /** A request, the same with one assessment's facts improved, and what was improved. */
    private record Improved(ScoringRequest request, ScoringRequest better, int index, List<String> changes) {
    }

    @Test
    @DisplayName("(j) improving facts (more trained, more on time, more resolved, earlier, ...) never lowers a point")
    void betterFactsNeverScoreLower() {
        Gen<Improved> gen = in -> {
            ScoringRequest request = Generators.requests().generate(in);
            Generators.Draw d = new Generators.Draw(in);
            int index = d.between(0, request.assessments().size() - 1);
            Assessment target = request.assessments().get(index);
            Facts facts = target.facts();
            List<String> changes = new ArrayList<>();
            int steps = d.between(1, 4);
            for (int s = 0; s < steps; s++) {
                Map.Entry<String, UnaryOperator<Facts>> improvement = d.pick(IMPROVEMENTS);
                Facts next = improvement.getValue().apply(facts);
                if (next != null) {
                    facts = next;
                    changes.add(improvement.getKey());
                }
            }
            List<Assessment> assessments = new ArrayList<>(request.assessments());
            assessments.set(index, new Assessment(target.agency(), target.assessor(), facts));
            return new Improved(request, new ScoringRequest(request.guidance(), request.year(), request.agencies(),
                    assessments), index, changes);
        };
        theory("betterFactsNeverScoreLower", null).forAll(gen.describedAs(i -> Generators.describe(i.request())
                        + ", assessments[" + i.index() + "] improved by " + i.changes()))
                .checkAssert(improved -> {
                    assertValid(improved.better());
                    AssessmentResult before = ENGINE.evaluate(improved.request()).assessments().get(improved.index());
                    AssessmentResult after = ENGINE.evaluate(improved.better()).assessments().get(improved.index());
                    List<String> violations = new ArrayList<>();
                    for (String id : CRITERIA) {
                        if (after.points().get(id).compareTo(before.points().get(id)) < 0) {
                            violations.add(before.agency() + "/" + before.assessor() + " " + id + " fell from "
                                    + before.points().get(id) + " to " + after.points().get(id) + " after "
                                    + improved.changes() + "\n  before: " + improved.request().assessments()
                                    .get(improved.index()).facts() + "\n  after:  " + improved.better().assessments()
                                    .get(improved.index()).facts());
                        }
                    }
                    assertNone(violations);
                });
    }

    /** Changes that make facts better or equal for every sub-criterion; {@code null} when not applicable. */
    private static final List<Map.Entry<String, UnaryOperator<Facts>>> IMPROVEMENTS = List.of(
            Map.entry("one more trained", f -> f.count("staffTrained") < f.count("staffTotal")
                    ? f.toBuilder().set("staffTrained", f.count("staffTrained") + 1).build() : null),
            Map.entry("one more auditor", f -> f.toBuilder()
                    .set("internalAuditors", f.count("internalAuditors") + 1).build()),
            Map.entry("one more objective review", f -> f.toBuilder()
                    .set("objectiveReviews", f.count("objectiveReviews") + 1)
                    .build()),
            Map.entry("one more initiative", f -> f.toBuilder()
                    .set("improvementInitiatives", f.count("improvementInitiatives") + 1)
                    .build()),
            Map.entry("one more change updated", f -> f.count("changesUpdatedWithin30Days")
                    < f.count("procedureChanges") ? f.toBuilder()
                    .set("changesUpdatedWithin30Days", f.count("changesUpdatedWithin30Days") + 1).build() : null),
            Map.entry("one more process matching", f -> f.count("processesMatchingOneStop")
                    < f.count("proceduresWithProcess") ? f.toBuilder()
                    .set("processesMatchingOneStop", f.count("processesMatchingOneStop") + 1).build() : null),
            Map.entry("one more dossier on time", f -> {
                if (f.count("dossiersOnTime") >= f.count("dossiersResolved")) {
                    return null;
                }
                int late = f.count("dossiersResolved") - f.count("dossiersOnTime") - 1;
                return f.toBuilder().set("dossiersOnTime", f.count("dossiersOnTime") + 1)
                        .set("lateDossiersWithApology", Math.min(late, f.count("lateDossiersWithApology"))).build();
            }),
            Map.entry("one more apology", f -> f.count("lateDossiersWithApology")
                    < f.count("dossiersResolved") - f.count("dossiersOnTime") ? f.toBuilder()
                    .set("lateDossiersWithApology", f.count("lateDossiersWithApology") + 1).build() : null),
            Map.entry("one more satisfied", f -> f.count("satisfiedResponses") < f.count("surveyResponses")
                    ? f.toBuilder().set("satisfiedResponses", f.count("satisfiedResponses") + 1).build() : null),
            Map.entry("one more satisfied response", f -> f.toBuilder()
                    .set("surveyResponses", f.count("surveyResponses") + 1)
                    .set("satisfiedResponses", f.count("satisfiedResponses") + 1).build()),
            Map.entry("one more process audited", f -> f.toBuilder()
                    .set("processesAudited", f.count("processesAudited") + 1)
                    .build()),
            Map.entry("one more nonconformity closed", f -> f.count("nonconformitiesClosed")
                    < f.count("nonconformitiesFound")
                    ? f.toBuilder().set("nonconformitiesClosed", f.count("nonconformitiesClosed") + 1).build() : null),
            Map.entry("one more feedback resolved", f -> f.count("feedbackResolved") != null
                    && f.count("feedbackResolved") < f.count("feedbackReceived")
                    ? f.toBuilder().set("feedbackResolved", f.count("feedbackResolved") + 1).build() : null),
            Map.entry("report a day earlier", f -> f.date("reportSubmittedOn") == null ? null
                    : f.toBuilder().set("reportSubmittedOn", f.date("reportSubmittedOn").minusDays(1)).build()),
            Map.entry("plan a day earlier", f -> f.date("annualPlanIssuedOn") == null ? null
                    : f.toBuilder().set("annualPlanIssuedOn", f.date("annualPlanIssuedOn").minusDays(1)).build()),
            Map.entry("better leader involvement", f -> f.toBuilder()
                    .set("leaderInvolvement", better(f.choice("leaderInvolvement")))
                    .build()),
            Map.entry("better document control", f -> f.toBuilder()
                    .set("documentControl", better(f.choice("documentControl")))
                    .build()),
            Map.entry("better audit report", f -> f.toBuilder()
                    .set("auditReport", better(f.choice("auditReport"))).build()),
            Map.entry("better public disclosure", f -> f.choice("publicDisclosure") == null ? null
                    : f.toBuilder().set("publicDisclosure", better(f.choice("publicDisclosure"))).build()),
            Map.entry("better ISO team", f -> f.toBuilder()
                    .set("isoTeam", "MISSING".equals(f.choice("isoTeam")) ? "OUTDATED"
                    : "CURRENT").build()),
            Map.entry("better declaration", f -> f.toBuilder().set("declaration", "NONE".equals(f.choice("declaration"))
                    ? "OUTDATED" : "CURRENT").build()),
            Map.entry("policy published", f -> f.toBuilder().set("qualityPolicyPublished", true).build()),
            Map.entry("documents electronic", f -> f.toBuilder().set("electronicDocuments", true).build()),
            Map.entry("risk register updated", f -> f.toBuilder().set("riskRegisterUpdated", true).build()));

    private static String better(String j) {
        return "NONE".equals(j) ? "PARTIAL" : "FULL";
    }

    // ----------------------------------------------------------------------------------------------------
    // (i) coverage of the generators

    @Test
    @DisplayName("(i) the generators reach every band of every sub-criterion, every edge, both sides of 15.2 and "
            + "of the penalty")
    void generatorCoverage() {
        Coverage coverage = new Coverage();
        theory("generatorCoverage", null).forAll(Generators.requests()).checkAssert(request -> {
            assertValid(request);
            coverage.add(request, ReferenceScorer.score(request));
        });
        System.out.println(coverage.table());
        assertThat(coverage.missing()).as("bands and edges the generators never reached").isEmpty();
    }

    /** What the generated requests reached, by the reference model's points and by the facts themselves. */
    private static final class Coverage {

        /** The point values of every sub-criterion (SCORING.md §3); 15.x split by kind. */
        private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

        static {
            String[][] bands = {
                {"1.1", "0", "1", "3"}, {"1.2", "0", "1.5", "3"}, {"1.3", "0", "1", "2"}, {"2.1", "0", "2", "4"},
                {"2.2", "0", "1", "2"}, {"3.1", "0", "2"}, {"3.2", "0", "1", "2"}, {"3.3", "0", "1", "2"},
                {"4.1", "0", "1", "2"}, {"4.2", "0", "2"}, {"4.3", "0", "1", "2"}, {"5.1", "0", "2", "4", "6"},
                {"5.2", "0", "2", "4"}, {"5.3", "0", "1", "2"}, {"6.1", "0", "1.5", "3"}, {"6.2", "0", "1.5", "3"},
                {"7.1", "0", "2", "5", "8", "10"}, {"7.2", "0", "1", "2"}, {"8.1", "0", "1.5", "3"},
                {"8.2", "0", "1", "3", "5"}, {"9.1", "0", "2.5", "5"}, {"9.2", "0", "1.5", "3"},
                {"10.1", "0", "4"}, {"10.2", "0", "1", "2"}, {"11.1", "0", "1.5", "3", "4"},
                {"12.1", "0", "2", "4"}, {"13.1", "0", "1", "2"}, {"14.1", "0", "1", "2"}, {"14.2", "0", "2"},
                {"15.1 district", "0", "2", "3", "5"}, {"15.2 district", "0", "1", "2", "3"},
                {"15.1 other", "0", "2.5", "5"}, {"15.2 other", "0", "2", "3"},
                {"rating", "EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK"},
                {"district 15.2 is 3", "yes", "no"},
                {"district has an over-scored commune", "yes", "no"},
                {"district final assessment penalty", "0", "3"},
            };
            for (String[] b : bands) {
                EXPECTED.put(b[0], List.of(b).subList(1, b.length));
            }
        }

        private final Map<String, Map<String, Integer>> seen = new TreeMap<>();
        private final Map<String, Integer> edges = new LinkedHashMap<>();
        private int requests;
        private int assessments;

        Coverage() {
            for (String name : EXPECTED.keySet()) {
                seen.put(name, new TreeMap<>());
            }
            for (String edge : EDGES) {
                edges.put(edge, 0);
            }
        }

        void add(ScoringRequest request, ScoringResult result) {
            requests++;
            Map<String, Agency> agencies = new HashMap<>();
            request.agencies().forEach(a -> agencies.put(a.id(), a));
            for (int i = 0; i < result.assessments().size(); i++) {
                assessments++;
                AssessmentResult a = result.assessments().get(i);
                boolean district = "DISTRICT".equals(agencies.get(a.agency()).kind());
                for (String id : CRITERIA) {
                    String name = id.startsWith("15.") ? id + (district ? " district" : " other") : id;
                    see(name, plain(a.points().get(id)));
                }
                see("rating", a.rating());
                factEdges(request.assessments().get(i).facts(), request.year());
            }
            for (Agency district : districts(request)) {
                GroupReport report = DistrictReports.of(result, district.id());
                see("district 15.2 is 3", report.count("communesAtLeast80") == report.count("communes") ? "yes" : "no");
                see("district has an over-scored commune", report.agencies("overScoredCommunes").isEmpty() ? "no"
                        : "yes");
                String fin = finalAssessor(request, district.id());
                if (fin != null) {
                    AssessmentResult a = result.assessment(district.id(), fin).orElseThrow();
                    see("district final assessment penalty", plain(a.penalty()));
                    if (a.penalty().signum() > 0 && a.subtotal().compareTo(THREE) < 0) {
                        edge("penalty on a subtotal below 3 (total 0)");
                    }
                }
                int n = report.count("communes");
                int k = report.count("communesAtLeast80");
                count(k == n, "15.2 district: all communes reach 80");
                count(k == n - 1, "15.2 district: all but one commune reach 80");
                ratioEdges("15.2 district k/n", k, n, 90, 70);
                Facts scoring = district.record(); // communeScoring
                int required = report.count("onSiteRequired");
                count(report.count("onSite") == required, "15.1 district: on site = ceil(n/3)");
                count(report.count("onSite") == required - 1, "15.1 district: on site = ceil(n/3) - 1");
                List<?> onSiteCommunes = (List<?>) scoring.get("onSiteCommunes");
                count(onSiteCommunes.size() > new LinkedHashSet<>(onSiteCommunes).size(),
                        "15.1 district: an on-site commune listed twice");
                count(scoring.date("resultsSentOn") == null, "15.1 district: results not sent");
                count(scoring.date("resultsDeadline").equals(scoring.date("resultsSentOn")),
                        "15.1 district: sent on the deadline");
                count(scoring.date("resultsDeadline").plusDays(1).equals(scoring.date("resultsSentOn")),
                        "15.1 district: sent a day late");
                for (String commune : communesOf(request, district.id())) {
                    var byDistrict = result.assessment(commune, "DISTRICT");
                    var byProvince = result.assessment(commune, "PROVINCE");
                    if (byDistrict.isPresent() && byProvince.isPresent()) {
                        BigDecimal excess = byDistrict.get().total().multiply(BigDecimal.valueOf(100))
                                .subtract(byProvince.get().total().multiply(BigDecimal.valueOf(110)));
                        count(excess.signum() == 0, "penalty: district total exactly 110% of the province's");
                        count(excess.compareTo(BigDecimal.valueOf(50)) == 0, "penalty: 110% + 0.5 point");
                        count(excess.compareTo(BigDecimal.valueOf(-50)) == 0, "penalty: 110% - 0.5 point");
                        count(byProvince.get().total().signum() == 0 && byDistrict.get().total().signum() > 0,
                                "penalty: province total 0, district total positive");
                    }
                    AgencyResult fin2 = result.agency(commune).orElseThrow();
                    count(fin2.total().compareTo(EIGHTY) == 0, "commune final total exactly 80");
                    count(fin2.total().compareTo(new BigDecimal("79.5")) == 0, "commune final total 79.5");
                }
            }
        }

        /** Edges the facts must land on; each must be reached at least once. */
        private static final List<String> EDGES = new ArrayList<>();

        static {
            for (String[] r : new String[][] {
                {"2.1 trained/staff", "90", "70"}, {"5.1 with process/in scope", "100", "90", "80"},
                {"5.2 updated/changes", "100", "80"}, {"5.3 matching/with process", "100", "90"},
                {"7.1 on time/resolved", "98", "95", "90", "80"}, {"7.2 apology/late", "100", "50"},
                {"8.2 satisfied/responses", "90", "80", "70"}, {"11.1 closed/found", "100", "80", "50"},
                {"15.2 other resolved/received", "100", "80"}, {"15.2 district k/n", "90", "70"}}) {
                for (int i = 1; i < r.length; i++) {
                    EDGES.add(r[0] + " exactly " + r[i] + "%");
                    EDGES.add(r[0] + " one below " + r[i] + "%");
                }
            }
            EDGES.addAll(List.of("5.1 in scope = 0", "5.2 changes = 0", "5.3 with process = 0, in scope = 0",
                    "5.3 with process = 0, in scope > 0", "7.1 resolved = 0", "7.2 late = 0", "8.2 responses = 0",
                    "11.1 found = 0 (audit in the year)", "15.2 other received = 0",
                    "8.1 responses = 30", "8.1 responses = 29", "8.1 responses = 10", "8.1 responses = 9",
                    "2.2 auditors = 2", "2.2 auditors = 1", "3.3 reviews = 1", "14.1 initiatives = 1",
                    "1.2 plan on 31 March", "1.2 plan on 1 April", "1.2 plan on 31 December",
                    "1.2 plan on 1 January next year", "1.2 plan in the previous year", "1.2 no plan",
                    "9.1 audit on 1 January", "9.1 audit on 31 December",
                    "9.1 audit on 31 December of the previous year", "9.1 audit on 1 January next year", "9.1 no audit",
                    "9.1 audited = with process", "9.1 audited = with process - 1",
                    "10.1 review on 1 January", "10.1 review on 31 December",
                    "10.1 review on 31 December of the previous year", "10.1 review on 1 January next year",
                    "13.1 report on the deadline", "13.1 report 15 days late", "13.1 report 16 days late",
                    "13.1 report 1 day late", "13.1 no report",
                    "15.2 district: all communes reach 80", "15.2 district: all but one commune reach 80",
                    "15.1 district: on site = ceil(n/3)", "15.1 district: on site = ceil(n/3) - 1",
                    "15.1 district: an on-site commune listed twice", "15.1 district: results not sent",
                    "15.1 district: sent on the deadline", "15.1 district: sent a day late",
                    "penalty: district total exactly 110% of the province's", "penalty: 110% + 0.5 point",
                    "penalty: 110% - 0.5 point", "penalty: province total 0, district total positive",
                    "penalty on a subtotal below 3 (total 0)",
                    "commune final total exactly 80", "commune final total 79.5"));
        }

        private void factEdges(Facts f, int year) {
            ratioEdges("2.1 trained/staff", f.count("staffTrained"), f.count("staffTotal"), 90, 70);
            ratioEdges("5.1 with process/in scope", f.count("proceduresWithProcess"), f.count("proceduresInScope"),
                    100, 90, 80);
            ratioEdges("5.2 updated/changes", f.count("changesUpdatedWithin30Days"), f.count("procedureChanges"),
                    100, 80);
            ratioEdges("5.3 matching/with process", f.count("processesMatchingOneStop"),
                    f.count("proceduresWithProcess"), 100, 90);
            ratioEdges("7.1 on time/resolved", f.count("dossiersOnTime"), f.count("dossiersResolved"), 98, 95, 90, 80);
            int late = f.count("dossiersResolved") - f.count("dossiersOnTime");
            ratioEdges("7.2 apology/late", f.count("lateDossiersWithApology"), late, 100, 50);
            ratioEdges("8.2 satisfied/responses", f.count("satisfiedResponses"), f.count("surveyResponses"),
                    90, 80, 70);
            boolean audit = f.date("internalAuditDate") != null && f.date("internalAuditDate").getYear() == year;
            if (audit) {
                ratioEdges("11.1 closed/found", f.count("nonconformitiesClosed"), f.count("nonconformitiesFound"),
                        100, 80, 50);
            }
            count(f.count("proceduresInScope") == 0, "5.1 in scope = 0");
            count(f.count("procedureChanges") == 0, "5.2 changes = 0");
            count(f.count("proceduresWithProcess") == 0 && f.count("proceduresInScope") == 0,
                    "5.3 with process = 0, in scope = 0");
            count(f.count("proceduresWithProcess") == 0 && f.count("proceduresInScope") > 0,
                    "5.3 with process = 0, in scope > 0");
            count(f.count("dossiersResolved") == 0, "7.1 resolved = 0");
            count(late == 0, "7.2 late = 0");
            count(f.count("surveyResponses") == 0, "8.2 responses = 0");
            count(audit && f.count("nonconformitiesFound") == 0, "11.1 found = 0 (audit in the year)");
            for (int r : new int[] {30, 29, 10, 9}) {
                count(f.count("surveyResponses") == r, "8.1 responses = " + r);
            }
            count(f.count("internalAuditors") == 2, "2.2 auditors = 2");
            count(f.count("internalAuditors") == 1, "2.2 auditors = 1");
            count(f.count("objectiveReviews") == 1, "3.3 reviews = 1");
            count(f.count("improvementInitiatives") == 1, "14.1 initiatives = 1");
            LocalDate plan = f.date("annualPlanIssuedOn");
            count(LocalDate.of(year, 3, 31).equals(plan), "1.2 plan on 31 March");
            count(LocalDate.of(year, 4, 1).equals(plan), "1.2 plan on 1 April");
            count(LocalDate.of(year, 12, 31).equals(plan), "1.2 plan on 31 December");
            count(LocalDate.of(year + 1, 1, 1).equals(plan), "1.2 plan on 1 January next year");
            count(plan != null && plan.getYear() == year - 1, "1.2 plan in the previous year");
            count(plan == null, "1.2 no plan");
            dateEdges("9.1 audit", f.date("internalAuditDate"), year);
            count(f.date("internalAuditDate") == null, "9.1 no audit");
            int audited = f.count("processesAudited");
            int withProcess = f.count("proceduresWithProcess");
            count(audit && audited == withProcess, "9.1 audited = with process");
            count(audit && audited == withProcess - 1, "9.1 audited = with process - 1");
            dateEdges("10.1 review", f.date("managementReviewDate"), year);
            if (f.date("reportSubmittedOn") == null) {
                count(true, "13.1 no report");
            } else {
                long daysLate = ChronoUnit.DAYS.between(f.date("reportDeadline"), f.date("reportSubmittedOn"));
                count(daysLate == 0, "13.1 report on the deadline");
                count(daysLate == 1, "13.1 report 1 day late");
                count(daysLate == 15, "13.1 report 15 days late");
                count(daysLate == 16, "13.1 report 16 days late");
            }
            if (f.count("feedbackReceived") != null) {
                ratioEdges("15.2 other resolved/received", f.count("feedbackResolved"), f.count("feedbackReceived"),
                        100, 80);
                count(f.count("feedbackReceived") == 0, "15.2 other received = 0");
            }
        }

        private void dateEdges(String name, LocalDate date, int year) {
            count(LocalDate.of(year, 1, 1).equals(date), name + " on 1 January");
            count(LocalDate.of(year, 12, 31).equals(date), name + " on 31 December");
            count(LocalDate.of(year - 1, 12, 31).equals(date), name + " on 31 December of the previous year");
            count(LocalDate.of(year + 1, 1, 1).equals(date), name + " on 1 January next year");
        }

        /** {@code a/b} exactly on each threshold ({@code 100a = pb}), and one unit of {@code a} below it. */
        private void ratioEdges(String name, long a, long b, int... percents) {
            if (b <= 0) {
                return;
            }
            for (int p : percents) {
                count(100 * a == p * b, name + " exactly " + p + "%");
                count(100 * a < p * b && 100 * (a + 1) >= p * b, name + " one below " + p + "%");
            }
        }

        private void count(boolean reached, String edge) {
            if (reached) {
                edge(edge);
            }
        }

        private void edge(String edge) {
            if (!edges.containsKey(edge)) {
                throw new IllegalStateException("unknown edge " + edge);
            }
            edges.merge(edge, 1, Integer::sum);
        }

        private void see(String name, String value) {
            seen.computeIfAbsent(name, k -> new TreeMap<>()).merge(value, 1, Integer::sum);
        }

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            EXPECTED.forEach((name, values) -> {
                Map<String, Integer> got = seen.getOrDefault(name, Map.of());
                for (String v : values) {
                    if (!got.containsKey(v)) {
                        missing.add(name + " = " + v);
                    }
                }
                for (String v : got.keySet()) {
                    if (!values.contains(v)) {
                        missing.add(name + " = " + v + " is not a band of SCORING.md");
                    }
                }
            });
            edges.forEach((edge, n) -> {
                if (n == 0) {
                    missing.add("edge: " + edge);
                }
            });
            return missing;
        }

        String table() {
            StringBuilder s = new StringBuilder();
            s.append("Generator coverage over ").append(requests).append(" requests, ").append(assessments)
                    .append(" assessments (reference model's points)\n");
            EXPECTED.forEach((name, values) -> {
                s.append(String.format("  %-38s", name));
                Map<String, Integer> got = seen.getOrDefault(name, Map.of());
                for (String v : values) {
                    s.append(String.format(" %s:%d", v, got.getOrDefault(v, 0)));
                }
                s.append('\n');
            });
            s.append("Edges reached (count)\n");
            edges.forEach((edge, n) -> s.append(String.format("  %6d  %s%s%n", n, edge, n == 0 ? "  <-- NEVER" : "")));
            return s.toString();
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // helpers

    /**
     * Checks a property of requests over generated requests. A failure is shrunk by QuickTheories, then
     * minimized further by {@link Minimizer} (whole districts, communes, agencies and assessments removed while
     * the request stays valid and the property still fails), so the report ends with a small request.
     */
    private static void forAllRequests(String property, Consumer<ScoringRequest> check) {
        theory(property, check).forAll(Generators.requests()).checkAssert(check);
    }

    /**
     * A theory with the seed fixed and printed, a moderate number of examples, and a reporter that names the
     * property and the seed, shows the shrunk counterexample and saves it as JSON. With a {@code check}, the
     * counterexample is also minimized with it.
     */
    private static QuickTheory theory(String property, Consumer<ScoringRequest> check) {
        String fromProperty = System.getProperty("QT_SEED");
        long seed = fromProperty != null ? Long.parseLong(fromProperty.trim()) : System.nanoTime();
        System.out.println("[" + ScoringProperties.class.getSimpleName() + "." + property + "] seed " + seed
                + " (replay: -Dtest='ScoringProperties#" + property + "' -DQT_SEED=" + seed + "), "
                + EXAMPLES + " examples");
        return QuickTheory.qt().withFixedSeed(seed).withExamples(EXAMPLES).withShrinkCycles(SHRINKS)
                .withReporter(new FailureReporter(property, check));
    }

    /**
     * Reports a falsified property with its seed and the shrunk counterexample, minimizes a request further when
     * it can, and saves the request as FORMAT.md JSON.
     */
    private static final class FailureReporter extends SeedReporter {

        private final String property;
        private final Consumer<ScoringRequest> check;

        FailureReporter(String property, Consumer<ScoringRequest> check) {
            this.property = property;
            this.check = check;
        }

        @Override
        protected String message(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                               AsString<Object> asString) {
            StringBuilder m = new StringBuilder();
            m.append("Property ").append(property).append(" falsified after ").append(examplesUsed)
                    .append(" example(s)\nSeed was ").append(seed)
                    .append("; replay with: mvn -B -pl rules-tests test -Dtest='ScoringProperties#").append(property)
                    .append("' -DQT_SEED=").append(seed).append('\n')
                    .append("Smallest falsifying value (QuickTheories): ").append(asString.asString(smallest))
                    .append('\n');
            ScoringRequest request = smallest instanceof ScoringRequest r ? r
                    : smallest instanceof Pair<?, ?> p && p._1 instanceof ScoringRequest r1 ? r1
                    : smallest instanceof Improved i ? i.request() : null;
            if (request != null) {
                m.append("Its request is saved as ").append(save(property + "-" + seed, request)).append('\n');
            }
            m.append("Other falsifying values found: ").append(others.size()).append('\n');
            if (request != null && check != null && smallest instanceof ScoringRequest) {
                Minimizer minimizer = new Minimizer(check);
                ScoringRequest minimal = minimizer.minimize(request);
                String json = Requests.write(minimal);
                m.append("Minimized (").append(minimizer.evaluations).append(" evaluations) to a ")
                        .append(Generators.describe(minimal)).append(", saved as ")
                        .append(save(property + "-" + seed + "-minimal", minimal)).append('\n');
                Throwable minimalCause = minimizer.failure(minimal);
                m.append("It fails with:\n").append(minimalCause == null ? "(no failure?)" : minimalCause.getMessage())
                        .append('\n');
                if (json.length() <= 40_000) {
                    m.append("Minimal request:\n").append(json);
                }
            }
            if (cause != null) {
                m.append("\nCause (on the QuickTheories counterexample) was:\n").append(cause.getMessage());
            }
            return m.toString();
        }

        private static String save(String name, ScoringRequest request) {
            try {
                Path dir = Path.of("target", "quicktheories");
                Files.createDirectories(dir);
                Path file = dir.resolve(name + ".json");
                Files.writeString(file, Requests.write(request), StandardCharsets.UTF_8);
                return file.toAbsolutePath().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Greedy structural minimization of a failing request: removes whole districts (with their communes),
     * departments and public service units, single communes, and single assessments, keeping every change after
     * which the request is still valid and the property still fails, until nothing can be removed.
     */
    private static final class Minimizer {

        private static final int BUDGET = 3000;

        private final Consumer<ScoringRequest> check;
        private int evaluations;

        Minimizer(Consumer<ScoringRequest> check) {
            this.check = check;
        }

        ScoringRequest minimize(ScoringRequest request) {
            ScoringRequest current = request;
            boolean progress = true;
            while (progress && evaluations < BUDGET) {
                progress = false;
                for (int i = 0; evaluations < BUDGET; i++) {
                    List<Supplier<ScoringRequest>> candidates = candidates(current);
                    if (i >= candidates.size()) {
                        break;
                    }
                    ScoringRequest candidate = candidates.get(i).get();
                    if (Requests.problems(candidate).isEmpty() && failure(candidate) != null) {
                        current = candidate;
                        progress = true;
                        i--;
                    }
                }
            }
            return current;
        }

        Throwable failure(ScoringRequest request) {
            evaluations++;
            try {
                check.accept(request);
                return null;
            } catch (AssertionError | RuntimeException e) {
                return e;
            }
        }

        private static List<Supplier<ScoringRequest>> candidates(ScoringRequest r) {
            List<Supplier<ScoringRequest>> out = new ArrayList<>();
            for (Agency agency : r.agencies()) {
                if ("DISTRICT".equals(agency.kind())) {
                    Set<String> gone = new LinkedHashSet<>(communesOf(r, agency.id()));
                    gone.add(agency.id());
                    out.add(() -> without(r, gone, null));
                }
            }
            for (Agency agency : r.agencies()) {
                if ("DEPARTMENT".equals(agency.kind()) || "PUBLIC_SERVICE_UNIT".equals(agency.kind())) {
                    out.add(() -> without(r, Set.of(agency.id()), null));
                }
            }
            Map<String, Long> communeCount = r.agencies().stream().filter(a -> "COMMUNE".equals(a.kind()))
                    .collect(Collectors.groupingBy(Agency::parent, Collectors.counting()));
            for (Agency agency : r.agencies()) {
                if ("COMMUNE".equals(agency.kind()) && communeCount.get(agency.parent()) > 1) {
                    out.add(() -> without(r, Set.of(agency.id()), null));
                }
            }
            Map<String, Long> assessmentsOf = r.assessments().stream()
                    .collect(Collectors.groupingBy(Assessment::agency, Collectors.counting()));
            Map<String, String> kinds = new HashMap<>();
            r.agencies().forEach(a -> kinds.put(a.id(), a.kind()));
            for (Assessment a : r.assessments()) {
                if (!"COMMUNE".equals(kinds.get(a.agency())) || assessmentsOf.get(a.agency()) > 1) {
                    out.add(() -> without(r, Set.of(), a));
                }
            }
            return out;
        }

        /** The request without some agencies (and their assessments, and their on-site entries), or one assessment. */
        private static ScoringRequest without(ScoringRequest r, Set<String> agencies, Assessment assessment) {
            List<Agency> kept = new ArrayList<>();
            for (Agency a : r.agencies()) {
                if (agencies.contains(a.id())) {
                    continue;
                }
                if ("DISTRICT".equals(a.kind()) && a.record() != null) {
                    Facts s = a.record();
                    List<String> onSite = ((List<?>) s.get("onSiteCommunes")).stream().map(String::valueOf)
                            .filter(c -> !agencies.contains(c)).toList();
                    a = a.withRecord(s.toBuilder().set("onSiteCommunes", onSite).build());
                }
                kept.add(a);
            }
            List<Assessment> assessments = r.assessments().stream()
                    .filter(a -> !agencies.contains(a.agency()) && a != assessment).toList();
            return new ScoringRequest(r.guidance(), r.year(), kept, assessments);
        }
    }

    private static void assertValid(ScoringRequest request) {
        assertThat(Requests.problems(request)).as("the generated request is valid").isEmpty();
    }

    /** The rating bands of SCORING.md §5. */
    private static String band(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return "EXCELLENT";
        } else if (total.compareTo(EIGHTY) >= 0) {
            return "GOOD";
        } else if (total.compareTo(BigDecimal.valueOf(70)) >= 0) {
            return "FAIR";
        } else if (total.compareTo(BigDecimal.valueOf(50)) >= 0) {
            return "AVERAGE";
        }
        return "WEAK";
    }

    private static List<Agency> districts(ScoringRequest request) {
        return request.agencies().stream().filter(a -> "DISTRICT".equals(a.kind())).toList();
    }

    private static List<String> communesOf(ScoringRequest request, String district) {
        return request.agencies().stream().filter(a -> district.equals(a.parent())).map(Agency::id).sorted()
                .toList();
    }

    /** The final assessor of an agency (PROVINCE over DISTRICT over SELF), or null when it has no assessment. */
    private static String finalAssessor(ScoringRequest request, String agency) {
        String fin = null;
        for (Assessment a : request.assessments()) {
            if (a.agency().equals(agency) && (fin == null || rank(a.assessor()) > rank(fin))) {
                fin = a.assessor();
            }
        }
        return fin;
    }

    private static int rank(String assessor) {
        return switch (assessor) {
            case "SELF" -> 0;
            case "DISTRICT" -> 1;
            case "PROVINCE" -> 2;
            default -> throw new IllegalArgumentException("no assessor " + assessor + " in SCORING.md");
        };
    }

    private static String finalTotals(List<String> communes, Map<String, BigDecimal> finals) {
        return communes.stream().map(c -> c + "=" + plain(finals.get(c))).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Every figure of a result by a stable key. With {@code byKey}, assessments are keyed by agency and assessor
     * instead of their position (to compare requests in another order).
     */
    private static Map<String, String> figures(ScoringResult result, boolean byKey) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("guidance", result.guidance());
        f.put("year", String.valueOf(result.year()));
        f.put("assessments.size", String.valueOf(result.assessments().size()));
        for (int i = 0; i < result.assessments().size(); i++) {
            AssessmentResult a = result.assessments().get(i);
            String key = (byKey ? "" : "assessments[" + i + "] ") + a.agency() + "/" + a.assessor();
            assessmentFigures(f, key, a);
        }
        agencyAndDistrictFigures(f, result);
        return f;
    }

    /** The figures an extra SELF assessment must not move: finals of agencies, districts, final assessments. */
    private static Map<String, String> finalFigures(ScoringResult result) {
        Map<String, String> f = new LinkedHashMap<>();
        for (AgencyResult agency : result.agencies()) {
            assessmentFigures(f, "final " + agency.agency() + "/" + agency.finalAssessor(),
                    result.assessment(agency.agency(), agency.finalAssessor()).orElseThrow());
        }
        agencyAndDistrictFigures(f, result);
        return f;
    }

    private static void assessmentFigures(Map<String, String> f, String key, AssessmentResult a) {
        f.put(key + " sub-criteria", String.join(",", a.points().keySet()));
        a.points().forEach((id, p) -> f.put(key + " " + id, plain(p)));
        f.put(key + " subtotal", plain(a.subtotal()));
        f.put(key + " penalty", plain(a.penalty()));
        f.put(key + " total", plain(a.total()));
        f.put(key + " rating", a.rating());
    }

    private static void agencyAndDistrictFigures(Map<String, String> f, ScoringResult result) {
        f.put("agencies", result.agencies().stream().map(AgencyResult::agency).collect(Collectors.joining(",")));
        for (AgencyResult a : result.agencies()) {
            f.put("agencies " + a.agency(), a.finalAssessor() + " " + plain(a.total()) + " " + a.rating());
        }
        f.put("districts", DistrictReports.of(result).stream().map(GroupReport::agency)
                .collect(Collectors.joining(",")));
        for (GroupReport d : DistrictReports.of(result)) {
            // every figure of the report, in its order: communes, onSiteRequired, onSite, provinceSampleSize,
            // provinceAppraised, communesAtLeast80, overScoredCommunes, penalty
            f.put("districts " + d.agency(), DistrictReports.text(d));
        }
    }

    private static Map<String, List<Explanation>> explanationsByKey(ScoringResult result) {
        Map<String, List<Explanation>> m = new HashMap<>();
        result.assessments().forEach(a -> m.put(a.agency() + "/" + a.assessor(), a.explanations()));
        return m;
    }
}
