package org.isoscoring.tests.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the two-tier reference model on cases worked out by hand from SCORING-TWO-TIER-2026.md, so the differential
 * property of {@code TwoTierProperties} compares the engine with something that is itself checked: the band edges of
 * what changed (7.1, 7.3, 14.2), the declared examples, and the nine agencies of
 * {@code docs/examples/two-tier-2026-small.json} whose results the guidance's README works out by hand.
 */
@DisplayName("Two-tier reference model, on hand-computed cases")
final class TwoTierReferenceScorerTests {

    private static final int YEAR = 2026;

    /** The declared example that meets every criterion, as the facts to change. */
    private static Facts perfect() {
        return Requests.ENGINE.guidanceFor(TwoTierReferenceScorer.GUIDANCE, YEAR).vocabulary().example("perfect")
                .orElseThrow().facts(YEAR);
    }

    private static AssessmentResult scoreOne(Facts facts) {
        ScoringRequest request = new ScoringRequest(TwoTierReferenceScorer.GUIDANCE, YEAR,
                List.of(Agency.of("SO-01", null, "DEPARTMENT")), List.of(new Assessment("SO-01", "SELF", facts)));
        return TwoTierReferenceScorer.score(request).assessments().get(0);
    }

    @Nested
    @DisplayName("single assessments")
    final class SingleAssessments {

        @Test
        @DisplayName("given the example 'perfect', then every one of the 32 sub-criteria is at its maximum: 100, "
                + "EXCELLENT")
        void perfectScoresEverything() {
            AssessmentResult a = scoreOne(perfect());
            assertThat(a.points().keySet()).containsExactlyElementsOf(TwoTierReferenceScorer.CRITERIA).hasSize(32);
            a.points().forEach((id, p) -> assertThat(p).as(id)
                    .isEqualByComparingTo(TwoTierReferenceScorer.MAX.get(id)));
            assertThat(a.total()).isEqualByComparingTo("100");
            assertThat(a.rating()).isEqualTo("EXCELLENT");
        }

        @Test
        @DisplayName("given the example 'worst', then every sub-criterion is 0: 0, FAIL")
        void worstScoresNothing() {
            AssessmentResult a = scoreOne(Requests.ENGINE.guidanceFor(TwoTierReferenceScorer.GUIDANCE, YEAR)
                    .vocabulary().example("worst").orElseThrow().facts(YEAR));
            a.points().forEach((id, p) -> assertThat(p).as(id).isEqualByComparingTo("0"));
            assertThat(a.rating()).isEqualTo("FAIL");
        }

        @ParameterizedTest(name = "{0} of {1} dossiers on time: 7.1 = {2}")
        @DisplayName("given dossiers resolved on time, then 7.1 is 8 from 98%, 6 from 95%, 4 from 90%, 2 from 80%, "
                + "else 0, and 8 with none resolved")
        @CsvSource({"0, 0, 8", "98, 100, 8", "97, 100, 6", "49, 50, 8", "48, 50, 6", "95, 100, 6", "94, 100, 4",
            "19, 20, 6", "18, 20, 4", "90, 100, 4", "89, 100, 2", "9, 10, 4", "80, 100, 2", "79, 100, 0",
            "8, 10, 2", "7, 10, 0", "0, 1, 0", "1, 1, 8"})
        void criterion71(int onTime, int resolved, String points) {
            AssessmentResult a = scoreOne(perfect().toBuilder().set("dossiersResolved", resolved)
                    .set("dossiersOnTime", onTime).set("lateDossiersWithApology", resolved - onTime).build());
            assertThat(a.points().get("7.1")).isEqualByComparingTo(points);
            assertThat(a.points().get("7.2")).as("every late dossier has its apology").isEqualByComparingTo("2");
        }

        @ParameterizedTest(name = "{0} of {1} received online: 7.3 = {2}")
        @DisplayName("given dossiers received online, then 7.3 is 2 from 80%, 1 from 50%, else 0, and 2 with none "
                + "received")
        @CsvSource({"0, 0, 2", "80, 100, 2", "79, 100, 1", "4, 5, 2", "3, 5, 1", "50, 100, 1", "49, 100, 0",
            "1, 2, 1", "0, 2, 0", "0, 1, 0", "1, 1, 2", "160, 200, 2", "159, 200, 1"})
        void criterion73(int online, int received, String points) {
            AssessmentResult a = scoreOne(perfect().toBuilder().set("dossiersReceived", received)
                    .set("dossiersReceivedOnline", online).build());
            assertThat(a.points().get("7.3")).isEqualByComparingTo(points);
            assertThat(a.subtotal()).isEqualByComparingTo(new BigDecimal(98).add(new BigDecimal(points)));
        }

        @ParameterizedTest(name = "electronicIso {0}: 14.2 = {1}")
        @DisplayName("given the judgement electronicIso, then 14.2 is 2, 1 or 0")
        @CsvSource({"FULL, 2", "PARTIAL, 1", "NONE, 0"})
        void criterion142(String judgement, String points) {
            assertThat(scoreOne(perfect().toBuilder().set("electronicIso", judgement).build()).points().get("14.2"))
                    .isEqualByComparingTo(points);
        }

        @ParameterizedTest(name = "total {0}: {1}")
        @DisplayName("given a total, then the rating is EXCELLENT from 90, GOOD from 75, PASS from 50, else FAIL")
        @CsvSource({"200, EXCELLENT", "180, EXCELLENT", "179, GOOD", "150, GOOD", "149, PASS", "100, PASS",
            "99, FAIL", "0, FAIL"})
        void ratings(int halves, String rating) {
            assertThat(TwoTierReferenceScorer.rating(halves)).isEqualTo(rating);
        }
    }

    @Nested
    @DisplayName("the small request docs/examples/two-tier-2026-small.json, as its README works it out by hand")
    final class SmallRequest {

        private final ScoringResult result = TwoTierReferenceScorer.score(Requests.read(
                Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                        .resolve("docs/examples/two-tier-2026-small.json")));

        @ParameterizedTest(name = "{0}: {1} {2} {3}")
        @DisplayName("given the nine agencies, then each final result is the README's")
        @CsvSource({"XA-01, PROVINCE, 80, GOOD", "XA-02, PROVINCE, 77, GOOD", "XA-03, SELF, 100, EXCELLENT",
            "XA-04, SELF, 79.5, GOOD", "XA-05, PROVINCE, 0, FAIL", "XA-06, SELF, 80, GOOD",
            "SO-01, PROVINCE, 79, GOOD", "SO-02, PROVINCE, 90, EXCELLENT", "DV-01, PROVINCE, 75, GOOD"})
        void finalResults(String agency, String assessor, String total, String rating) {
            AgencyResult fin = result.agency(agency).orElseThrow();
            assertThat(fin.finalAssessor()).isEqualTo(assessor);
            assertThat(fin.total()).isEqualByComparingTo(total);
            assertThat(fin.rating()).isEqualTo(rating);
        }

        @ParameterizedTest(name = "{0}/{1}: subtotal {2}, penalty {3}, total {4}")
        @DisplayName("given the SELF and PROVINCE pairs, then the penalty is on the PROVINCE assessment of an "
                + "over-scored agency only, and never takes a total below 0")
        @CsvSource({"XA-01, SELF, 88, 0, 88", "XA-01, PROVINCE, 80, 0, 80", "XA-02, SELF, 88.5, 0, 88.5",
            "XA-02, PROVINCE, 80, 3, 77", "XA-05, SELF, 50, 0, 50", "XA-05, PROVINCE, 2, 3, 0",
            "SO-01, SELF, 92, 0, 92", "SO-01, PROVINCE, 82, 3, 79", "DV-01, SELF, 74.5, 0, 74.5",
            "DV-01, PROVINCE, 75, 0, 75"})
        void pairs(String agency, String assessor, String subtotal, String penalty, String total) {
            AssessmentResult a = result.assessment(agency, assessor).orElseThrow();
            assertThat(a.subtotal()).isEqualByComparingTo(subtotal);
            assertThat(a.penalty()).isEqualByComparingTo(penalty);
            assertThat(a.total()).isEqualByComparingTo(total);
        }

        @Test
        @DisplayName("given the request, then the province reports 6 communes, a sample of 2, 3 appraised, 3 at 80 or "
                + "more and SO-01, XA-02, XA-05 over-scored, and there is no other group")
        void provinceReport() {
            assertThat(result.groups().keySet()).containsExactly("province");
            GroupReport report = result.group("province").get(0);
            assertThat(report.agency()).isNull();
            assertThat(report.count("communes")).isEqualTo(6);
            assertThat(report.count("provinceSampleSize")).isEqualTo(2);
            assertThat(report.count("provinceAppraised")).isEqualTo(3);
            assertThat(report.count("communesAtLeast80")).isEqualTo(3);
            assertThat(report.agencies("overScoredAgencies")).containsExactly("SO-01", "XA-02", "XA-05");
        }
    }
}
