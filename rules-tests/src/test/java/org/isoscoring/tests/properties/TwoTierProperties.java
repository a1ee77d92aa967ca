package org.isoscoring.tests.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.reference.TwoTierReferenceScorer;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guidance {@code two-tier-2026-example} against its independent reference model
 * ({@link TwoTierReferenceScorer}, written from SCORING-TWO-TIER-2026.md), over requests of {@link TwoTierGenerators}
 * that are boundary-heavy on what differs from 2022: 7.1 at 8 points, 7.3, 14.2, criterion 15 for every kind, the
 * over-scoring of agencies of every kind and the four ratings.
 *
 * <p>Each property prints its seed; {@code -DQT_SEED=...} replays it, {@code -DQT_EXAMPLES=...} runs longer. To see
 * that the differential test can fail, point it at an edited copy of the guidance's folder:
 * {@code -Disoscoring.rules.two-tier-2026-example=/tmp/two-tier-mutant} (the engine then scores with that folder,
 * {@link ScoringEngine#withRules}).
 */
@DisplayName("two-tier-2026-example: the engine against its reference model (QuickTheories)")
final class TwoTierProperties {

    private static final String CLASS = TwoTierProperties.class.getSimpleName();

    /** The engine: the bundled guidance, or an edited copy of its folder to plant a bug. */
    private static final ScoringEngine ENGINE = Optional.ofNullable(
                    System.getProperty("isoscoring.rules." + TwoTierReferenceScorer.GUIDANCE))
            .map(folder -> ScoringEngine.create().withRules(Path.of(folder))).orElseGet(ScoringEngine::create);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HUNDRED_TEN = BigDecimal.valueOf(110);

    @Test
    @DisplayName("given generated two-tier requests, when the engine and the reference model score them, then every "
            + "point, subtotal, penalty, total, rating, final assessor and province figure is equal")
    void engineAgreesWithReference() {
        java.util.function.Consumer<ScoringRequest> check = request -> {
            assertThat(Requests.problems(request)).as("the generated request is valid").isEmpty();
            ScoringResult engine = ENGINE.evaluate(request);
            ScoringResult reference = TwoTierReferenceScorer.score(request);
            List<String> differences = Theories.differences(request, Theories.figures(engine, false),
                    Theories.figures(reference, false));
            if (!differences.isEmpty()) {
                throw new AssertionError("engine (first value) and reference model (second) differ:\n"
                        + String.join("\n", differences));
            }
            assertThat(engine.groups().keySet()).as("the result's groups").containsExactly("province");
            assertThat(engine.group("districts")).as("district reports").isEmpty();
        };
        Theories.theory(CLASS + "#engineAgreesWithReference", 2 * Theories.EXAMPLES, check)
                .forAll(TwoTierGenerators.requests()).checkAssert(check);
    }

    @Test
    @DisplayName("given generated two-tier requests, then the generator reaches every band of every sub-criterion, "
            + "every rating, every edge of 7.1, 7.3, 14.2, 15.x, the over-scoring and the ratings (table printed)")
    void generatorCoverage() {
        Coverage coverage = new Coverage();
        Theories.theory(CLASS + "#generatorCoverage", 2 * Theories.EXAMPLES, null)
                .forAll(TwoTierGenerators.requests()).checkAssert(request -> {
                    assertThat(Requests.problems(request)).as("the generated request is valid").isEmpty();
                    coverage.add(request, TwoTierReferenceScorer.score(request));
                });
        System.out.println(coverage.table());
        assertThat(coverage.missing()).as("bands and edges the two-tier generator never reached").isEmpty();
    }

    /** What the generated requests reached, by the reference model's figures and by the facts themselves. */
    private static final class Coverage {

        private static final List<String> KINDS = List.of("DEPARTMENT", "COMMUNE", "PUBLIC_SERVICE_UNIT");

        /** The point values of every sub-criterion (SCORING.md §3 as changed by SCORING-TWO-TIER-2026.md §3). */
        private final Map<String, List<String>> expected = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> seen = new LinkedHashMap<>();
        private final Map<String, Integer> edges = new LinkedHashMap<>();
        private int requests;
        private int assessments;

        Coverage() {
            String[][] bands = {
                {"1.1", "0", "1", "3"}, {"1.2", "0", "1.5", "3"}, {"1.3", "0", "1", "2"}, {"2.1", "0", "2", "4"},
                {"2.2", "0", "1", "2"}, {"3.1", "0", "2"}, {"3.2", "0", "1", "2"}, {"3.3", "0", "1", "2"},
                {"4.1", "0", "1", "2"}, {"4.2", "0", "2"}, {"4.3", "0", "1", "2"}, {"5.1", "0", "2", "4", "6"},
                {"5.2", "0", "2", "4"}, {"5.3", "0", "1", "2"}, {"6.1", "0", "1.5", "3"}, {"6.2", "0", "1.5", "3"},
                {"7.1", "0", "2", "4", "6", "8"}, {"7.2", "0", "1", "2"}, {"7.3", "0", "1", "2"},
                {"8.1", "0", "1.5", "3"}, {"8.2", "0", "1", "3", "5"}, {"9.1", "0", "2.5", "5"},
                {"9.2", "0", "1.5", "3"}, {"10.1", "0", "4"}, {"10.2", "0", "1", "2"}, {"11.1", "0", "1.5", "3", "4"},
                {"12.1", "0", "2", "4"}, {"13.1", "0", "1", "2"}, {"14.1", "0", "1", "2"}, {"14.2", "0", "1", "2"}};
            for (String[] b : bands) {
                expected.put(b[0], List.of(b).subList(1, b.length));
            }
            for (String kind : KINDS) {
                expected.put("15.1 " + kind, List.of("0", "2.5", "5"));
                expected.put("15.2 " + kind, List.of("0", "2", "3"));
                expected.put("penalty " + kind, List.of("0", "3"));
            }
            expected.put("rating", TwoTierReferenceScorer.RATINGS);
            expected.put("final assessor", List.of("PROVINCE", "SELF"));
            for (String[] r : new String[][] {{"7.1 on time/resolved", "98", "95", "90", "80"},
                {"7.3 online/received", "80", "50"}, {"15.2 resolved/received", "100", "80"}}) {
                for (int i = 1; i < r.length; i++) {
                    edges.put(r[0] + " exactly " + r[i] + "%", 0);
                    edges.put(r[0] + " one below " + r[i] + "%", 0);
                }
            }
            for (String edge : List.of("7.1 resolved = 0", "7.3 received = 0", "15.2 received = 0",
                    "over-scoring: SELF exactly 110% of PROVINCE (no penalty)",
                    "over-scoring: SELF 110% + 0.5 point (penalty)", "over-scoring: SELF 110% - 0.5 point",
                    "over-scoring: PROVINCE 0, SELF positive", "over-scoring: PROVINCE 0.5 to 2.5, penalised (total 0)",
                    "over-scored DEPARTMENT", "over-scored COMMUNE", "over-scored PUBLIC_SERVICE_UNIT",
                    "final total 90", "final total 89.5", "final total 75", "final total 74.5", "final total 50",
                    "final total 49.5", "penalised final total 75", "penalised final total 74.5",
                    "penalised final total 50", "penalised final total 49.5",
                    "commune final total 80", "commune final total 79.5",
                    "appraised = sample size", "appraised = sample size - 1", "20% of the communes a whole number",
                    "20% of the communes rounded up", "year 2026", "year 2027")) {
                edges.put(edge, 0);
            }
        }

        void add(ScoringRequest request, ScoringResult result) {
            requests++;
            edge(request.year() == 2026, "year 2026");
            edge(request.year() == 2027, "year 2027");
            Map<String, String> kinds = new TreeMap<>();
            request.agencies().forEach(a -> kinds.put(a.id(), a.kind()));
            for (int i = 0; i < result.assessments().size(); i++) {
                assessments++;
                AssessmentResult a = result.assessments().get(i);
                String kind = kinds.get(a.agency());
                a.points().forEach((id, p) -> see(id.startsWith("15.") ? id + " " + kind : id, Theories.plain(p)));
                see("rating", a.rating());
                if (a.assessor().equals("PROVINCE")) {
                    see("penalty " + kind, Theories.plain(a.penalty()));
                }
                factEdges(request.assessments().get(i).facts());
            }
            for (AgencyResult agency : result.agencies()) {
                see("final assessor", agency.finalAssessor());
                AssessmentResult fin = result.assessment(agency.agency(), agency.finalAssessor()).orElseThrow();
                for (String total : List.of("90", "89.5", "75", "74.5", "50", "49.5")) {
                    boolean on = fin.total().compareTo(new BigDecimal(total)) == 0;
                    edge(on, "final total " + total);
                    if (edges.containsKey("penalised final total " + total)) {
                        edge(on && fin.penalty().signum() > 0, "penalised final total " + total);
                    }
                }
                if (kinds.get(agency.agency()).equals("COMMUNE")) {
                    edge(fin.total().compareTo(BigDecimal.valueOf(80)) == 0, "commune final total 80");
                    edge(fin.total().compareTo(new BigDecimal("79.5")) == 0, "commune final total 79.5");
                }
                Optional<AssessmentResult> self = result.assessment(agency.agency(), "SELF");
                Optional<AssessmentResult> province = result.assessment(agency.agency(), "PROVINCE");
                if (self.isPresent() && province.isPresent()) {
                    BigDecimal excess = self.get().subtotal().multiply(HUNDRED)
                            .subtract(province.get().subtotal().multiply(HUNDRED_TEN));
                    edge(excess.signum() == 0, "over-scoring: SELF exactly 110% of PROVINCE (no penalty)");
                    edge(excess.compareTo(BigDecimal.valueOf(50)) == 0,
                            "over-scoring: SELF 110% + 0.5 point (penalty)");
                    edge(excess.compareTo(BigDecimal.valueOf(-50)) == 0, "over-scoring: SELF 110% - 0.5 point");
                    edge(province.get().subtotal().signum() == 0 && self.get().subtotal().signum() > 0,
                            "over-scoring: PROVINCE 0, SELF positive");
                    edge(excess.signum() > 0 && province.get().subtotal().signum() > 0
                                    && province.get().subtotal().compareTo(BigDecimal.valueOf(3)) < 0,
                            "over-scoring: PROVINCE 0.5 to 2.5, penalised (total 0)");
                    edge(excess.signum() > 0, "over-scored " + kinds.get(agency.agency()));
                }
            }
            GroupReport report = result.group("province").get(0);
            int n = report.count("communes");
            int sample = report.count("provinceSampleSize");
            edge(report.count("provinceAppraised") == sample, "appraised = sample size");
            edge(report.count("provinceAppraised") == sample - 1, "appraised = sample size - 1");
            edge(n > 0 && 20 * n % 100 == 0, "20% of the communes a whole number");
            edge(20 * n % 100 != 0, "20% of the communes rounded up");
        }

        private void factEdges(Facts f) {
            ratioEdges("7.1 on time/resolved", f.count("dossiersOnTime"), f.count("dossiersResolved"), 98, 95, 90, 80);
            ratioEdges("7.3 online/received", f.count("dossiersReceivedOnline"), f.count("dossiersReceived"), 80, 50);
            ratioEdges("15.2 resolved/received", f.count("feedbackResolved"), f.count("feedbackReceived"), 100, 80);
            edge(f.count("dossiersResolved") == 0, "7.1 resolved = 0");
            edge(f.count("dossiersReceived") == 0, "7.3 received = 0");
            edge(f.count("feedbackReceived") == 0, "15.2 received = 0");
        }

        /** {@code a/b} exactly on each threshold ({@code 100a = pb}), and one unit of {@code a} below it. */
        private void ratioEdges(String name, long a, long b, int... percents) {
            if (b <= 0) {
                return;
            }
            for (int p : percents) {
                edge(100 * a == p * b, name + " exactly " + p + "%");
                edge(100 * a < p * b && 100 * (a + 1) >= p * b, name + " one below " + p + "%");
            }
        }

        private void edge(boolean reached, String edge) {
            if (!edges.containsKey(edge)) {
                throw new IllegalStateException("unknown edge " + edge);
            }
            if (reached) {
                edges.merge(edge, 1, Integer::sum);
            }
        }

        private void see(String name, String value) {
            seen.computeIfAbsent(name, k -> new TreeMap<>()).merge(value, 1, Integer::sum);
        }

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            expected.forEach((name, values) -> {
                Map<String, Integer> got = seen.getOrDefault(name, Map.of());
                values.stream().filter(v -> !got.containsKey(v)).forEach(v -> missing.add(name + " = " + v));
                got.keySet().stream().filter(v -> !values.contains(v))
                        .forEach(v -> missing.add(name + " = " + v + " is not a band of the specification"));
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
            s.append("Two-tier generator coverage over ").append(requests).append(" requests, ").append(assessments)
                    .append(" assessments (reference model's points)\n");
            expected.forEach((name, values) -> {
                s.append(String.format("  %-30s", name));
                Map<String, Integer> got = seen.getOrDefault(name, Map.of());
                values.forEach(v -> s.append(String.format(" %s:%d", v, got.getOrDefault(v, 0))));
                s.append('\n');
            });
            s.append("Edges reached (count)\n");
            edges.forEach((edge, n) -> s.append(String.format("  %6d  %s%s%n", n, edge, n == 0 ? "  <-- NEVER" : "")));
            return s.toString();
        }
    }
}
