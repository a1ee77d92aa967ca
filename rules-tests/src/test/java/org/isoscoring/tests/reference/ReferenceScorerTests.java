package org.isoscoring.tests.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoscoring.tests.support.DistrictReports.report;
import static org.isoscoring.tests.support.Requests.communeScoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Facts;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.DistrictReports;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Pins the reference model on cases computed by hand from SCORING.md, so the differential property compares
 * the engine with something that is itself checked.
 */
@DisplayName("Reference model, on hand-computed cases")
final class ReferenceScorerTests {

    /** The full facts object of FORMAT.md, verbatim. */
    private static final String EXAMPLE_FACTS = """
            { "isoTeam": "CURRENT", "annualPlanIssuedOn": "2022-03-15", "leaderInvolvement": "FULL",
              "staffTotal": 20, "staffTrained": 19, "internalAuditors": 2,
              "qualityPolicyPublished": true, "objectivesSmart": "FULL", "objectiveReviews": 2,
              "contextDetermined": "PARTIAL", "riskRegisterUpdated": true, "riskActionsEvaluated": "FULL",
              "proceduresInScope": 120, "proceduresWithProcess": 120, "procedureChanges": 5,
              "changesUpdatedWithin30Days": 5, "processesMatchingOneStop": 118,
              "documentControl": "FULL", "recordsAccessible": "PARTIAL",
              "dossiersResolved": 1500, "dossiersOnTime": 1490, "lateDossiersWithApology": 10,
              "surveyResponses": 120, "satisfiedResponses": 110,
              "internalAuditDate": "2022-09-10", "processesAudited": 120, "auditReport": "FULL",
              "managementReviewDate": "2022-11-20", "reviewOutputs": "FULL",
              "nonconformitiesFound": 4, "nonconformitiesClosed": 4,
              "declaration": "CURRENT", "reportSubmittedOn": "2022-11-28", "reportDeadline": "2022-12-01",
              "improvementInitiatives": 1, "electronicDocuments": true,
              "publicDisclosure": "FULL", "feedbackReceived": 3, "feedbackResolved": 3 }
            """;

    /** The example facts of FORMAT.md, read through the JSON contract. */
    private static Facts example() {
        String json = "{ \"guidance\": \"bac-giang-2022\", \"year\": 2022, \"agencies\": ["
                + "{ \"id\": \"SO-KHCN\", \"kind\": \"DEPARTMENT\" } ], \"assessments\": ["
                + "{ \"agency\": \"SO-KHCN\", \"assessor\": \"PROVINCE\", \"facts\": " + EXAMPLE_FACTS + " } ] }";
        return Requests.read(json).assessments().get(0).facts();
    }

    /** The example facts without the three criterion-15 facts a district does not carry: 87.5 on 1-14. */
    private static Facts exampleForDistrict() {
        return example().toBuilder().remove("publicDisclosure").remove("feedbackReceived").remove("feedbackResolved")
                .build();
    }

    /** Facts worth 0 on every sub-criterion (for a kind other than a district). */
    private static Facts.Builder zero() {
        return Facts.builder()
                .set("isoTeam", "MISSING").set("annualPlanIssuedOn", null).set("leaderInvolvement", "NONE")
                .set("staffTotal", 10).set("staffTrained", 0).set("internalAuditors", 0)
                .set("qualityPolicyPublished", false).set("objectivesSmart", "NONE").set("objectiveReviews", 0)
                .set("contextDetermined", "NONE").set("riskRegisterUpdated", false).set("riskActionsEvaluated", "NONE")
                // 5.1: 0 of 10 with a process; 5.2: 0 of 1 change; 5.3: no process while 10 in scope
                .set("proceduresInScope", 10).set("proceduresWithProcess", 0).set("procedureChanges", 1)
                .set("changesUpdatedWithin30Days", 0)
                .set("processesMatchingOneStop", 0)
                .set("documentControl", "NONE").set("recordsAccessible", "NONE")
                // 7.1: 0 of 10 on time; 7.2: 0 of 10 late with an apology
                .set("dossiersResolved", 10).set("dossiersOnTime", 0).set("lateDossiersWithApology", 0)
                .set("surveyResponses", 0).set("satisfiedResponses", 0)
                .set("internalAuditDate", null).set("processesAudited", 0).set("auditReport", "NONE")
                .set("managementReviewDate", null).set("reviewOutputs", "NONE")
                .set("nonconformitiesFound", 0).set("nonconformitiesClosed", 0)
                .set("declaration", "NONE").set("reportSubmittedOn", null)
                .set("reportDeadline", LocalDate.of(2022, 12, 1))
                .set("improvementInitiatives", 0).set("electronicDocuments", false)
                .set("publicDisclosure", "NONE").set("feedbackReceived", 1).set("feedbackResolved", 0);
    }

    /**
     * 42 points: 1.1 CURRENT 3 + 1.2 on 31 March 3 + 2.1 9/10 = 90% 4 + 2.2 two auditors 2 + 3.1 2 + 3.2 FULL 2
     * + 3.3 two reviews 2 + 4.1 FULL 2 + 4.2 2 + 4.3 FULL 2 (= 24) + 5.1 10/10 6 + 5.3 10/10 2 + 5.2 no change 4
     * (= 36) + 6.1 FULL 3 + 6.2 FULL 3 (= 42). Criterion 7 is still 0 (0 of 10 on time).
     */
    private static Facts.Builder base42() {
        return zero()
                .set("isoTeam", "CURRENT").set("annualPlanIssuedOn", LocalDate.of(2022, 3, 31))
                .set("staffTotal", 10).set("staffTrained", 9).set("internalAuditors", 2)
                .set("qualityPolicyPublished", true).set("objectivesSmart", "FULL").set("objectiveReviews", 2)
                .set("contextDetermined", "FULL").set("riskRegisterUpdated", true).set("riskActionsEvaluated", "FULL")
                .set("proceduresInScope", 10).set("proceduresWithProcess", 10).set("processesMatchingOneStop", 10)
                .set("procedureChanges", 0).set("changesUpdatedWithin30Days", 0)
                .set("documentControl", "FULL").set("recordsAccessible", "FULL");
    }

    /** 50: base 42 + 7.1 95/100 = 95% exactly: 8; 7.2 0 of 5 late with an apology: 0. */
    private static Facts fifty() {
        return base42().set("dossiersResolved", 100).set("dossiersOnTime", 95)
                .set("lateDossiersWithApology", 0).build();
    }

    /** 55 = 110% of 50: base 42 + 7.1 98/100: 10 + 7.2 2 of 2 late: 2 (= 54) + 14.1 one initiative: 1. */
    private static Facts fiftyFive() {
        return base42().set("dossiersResolved", 100).set("dossiersOnTime", 98).set("lateDossiersWithApology", 2)
                .set("improvementInitiatives", 1).build();
    }

    /** 55.5: base 42 + 7.1 10 + 7.2 2 (= 54) + 8.1 ten responses: 1.5 (8.2: 0 of 10 satisfied: 0). */
    private static Facts fiftyFivePointFive() {
        return base42().set("dossiersResolved", 100).set("dossiersOnTime", 98).set("lateDossiersWithApology", 2)
                .set("surveyResponses", 10).set("satisfiedResponses", 0).build();
    }

    /**
     * 80: the example (95.5) with 15.1 NONE (-5), no management review (10.1 -4, 10.2 -2), 6.2 NONE (-1.5),
     * declaration OUTDATED (12.1 4 -> 2: -2), no initiative (14.1 -1): 95.5 - 15.5 = 80.
     */
    private static Facts eighty() {
        return example().toBuilder().set("publicDisclosure", "NONE").set("managementReviewDate", null)
                .set("recordsAccessible", "NONE").set("declaration", "OUTDATED")
                .set("improvementInitiatives", 0).build();
    }

    /** 79.5: the 80 above with 6.1 PARTIAL (-1.5) and one initiative (+1). */
    private static Facts seventyNinePointFive() {
        return eighty().toBuilder().set("documentControl", "PARTIAL").set("improvementInitiatives", 1).build();
    }

    private static ScoringRequest request(List<Agency> agencies, List<Assessment> assessments) {
        ScoringRequest request = new ScoringRequest("bac-giang-2022", 2022, agencies, assessments);
        assertThat(Requests.problems(request)).as("the hand-written request is valid").isEmpty();
        return request;
    }

    private static List<String> plain(Map<String, BigDecimal> points) {
        List<String> lines = new ArrayList<>();
        points.forEach((id, p) -> lines.add(id + "=" + p.stripTrailingZeros().toPlainString()));
        return lines;
    }

    @Nested
    @DisplayName("the full facts object of FORMAT.md, for a DEPARTMENT")
    final class ExampleFacts {

        @Test
        @DisplayName("scores 95.5 (EXCELLENT), sub-criterion by sub-criterion")
        void scoresTheExample() {
            // given the example facts, appraised by the province
            ScoringRequest request = request(List.of(Agency.of("SO-KHCN", null, "DEPARTMENT")),
                    List.of(new Assessment("SO-KHCN", "PROVINCE", example())));

            // when
            ScoringResult result = ReferenceScorer.score(request);

            // then, by hand from SCORING.md §3:
            // 1: 1.1 CURRENT 3 + 1.2 15 March 3 + 1.3 FULL 2                                   =  8
            // 2: 2.1 19/20 = 95% >= 90%: 4 + 2.2 two auditors 2                                =  6 (14)
            // 3: 3.1 2 + 3.2 FULL 2 + 3.3 two reviews 2                                        =  6 (20)
            // 4: 4.1 PARTIAL 1 + 4.2 2 + 4.3 FULL 2                                            =  5 (25)
            // 5: 5.1 120/120 6 + 5.2 5/5 4 + 5.3 118/120 = 98.3% (>= 90%, < 100%) 1             = 11 (36)
            // 6: 6.1 FULL 3 + 6.2 PARTIAL 1.5                                                  = 4.5 (40.5)
            // 7: 7.1 1490/1500 = 99.3% >= 98%: 10 + 7.2 10 late, 10 with an apology: 2         = 12 (52.5)
            // 8: 8.1 120 responses >= 30: 3 + 8.2 110/120 = 91.7% >= 90%: 5                    =  8 (60.5)
            // 9: 9.1 audit 10 Sept, 120 audited >= 120 with a process: 5 + 9.2 FULL 3          =  8 (68.5)
            // 10: 10.1 review 20 Nov 4 + 10.2 FULL 2                                           =  6 (74.5)
            // 11: 11.1 4 of 4 closed 4                                                         =  4 (78.5)
            // 12: 12.1 CURRENT 4                                                               =  4 (82.5)
            // 13: 13.1 sent 28 Nov, deadline 1 Dec 2                                           =  2 (84.5)
            // 14: 14.1 one initiative 1 + 14.2 2                                               =  3 (87.5)
            // 15: 15.1 FULL 5 + 15.2 3 of 3 feedback resolved 3                                =  8 (95.5)
            AssessmentResult a = result.assessments().get(0);
            assertThat(plain(a.points())).containsExactly(
                    "1.1=3", "1.2=3", "1.3=2", "2.1=4", "2.2=2", "3.1=2", "3.2=2", "3.3=2", "4.1=1", "4.2=2",
                    "4.3=2", "5.1=6", "5.2=4", "5.3=1", "6.1=3", "6.2=1.5", "7.1=10", "7.2=2", "8.1=3", "8.2=5",
                    "9.1=5", "9.2=3", "10.1=4", "10.2=2", "11.1=4", "12.1=4", "13.1=2", "14.1=1", "14.2=2",
                    "15.1=5", "15.2=3");
            assertThat(a.subtotal()).isEqualByComparingTo("95.5");
            assertThat(a.penalty()).isEqualByComparingTo("0");
            assertThat(a.total()).isEqualByComparingTo("95.5");
            assertThat(a.rating()).isEqualTo("EXCELLENT");
            assertThat(result.agencies()).hasSize(1);
            assertThat(result.agencies().get(0).finalAssessor()).isEqualTo("PROVINCE");
            assertThat(DistrictReports.of(result)).isEmpty();
            assertThat(result.guidance()).isEqualTo("bac-giang-2022");
        }

        @Test
        @DisplayName("the hand-built facts are worth what their comments say")
        void handBuiltFacts() {
            // given
            List<Facts> facts = List.of(zero().build(), base42().build(), fifty(), fiftyFive(), fiftyFivePointFive(),
                    eighty(), seventyNinePointFive());
            List<Agency> agencies = new ArrayList<>();
            List<Assessment> assessments = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                agencies.add(Agency.of("SO-" + i, null, "DEPARTMENT"));
                assessments.add(new Assessment("SO-" + i, "SELF", facts.get(i)));
            }

            // when
            ScoringResult result = ReferenceScorer.score(request(agencies, assessments));

            // then
            assertThat(result.assessments()).extracting(r -> r.total().stripTrailingZeros().toPlainString())
                    .containsExactly("0", "42", "50", "55", "55.5", "80", "79.5");
        }
    }

    @Nested
    @DisplayName("a district of 3 communes")
    final class SmallDistrict {

        private Agency district(List<String> onSite, LocalDate sentOn) {
            return Agency.of("HUYEN-A", null, "DISTRICT")
                    .withRecord(communeScoring(onSite, sentOn, LocalDate.of(2022, 11, 15)));
        }

        private List<Agency> agencies(Agency district) {
            return List.of(district, Agency.of("XA-01", null, "COMMUNE").within("HUYEN-A"),
                    Agency.of("XA-02", null, "COMMUNE").within("HUYEN-A"),
                    Agency.of("XA-03", null, "COMMUNE").within("HUYEN-A"));
        }

        @Test
        @DisplayName("where every commune's final total is at least 80 gets 15.2 = 3")
        void allCommunesAtLeast80() {
            // given XA-01 appraised by the province at exactly 80, the two others at 95.5 (by the district, by
            // themselves); the district scored XA-01 on site (1 >= ceil(3/3)), results not sent
            ScoringRequest request = request(agencies(district(List.of("XA-01"), null)), List.of(
                    new Assessment("XA-01", "PROVINCE", eighty()),
                    new Assessment("XA-02", "DISTRICT", example()),
                    new Assessment("XA-03", "SELF", example()),
                    new Assessment("HUYEN-A", "SELF", exampleForDistrict())));

            // when
            ScoringResult result = ReferenceScorer.score(request);

            // then 15.1 = 3 (on site) + 0 (not sent); 15.2 = 3 (3 of 3 at least 80): 87.5 + 3 + 3 = 93.5
            AssessmentResult district = result.assessment("HUYEN-A", "SELF").orElseThrow();
            assertThat(district.points().get("15.1")).isEqualByComparingTo("3");
            assertThat(district.points().get("15.2")).isEqualByComparingTo("3");
            assertThat(district.total()).isEqualByComparingTo("93.5");
            assertThat(DistrictReports.of(result, "HUYEN-A")).isEqualTo(report("HUYEN-A", 3, 1, 1, 1, 1,
                    3, List.of(), BigDecimal.ZERO));
        }

        @Test
        @DisplayName("where one commune scores 79.5 gets 15.2 = 0 (2 of 3 is below 70%)")
        void oneCommuneJustBelow80() {
            // given the same district, XA-01 now at 79.5; results sent on the deadline
            ScoringRequest request = request(agencies(district(List.of("XA-01"), LocalDate.of(2022, 11, 15))),
                    List.of(new Assessment("XA-01", "PROVINCE", seventyNinePointFive()),
                            new Assessment("XA-02", "DISTRICT", example()),
                            new Assessment("XA-03", "SELF", example()),
                            new Assessment("HUYEN-A", "SELF", exampleForDistrict())));

            // when
            ScoringResult result = ReferenceScorer.score(request);

            // then 15.1 = 3 + 2 (sent on the deadline) = 5; 15.2 = 0: 87.5 + 5 + 0 = 92.5
            AssessmentResult district = result.assessment("HUYEN-A", "SELF").orElseThrow();
            assertThat(district.points().get("15.1")).isEqualByComparingTo("5");
            assertThat(district.points().get("15.2")).isEqualByComparingTo("0");
            assertThat(district.total()).isEqualByComparingTo("92.5");
            assertThat(DistrictReports.of(result, "HUYEN-A").count("communesAtLeast80")).isEqualTo(2);
        }

        @Test
        @DisplayName("exactly 10% above the province is not over-scored; half a point more is, and costs 3 once")
        void overScoring() {
            // given XA-01: district 55, province 50 (100*55 = 5500 = 110*50: not over-scored);
            //       XA-02: district 55.5, province 50 (5550 > 5500: over-scored); XA-03 by itself at 95.5;
            // the district is assessed by itself and by the province; XA-01 on site twice (counts once)
            ScoringRequest request = request(agencies(district(List.of("XA-01", "XA-01"), LocalDate.of(2022, 11, 15))),
                    List.of(new Assessment("XA-01", "DISTRICT", fiftyFive()),
                            new Assessment("XA-01", "PROVINCE", fifty()),
                            new Assessment("XA-02", "DISTRICT", fiftyFivePointFive()),
                            new Assessment("XA-02", "PROVINCE", fifty()),
                            new Assessment("XA-03", "SELF", example()),
                            new Assessment("HUYEN-A", "SELF", exampleForDistrict()),
                            new Assessment("HUYEN-A", "PROVINCE", exampleForDistrict())));

            // when
            ScoringResult result = ReferenceScorer.score(request);

            // then 15.1 = 3 + 2 = 5, 15.2 = 0 (finals 50, 50, 95.5: 1 of 3): subtotal 87.5 + 5 = 92.5;
            // the final (PROVINCE) assessment loses 3: 89.5, GOOD; the SELF one keeps 92.5
            AssessmentResult byProvince = result.assessment("HUYEN-A", "PROVINCE").orElseThrow();
            assertThat(byProvince.subtotal()).isEqualByComparingTo("92.5");
            assertThat(byProvince.penalty()).isEqualByComparingTo("3");
            assertThat(byProvince.total()).isEqualByComparingTo("89.5");
            assertThat(byProvince.rating()).isEqualTo("GOOD");
            AssessmentResult bySelf = result.assessment("HUYEN-A", "SELF").orElseThrow();
            assertThat(bySelf.penalty()).isEqualByComparingTo("0");
            assertThat(bySelf.total()).isEqualByComparingTo("92.5");
            assertThat(bySelf.rating()).isEqualTo("EXCELLENT");
            assertThat(result.agency("HUYEN-A").orElseThrow())
                    .isEqualTo(new AgencyResult("HUYEN-A", "PROVINCE", new BigDecimal("89.5"), "GOOD"));
            assertThat(result.agency("XA-01").orElseThrow().total()).isEqualByComparingTo("50");
            assertThat(DistrictReports.of(result, "HUYEN-A")).isEqualTo(report("HUYEN-A", 3, 1, 1, 1, 2,
                    1, List.of("XA-02"), BigDecimal.valueOf(3)));
        }

        @Test
        @DisplayName("a province total of 0 makes a positive district total over-scored; the penalty clamps at 0")
        void penaltyClampsAtZero() {
            // given one commune: district 1 (2.2: one auditor), province 0; the district's province assessment is
            // worth 2 on criteria 1-14 (2.2: two auditors), 15.1 = 0 (nothing on site, not sent), 15.2 = 0
            Facts districtFacts = zero().set("internalAuditors", 2).remove("publicDisclosure")
                    .remove("feedbackReceived").remove("feedbackResolved").build();
            ScoringRequest request = request(List.of(
                            Agency.of("HUYEN-B", null, "DISTRICT")
                                    .withRecord(communeScoring(List.of(), null, LocalDate.of(2022, 11, 15))),
                            Agency.of("XA-B1", null, "COMMUNE").within("HUYEN-B")),
                    List.of(new Assessment("XA-B1", "DISTRICT", zero().set("internalAuditors", 1).build()),
                            new Assessment("XA-B1", "PROVINCE", zero().build()),
                            new Assessment("HUYEN-B", "PROVINCE", districtFacts)));

            // when
            ScoringResult result = ReferenceScorer.score(request);

            // then subtotal 2, penalty 3 (not 2), total max(0, 2 - 3) = 0
            AssessmentResult district = result.assessment("HUYEN-B", "PROVINCE").orElseThrow();
            assertThat(district.subtotal()).isEqualByComparingTo("2");
            assertThat(district.penalty()).isEqualByComparingTo("3");
            assertThat(district.total()).isEqualByComparingTo("0");
            assertThat(district.rating()).isEqualTo("WEAK");
            assertThat(DistrictReports.of(result, "HUYEN-B").agencies("overScoredCommunes")).containsExactly("XA-B1");
        }
    }
}
