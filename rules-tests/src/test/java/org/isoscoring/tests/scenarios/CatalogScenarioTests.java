package org.isoscoring.tests.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoscoring.tests.scenarios.Fixtures.perfect;
import static org.isoscoring.tests.scenarios.Fixtures.perfectBut;
import static org.isoscoring.tests.scenarios.Fixtures.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.isoscoring.api.AssessmentResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every sub-criterion of bac-giang-2022 at every band edge: just below, on, and just above each threshold.
 * Each case starts from facts worth all 100 points and changes only the facts of the sub-criterion tested.
 */
@DisplayName("The catalog of bac-giang-2022, band edge by band edge")
class CatalogScenarioTests {

    private static void expect(String criterion, String expected, org.isoscoring.api.Facts facts) {
        assertThat(points(criterion, facts)).as("points of %s", criterion).isEqualByComparingTo(expected);
    }

    @Test
    @DisplayName("given facts that meet every criterion, when scored, then every sub-criterion has its maximum and the total is 100")
    void perfectFactsEarnOneHundred() {
        AssessmentResult result = Fixtures.departmentScored(perfect());
        assertThat(result.points()).hasSize(31);
        assertThat(result.subtotal()).isEqualByComparingTo("100");
        assertThat(result.total()).isEqualByComparingTo("100");
        assertThat(result.rating()).isEqualTo("EXCELLENT");
        result.explanations().forEach(e -> assertThat(e.points()).as(e.criterion()).isEqualByComparingTo(e.max()));
    }

    @Test
    @DisplayName("given facts that meet no criterion, when scored, then every sub-criterion has 0 and the rating is WEAK")
    void worstFactsEarnNothing() {
        AssessmentResult result = Fixtures.departmentScored(Fixtures.worst());
        result.points().forEach((id, p) -> assertThat(p).as(id).isEqualByComparingTo("0"));
        assertThat(result.rating()).isEqualTo("WEAK");
    }

    @Nested
    @DisplayName("1 Lãnh đạo và tổ chức thực hiện")
    class Leadership {

        @ParameterizedTest(name = "1.1 isoTeam {0} → {1}")
        @CsvSource({"CURRENT, 3", "OUTDATED, 1", "MISSING, 0"})
        void isoTeam(String team, String expected) {
            expect("1.1", expected, perfectBut(b -> b.set("isoTeam", team)));
        }

        @ParameterizedTest(name = "1.2 plan issued on {0} → {1}")
        @CsvSource({"2021-12-31, 3", "2022-01-01, 3", "2022-03-30, 3", "2022-03-31, 3", "2022-04-01, 1.5",
                "2022-12-31, 1.5", "2023-01-01, 0"})
        void annualPlan(LocalDate issued, String expected) {
            expect("1.2", expected, perfectBut(b -> b.set("annualPlanIssuedOn", issued)));
        }

        @Test
        @DisplayName("1.2 no annual plan → 0")
        void noAnnualPlan() {
            expect("1.2", "0", perfectBut(b -> b.set("annualPlanIssuedOn", null)));
        }

        @ParameterizedTest(name = "1.3 leaderInvolvement {0} → {1}")
        @CsvSource({"FULL, 2", "PARTIAL, 1", "NONE, 0"})
        void leader(String j, String expected) {
            expect("1.3", expected, perfectBut(b -> b.set("leaderInvolvement", j)));
        }
    }

    @Nested
    @DisplayName("2 Đào tạo, nâng cao nhận thức")
    class Training {

        @ParameterizedTest(name = "2.1 {0} of {1} trained → {2}")
        @CsvSource({"1000, 1000, 4", "901, 1000, 4", "900, 1000, 4", "899, 1000, 2", "701, 1000, 2", "700, 1000, 2",
                "699, 1000, 0", "0, 1000, 0", "9, 10, 4", "7, 10, 2", "2, 3, 0", "1, 1, 4"})
        void trained(int trained, int total, String expected) {
            expect("2.1", expected, perfectBut(b -> b.set("staffTrained", trained).set("staffTotal", total)));
        }

        @ParameterizedTest(name = "2.2 {0} internal auditors → {1}")
        @CsvSource({"0, 0", "1, 1", "2, 2", "3, 2"})
        void auditors(int auditors, String expected) {
            expect("2.2", expected, perfectBut(b -> b.set("internalAuditors", auditors)));
        }
    }

    @Nested
    @DisplayName("3 Chính sách và mục tiêu chất lượng")
    class Policy {

        @ParameterizedTest(name = "3.1 published {0} → {1}")
        @CsvSource({"true, 2", "false, 0"})
        void published(boolean published, String expected) {
            expect("3.1", expected, perfectBut(b -> b.set("qualityPolicyPublished", published)));
        }

        @ParameterizedTest(name = "3.2 objectivesSmart {0} → {1}")
        @CsvSource({"FULL, 2", "PARTIAL, 1", "NONE, 0"})
        void smart(String j, String expected) {
            expect("3.2", expected, perfectBut(b -> b.set("objectivesSmart", j)));
        }

        @ParameterizedTest(name = "3.3 {0} reviews → {1}")
        @CsvSource({"0, 0", "1, 1", "2, 2", "3, 2"})
        void reviews(int reviews, String expected) {
            expect("3.3", expected, perfectBut(b -> b.set("objectiveReviews", reviews)));
        }
    }

    @Nested
    @DisplayName("4 Bối cảnh, rủi ro và cơ hội")
    class Risks {

        @ParameterizedTest(name = "4.1 contextDetermined {0} → {1}")
        @CsvSource({"FULL, 2", "PARTIAL, 1", "NONE, 0"})
        void context(String j, String expected) {
            expect("4.1", expected, perfectBut(b -> b.set("contextDetermined", j)));
        }

        @ParameterizedTest(name = "4.2 register updated {0} → {1}")
        @CsvSource({"true, 2", "false, 0"})
        void register(boolean updated, String expected) {
            expect("4.2", expected, perfectBut(b -> b.set("riskRegisterUpdated", updated)));
        }

        @ParameterizedTest(name = "4.3 riskActionsEvaluated {0} → {1}")
        @CsvSource({"FULL, 2", "PARTIAL, 1", "NONE, 0"})
        void actions(String j, String expected) {
            expect("4.3", expected, perfectBut(b -> b.set("riskActionsEvaluated", j)));
        }
    }

    @Nested
    @DisplayName("5 Quy trình nội bộ giải quyết TTHC")
    class Procedures {

        @ParameterizedTest(name = "5.1 {0} of {1} procedures with a process → {2}")
        @CsvSource({"0, 0, 6", "100, 100, 6", "99, 100, 4", "999, 1000, 4", "90, 100, 4", "899, 1000, 2",
                "80, 100, 2", "799, 1000, 0", "0, 100, 0"})
        void coverage(int withProcess, int inScope, String expected) {
            expect("5.1", expected, perfectBut(b -> b.set("proceduresWithProcess", withProcess)
                    .set("proceduresInScope", inScope)
                    .set("processesMatchingOneStop", withProcess).set("processesAudited", withProcess)));
        }

        @ParameterizedTest(name = "5.2 {0} of {1} changes updated within 30 days → {2}")
        @CsvSource({"0, 0, 4", "10, 10, 4", "9, 10, 2", "999, 1000, 2", "8, 10, 2", "799, 1000, 0", "0, 10, 0"})
        void changes(int updated, int changes, String expected) {
            expect("5.2", expected, perfectBut(b -> b.set("changesUpdatedWithin30Days", updated)
                    .set("procedureChanges", changes)));
        }

        @ParameterizedTest(name = "5.3 {0} of {1} processes match the one-stop software ({2} in scope) → {3}")
        @CsvSource({"0, 0, 0, 2", "0, 0, 5, 0", "10, 10, 10, 2", "9, 10, 10, 1", "999, 1000, 1000, 1",
                "900, 1000, 1000, 1", "899, 1000, 1000, 0", "0, 10, 10, 0"})
        void oneStop(int matching, int withProcess, int inScope, String expected) {
            expect("5.3", expected, perfectBut(b -> b.set("processesMatchingOneStop", matching)
                    .set("proceduresWithProcess", withProcess).set("proceduresInScope", inScope)
                    .set("processesAudited", withProcess)));
        }
    }

    @Nested
    @DisplayName("6 Kiểm soát tài liệu, hồ sơ")
    class Documents {

        @ParameterizedTest(name = "6.1 documentControl {0} → {1}")
        @CsvSource({"FULL, 3", "PARTIAL, 1.5", "NONE, 0"})
        void control(String j, String expected) {
            expect("6.1", expected, perfectBut(b -> b.set("documentControl", j)));
        }

        @ParameterizedTest(name = "6.2 recordsAccessible {0} → {1}")
        @CsvSource({"FULL, 3", "PARTIAL, 1.5", "NONE, 0"})
        void records(String j, String expected) {
            expect("6.2", expected, perfectBut(b -> b.set("recordsAccessible", j)));
        }
    }

    @Nested
    @DisplayName("7 Giải quyết hồ sơ TTHC")
    class Dossiers {

        @ParameterizedTest(name = "7.1 {0} of {1} dossiers on time → {2}")
        @CsvSource({"0, 0, 10", "100, 100, 10", "9801, 10000, 10", "98, 100, 10", "9799, 10000, 8",
                "9501, 10000, 8", "95, 100, 8", "9499, 10000, 5", "9001, 10000, 5", "90, 100, 5",
                "8999, 10000, 2", "8001, 10000, 2", "80, 100, 2", "7999, 10000, 0", "0, 100, 0", "49, 50, 10",
                "48, 50, 8"})
        void onTime(int onTime, int resolved, String expected) {
            expect("7.1", expected, perfectBut(b -> b.set("dossiersOnTime", onTime).set("dossiersResolved", resolved)
                    .set("lateDossiersWithApology", resolved - onTime)));
        }

        @ParameterizedTest(name = "7.2 {0} of {1} late dossiers with an apology → {2}")
        @CsvSource({"0, 0, 2", "10, 10, 2", "9, 10, 1", "999, 1000, 1", "5, 10, 1", "499, 1000, 0", "0, 10, 0"})
        void apology(int apologies, int late, String expected) {
            expect("7.2", expected, perfectBut(b -> b.set("dossiersResolved", 2000).set("dossiersOnTime", 2000 - late)
                    .set("lateDossiersWithApology", apologies)));
        }
    }

    @Nested
    @DisplayName("8 Đo lường sự hài lòng")
    class Satisfaction {

        @ParameterizedTest(name = "8.1 {0} survey responses → {1}")
        @CsvSource({"0, 0", "9, 0", "10, 1.5", "11, 1.5", "29, 1.5", "30, 3", "31, 3"})
        void responses(int responses, String expected) {
            expect("8.1", expected, perfectBut(b -> b.set("surveyResponses", responses)
                    .set("satisfiedResponses", responses)));
        }

        @ParameterizedTest(name = "8.2 {0} of {1} satisfied → {2}")
        @CsvSource({"0, 0, 0", "100, 100, 5", "901, 1000, 5", "90, 100, 5", "899, 1000, 3", "80, 100, 3",
                "799, 1000, 1", "70, 100, 1", "699, 1000, 0", "0, 100, 0"})
        void satisfied(int satisfied, int responses, String expected) {
            expect("8.2", expected, perfectBut(b -> b.set("satisfiedResponses", satisfied)
                    .set("surveyResponses", responses)));
        }
    }

    @Nested
    @DisplayName("9 Đánh giá nội bộ, 10 Xem xét của lãnh đạo, 11 Khắc phục")
    class AuditAndReview {

        @ParameterizedTest(name = "9.1 audit on {0}, {1} of {2} processes audited → {3}")
        @CsvSource({"2022-01-01, 10, 10, 5", "2022-12-31, 11, 10, 5", "2022-06-01, 9, 10, 2.5",
                "2021-12-31, 10, 10, 0", "2023-01-01, 10, 10, 0", "2022-06-01, 0, 0, 5"})
        void audit(LocalDate date, int audited, int withProcess, String expected) {
            expect("9.1", expected, perfectBut(b -> b.set("internalAuditDate", date).set("processesAudited", audited)
                    .set("proceduresWithProcess", withProcess).set("proceduresInScope", Math.max(withProcess, 10))
                    .set("processesMatchingOneStop", withProcess)));
        }

        @ParameterizedTest(name = "9.2 audit on {0}, report {1} → {2}")
        @CsvSource({"2022-06-01, FULL, 3", "2022-06-01, PARTIAL, 1.5", "2022-06-01, NONE, 0",
                "2021-12-31, FULL, 0", "2023-01-01, FULL, 0"})
        void report(LocalDate date, String j, String expected) {
            expect("9.2", expected, perfectBut(b -> b.set("internalAuditDate", date).set("auditReport", j)));
        }

        @Test
        @DisplayName("9.1, 9.2 and 11.1 give 0 when there was no internal audit")
        void noAudit() {
            var result = Fixtures.departmentScored(perfectBut(b -> b.set("internalAuditDate", null)));
            assertThat(result.points().get("9.1")).isEqualByComparingTo("0");
            assertThat(result.points().get("9.2")).isEqualByComparingTo("0");
            assertThat(result.points().get("11.1")).isEqualByComparingTo("0");
        }

        @ParameterizedTest(name = "10.1 and 10.2: review on {0}, outputs {1} → {2} and {3}")
        @CsvSource({"2022-01-01, FULL, 4, 2", "2022-12-31, PARTIAL, 4, 1", "2022-06-30, NONE, 4, 0",
                "2021-12-31, FULL, 0, 0", "2023-01-01, FULL, 0, 0"})
        void review(LocalDate date, String outputs, String meeting, String output) {
            var facts = perfectBut(b -> b.set("managementReviewDate", date).set("reviewOutputs", outputs));
            expect("10.1", meeting, facts);
            expect("10.2", output, facts);
        }

        @Test
        @DisplayName("10.1 and 10.2 give 0 when there was no management review")
        void noReview() {
            var facts = perfectBut(b -> b.set("managementReviewDate", null));
            expect("10.1", "0", facts);
            expect("10.2", "0", facts);
        }

        @ParameterizedTest(name = "11.1 {0} of {1} nonconformities closed → {2}")
        @CsvSource({"0, 0, 4", "10, 10, 4", "9, 10, 3", "999, 1000, 3", "8, 10, 3", "799, 1000, 1.5", "5, 10, 1.5",
                "499, 1000, 0", "0, 10, 0"})
        void corrected(int closed, int found, String expected) {
            expect("11.1", expected, perfectBut(b -> b.set("nonconformitiesClosed", closed)
                    .set("nonconformitiesFound", found)));
        }

        @Test
        @DisplayName("11.1 gives 0 when the audit was not in the year, even with nothing found")
        void correctedWithoutAudit() {
            expect("11.1", "0", perfectBut(b -> b.set("internalAuditDate", LocalDate.of(2021, 12, 31))));
        }
    }

    @Nested
    @DisplayName("12 Công bố, 13 Báo cáo, 14 Cải tiến")
    class DeclarationReportImprovement {

        @ParameterizedTest(name = "12.1 declaration {0} → {1}")
        @CsvSource({"CURRENT, 4", "OUTDATED, 2", "NONE, 0"})
        void declaration(String d, String expected) {
            expect("12.1", expected, perfectBut(b -> b.set("declaration", d)));
        }

        @ParameterizedTest(name = "13.1 report sent {0} days after the deadline → {1}")
        @CsvSource({"-30, 2", "-1, 2", "0, 2", "1, 1", "14, 1", "15, 1", "16, 0", "60, 0"})
        void report(int daysLate, String expected) {
            LocalDate deadline = LocalDate.of(2022, 12, 1);
            expect("13.1", expected, perfectBut(b -> b.set("reportDeadline", deadline)
                    .set("reportSubmittedOn", deadline.plusDays(daysLate))));
        }

        @Test
        @DisplayName("13.1 report not sent → 0")
        void noReport() {
            expect("13.1", "0", perfectBut(b -> b.set("reportSubmittedOn", null)));
        }

        @ParameterizedTest(name = "14.1 {0} initiatives → {1}")
        @CsvSource({"0, 0", "1, 1", "2, 2", "5, 2"})
        void initiatives(int n, String expected) {
            expect("14.1", expected, perfectBut(b -> b.set("improvementInitiatives", n)));
        }

        @ParameterizedTest(name = "14.2 electronic documents {0} → {1}")
        @CsvSource({"true, 2", "false, 0"})
        void electronic(boolean e, String expected) {
            expect("14.2", expected, perfectBut(b -> b.set("electronicDocuments", e)));
        }
    }

    @Nested
    @DisplayName("15 for every kind but a district: Công khai, tạo điều kiện người dân giám sát")
    class PublicOversight {

        @ParameterizedTest(name = "15.1 publicDisclosure {0} → {1}")
        @CsvSource({"FULL, 5", "PARTIAL, 2.5", "NONE, 0"})
        void disclosure(String j, String expected) {
            expect("15.1", expected, perfectBut(b -> b.set("publicDisclosure", j)));
        }

        @ParameterizedTest(name = "15.2 {0} of {1} feedback resolved → {2}")
        @CsvSource({"0, 0, 3", "10, 10, 3", "9, 10, 2", "999, 1000, 2", "8, 10, 2", "799, 1000, 0", "0, 10, 0"})
        void feedback(int resolved, int received, String expected) {
            expect("15.2", expected, perfectBut(b -> b.set("feedbackResolved", resolved)
                    .set("feedbackReceived", received)));
        }
    }

    @Nested
    @DisplayName("Rating bands")
    class Ratings {

        @ParameterizedTest(name = "a total of {0} is {1}")
        @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.5, GOOD", "80, GOOD", "79.5, FAIR", "70, FAIR",
                "69.5, AVERAGE", "51, AVERAGE"})
        void bands(String total, String rating) {
            AssessmentResult result = Fixtures.departmentScored(Fixtures.factsWorth(total));
            assertThat(result.total()).isEqualByComparingTo(total);
            assertThat(result.rating()).isEqualTo(rating);
        }

        @Test
        @DisplayName("a total of 47.5 or 49.5 is WEAK, 50 is AVERAGE")
        void weakAndAverage() {
            // From the other end: the worst facts plus points.
            var fifty = Fixtures.worst().toBuilder().set("isoTeam", "CURRENT")
                    .set("annualPlanIssuedOn", LocalDate.of(2022, 1, 5))
                    .set("leaderInvolvement", "FULL").set("staffTrained", 20).set("internalAuditors", 2)
                    .set("qualityPolicyPublished", true).set("objectivesSmart", "FULL").set("objectiveReviews", 2)
                    .set("contextDetermined", "FULL").set("riskRegisterUpdated", true)
                    .set("riskActionsEvaluated", "FULL")
                    .set("documentControl", "FULL").set("recordsAccessible", "FULL")
                    .set("dossiersOnTime", 100) // 7.1 10 and 7.2 2 (no late dossier)
                    .set("declaration", "CURRENT").set("publicDisclosure", "NONE")
                    .build(); // 3+3+2+4+2+2+2+2+2+2+2+3+3+10+2+4 = 48, plus 2 (14.2) below
            AssessmentResult weak = Fixtures.departmentScored(fifty.toBuilder().build());
            assertThat(weak.total()).isEqualByComparingTo("48");
            assertThat(weak.rating()).isEqualTo("WEAK");
            AssessmentResult average = Fixtures.departmentScored(fifty.toBuilder()
                    .set("electronicDocuments", true).build());
            assertThat(average.total()).isEqualByComparingTo("50");
            assertThat(average.rating()).isEqualTo("AVERAGE");
            AssessmentResult justBelow = Fixtures.departmentScored(fifty.toBuilder().set("improvementInitiatives", 1)
                    .set("annualPlanIssuedOn", LocalDate.of(2022, 4, 1)).build()); // 48 + 1 − 1.5
            assertThat(justBelow.total()).isEqualByComparingTo("47.5");
            assertThat(justBelow.rating()).isEqualTo("WEAK");
            AssessmentResult fortyNinePointFive = Fixtures.departmentScored(fifty.toBuilder()
                    .set("electronicDocuments", true)
                    .set("annualPlanIssuedOn", LocalDate.of(2022, 4, 1))
                    .set("improvementInitiatives", 1).build()); // 50 − 1.5 + 1
            assertThat(fortyNinePointFive.total()).isEqualByComparingTo("49.5");
            assertThat(fortyNinePointFive.rating()).isEqualTo("WEAK");
        }
    }

    @Test
    @DisplayName("every explanation names its rule and quotes the facts it used")
    void explanationsQuoteTheirFacts() {
        var result = Fixtures.departmentScored(perfectBut(b -> b.set("dossiersOnTime", 97)
                .set("lateDossiersWithApology", 3)));
        var e = result.explanation("7.1");
        assertThat(e.points()).isEqualByComparingTo(new BigDecimal("8"));
        assertThat(e.rule()).startsWith("7.1 ");
        assertThat(e.reason()).contains("97/100").contains("97%");
        assertThat(e.facts()).containsEntry("dossiersOnTime", "97").containsEntry("dossiersResolved", "100");
        assertThat(result.explanations()).hasSize(31)
                .allSatisfy(x -> assertThat(x.rule()).startsWith(x.criterion() + " "))
                .allSatisfy(x -> assertThat(x.reason()).isNotBlank());
    }
}
