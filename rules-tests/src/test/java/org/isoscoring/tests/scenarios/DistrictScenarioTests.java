package org.isoscoring.tests.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoscoring.tests.scenarios.Fixtures.DISTRICT;
import static org.isoscoring.tests.scenarios.Fixtures.PROVINCE;
import static org.isoscoring.tests.scenarios.Fixtures.SELF;
import static org.isoscoring.tests.scenarios.Fixtures.districtFacts;
import static org.isoscoring.tests.scenarios.Fixtures.onSite;
import static org.isoscoring.tests.support.Requests.communeScoring;

import java.time.LocalDate;
import java.util.List;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.scenarios.Fixtures.Province;
import org.isoscoring.tests.support.DistrictReports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four rules of the source, and the district's criterion 15, on small districts made by hand. */
@DisplayName("Districts and their communes")
class DistrictScenarioTests {

    private static AssessmentResult districtSheet(ScoringResult result, String district) {
        return result.assessment(district, PROVINCE).orElseThrow();
    }

    /** A district of {@code n} communes X1..Xn, each assessed by the district at the given totals. */
    private static Province districtWithCommunes(Facts scoring, String... districtTotals) {
        Province p = new Province().district("H", scoring).assess("H", PROVINCE, districtFacts(b -> b));
        for (int i = 0; i < districtTotals.length; i++) {
            String id = "X" + (i + 1);
            p.commune(id, "H").assessWorth(id, DISTRICT, districtTotals[i]);
        }
        return p;
    }

    @Nested
    @DisplayName("15.2: the district gets 3 points when all its communes score 80 or more")
    class CommuneResults {

        @Test
        @DisplayName("given every commune at 80 or more, then 15.2 is 3")
        void allAtLeast80() {
            ScoringResult result = districtWithCommunes(onSite("X1"), "80", "95", "100").score();
            assertThat(districtSheet(result, "H").points().get("15.2")).isEqualByComparingTo("3");
            assertThat(DistrictReports.of(result, "H").count("communesAtLeast80")).isEqualTo(3);
        }

        @Test
        @DisplayName("given one commune at 79.5 of ten, then 15.2 is 2 (90%)")
        void oneJustBelow() {
            ScoringResult result = districtWithCommunes(onSite("X1", "X2", "X3", "X4"),
                    "79.5", "80", "80", "80", "80", "80", "80", "80", "80", "80").score();
            assertThat(districtSheet(result, "H").points().get("15.2")).isEqualByComparingTo("2");
            assertThat(DistrictReports.of(result, "H").count("communesAtLeast80")).isEqualTo(9);
        }

        @ParameterizedTest(name = "{0} of 10 communes at 80 or more → 15.2 = {1}")
        @CsvSource({"10, 3", "9, 2", "8, 1", "7, 1", "6, 0", "0, 0"})
        void steps(int good, String expected) {
            String[] totals = new String[10];
            for (int i = 0; i < 10; i++) {
                totals[i] = i < good ? "85" : "79";
            }
            ScoringResult result = districtWithCommunes(onSite("X1", "X2", "X3", "X4"), totals).score();
            assertThat(districtSheet(result, "H").points().get("15.2")).isEqualByComparingTo(expected);
        }

        @Test
        @DisplayName("the commune's FINAL total counts: a district score of 85 does not count when the province gives 79")
        void finalTotalCounts() {
            ScoringResult result = districtWithCommunes(onSite("X1"), "85", "85", "85")
                    .assessWorth("X1", PROVINCE, "79").score();
            assertThat(result.agency("X1").orElseThrow().finalAssessor()).isEqualTo(PROVINCE);
            assertThat(DistrictReports.of(result, "H").count("communesAtLeast80")).isEqualTo(2);
            assertThat(districtSheet(result, "H").points().get("15.2")).isEqualByComparingTo("0");
        }
    }

    @Nested
    @DisplayName("The over-scoring penalty: more than 10% above the province's appraisal costs the district 3 points")
    class OverScoring {

        @ParameterizedTest(name = "district {0} vs province {1} → over-scored: {2}")
        @CsvSource({"88, 80, false", "88.5, 80, true", "87.5, 80, false", "99, 90, false", "66, 60, false", "66.5, 60, true",
                "55, 50, false", "55.5, 50, true", "80, 80, false", "70, 80, false"})
        void threshold(String districtTotal, String provinceTotal, boolean overScored) {
            ScoringResult result = districtWithCommunes(onSite("X1"), districtTotal)
                    .assessWorth("X1", PROVINCE, provinceTotal).score();
            GroupReport report = DistrictReports.of(result, "H");
            assertThat(report.agencies("overScoredCommunes")).isEqualTo(overScored ? List.of("X1") : List.of());
            assertThat(report.points("penalty")).isEqualByComparingTo(overScored ? "3" : "0");
            AssessmentResult district = districtSheet(result, "H");
            assertThat(district.penalty()).isEqualByComparingTo(overScored ? "3" : "0");
            assertThat(district.total()).isEqualByComparingTo(district.subtotal().subtract(district.penalty()));
        }

        @Test
        @DisplayName("a province total of 0 makes any positive district total over-scored")
        void provinceZero() {
            ScoringResult result = districtWithCommunes(onSite("X1"), "51")
                    .assess("X1", PROVINCE, Fixtures.worst()).score();
            assertThat(result.assessment("X1", PROVINCE).orElseThrow().total()).isEqualByComparingTo("0");
            assertThat(DistrictReports.of(result, "H").agencies("overScoredCommunes")).containsExactly("X1");
        }

        @Test
        @DisplayName("two over-scored communes cost 3 points once, listed by id")
        void once() {
            ScoringResult result = districtWithCommunes(onSite("X1", "X2"), "100", "100", "90")
                    .assessWorth("X2", PROVINCE, "60").assessWorth("X1", PROVINCE, "60").score();
            GroupReport report = DistrictReports.of(result, "H");
            assertThat(report.agencies("overScoredCommunes")).containsExactly("X1", "X2");
            assertThat(report.points("penalty")).isEqualByComparingTo("3");
            AssessmentResult district = districtSheet(result, "H");
            assertThat(district.subtotal().subtract(district.total())).isEqualByComparingTo("3");
        }

        @Test
        @DisplayName("only the district's final assessment carries the penalty; its SELF assessment does not")
        void onlyFinal() {
            ScoringResult result = districtWithCommunes(onSite("X1"), "100").assessWorth("X1", PROVINCE, "60")
                    .assess("H", SELF, districtFacts(b -> b)).score();
            assertThat(result.assessment("H", PROVINCE).orElseThrow().penalty()).isEqualByComparingTo("3");
            assertThat(result.assessment("H", SELF).orElseThrow().penalty()).isEqualByComparingTo("0");
            assertThat(result.agency("H").orElseThrow().total())
                    .isEqualByComparingTo(result.assessment("H", PROVINCE).orElseThrow().total());
        }

        @Test
        @DisplayName("the penalty never takes the total below 0, and the penalty is still 3")
        void neverBelowZero() {
            Province p = new Province().district("H", onSite("X1")).assess("H", PROVINCE, Fixtures.worst().toBuilder()
                    .remove("publicDisclosure").remove("feedbackReceived").remove("feedbackResolved").build());
            p.commune("X1", "H").assessWorth("X1", DISTRICT, "90").assessWorth("X1", PROVINCE, "60");
            // The district's own facts earn nothing but 15.1 (5: on site and in time); the penalty takes 3 of 5.
            ScoringResult result = p.score();
            AssessmentResult district = districtSheet(result, "H");
            assertThat(district.penalty()).isEqualByComparingTo("3");
            assertThat(district.total()).isEqualByComparingTo(district.subtotal().subtract(new java.math.BigDecimal(3))
                    .max(java.math.BigDecimal.ZERO));
        }

        @Test
        @DisplayName("a district with no assessment still reports the penalty")
        void reportWithoutAssessment() {
            Province p = new Province().district("H", onSite("X1"));
            p.commune("X1", "H").assessWorth("X1", DISTRICT, "90").assessWorth("X1", PROVINCE, "60");
            ScoringResult result = p.score();
            assertThat(result.agency("H")).isEmpty();
            assertThat(DistrictReports.of(result, "H").points("penalty")).isEqualByComparingTo("3");
        }
    }

    @Nested
    @DisplayName("15.1 and sampling: at least 1/3 of the communes on site; the province appraises 10%")
    class Sampling {

        @ParameterizedTest(name = "{0} communes, {1} on site (results in time) → required {2}, 15.1 = {3}")
        @CsvSource({"3, 1, 1, 5", "3, 0, 1, 2", "4, 1, 2, 2", "4, 2, 2, 5", "6, 2, 2, 5", "7, 2, 3, 2",
                "7, 3, 3, 5", "1, 1, 1, 5"})
        void oneThird(int communes, int scored, int required, String points) {
            String[] ids = new String[scored];
            for (int i = 0; i < scored; i++) {
                ids[i] = "X" + (i + 1);
            }
            String[] totals = new String[communes];
            java.util.Arrays.fill(totals, "90");
            ScoringResult result = districtWithCommunes(onSite(ids), totals).score();
            GroupReport report = DistrictReports.of(result, "H");
            assertThat(report.count("onSiteRequired")).isEqualTo(required);
            assertThat(report.count("onSite")).isEqualTo(scored);
            assertThat(districtSheet(result, "H").points().get("15.1")).isEqualByComparingTo(points);
        }

        @ParameterizedTest(name = "results sent {0} (deadline 2022-11-15) → 15.1 = {1}")
        @CsvSource({"2022-11-14, 5", "2022-11-15, 5", "2022-11-16, 3", ", 3"})
        void resultsSent(LocalDate sent, String points) {
            Facts scoring = communeScoring(List.of("X1"), sent, LocalDate.of(2022, 11, 15));
            ScoringResult result = districtWithCommunes(scoring, "90", "90", "90").score();
            assertThat(districtSheet(result, "H").points().get("15.1")).isEqualByComparingTo(points);
        }

        @Test
        @DisplayName("a repeated on-site commune counts once")
        void repeated() {
            ScoringResult result = districtWithCommunes(onSite("X1", "X1"), "90", "90", "90", "90").score();
            assertThat(DistrictReports.of(result, "H").count("onSite")).isEqualTo(1);
            assertThat(districtSheet(result, "H").points().get("15.1")).isEqualByComparingTo("2");
        }

        @ParameterizedTest(name = "{0} communes → province sample of {1}")
        @CsvSource({"1, 1", "9, 1", "10, 1", "11, 2", "20, 2", "21, 3"})
        void provinceSample(int communes, int sample) {
            String[] totals = new String[communes];
            java.util.Arrays.fill(totals, "90");
            Province p = districtWithCommunes(onSite("X1"), totals);
            p.assessWorth("X1", PROVINCE, "90");
            GroupReport report = DistrictReports.of(p.score(), "H");
            assertThat(report.count("provinceSampleSize")).isEqualTo(sample);
            assertThat(report.count("provinceAppraised")).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("The final result: PROVINCE over DISTRICT over SELF")
    class FinalAssessor {

        @Test
        @DisplayName("given SELF, DISTRICT and PROVINCE assessments, the PROVINCE one is final")
        void province() {
            Province p = new Province().district("H", onSite("X1")).assess("H", SELF, districtFacts(b -> b));
            p.commune("X1", "H").assessWorth("X1", SELF, "100").assessWorth("X1", DISTRICT, "90")
                    .assessWorth("X1", PROVINCE, "70");
            ScoringResult result = p.score();
            assertThat(result.agency("X1").orElseThrow().finalAssessor()).isEqualTo(PROVINCE);
            assertThat(result.agency("X1").orElseThrow().total()).isEqualByComparingTo("70");
            assertThat(result.agency("X1").orElseThrow().rating()).isEqualTo("FAIR");
            assertThat(result.agency("H").orElseThrow().finalAssessor()).isEqualTo(SELF);
        }

        @Test
        @DisplayName("given SELF and DISTRICT assessments, the DISTRICT one is final")
        void district() {
            Province p = new Province().district("H", onSite("X1"));
            p.commune("X1", "H").assessWorth("X1", SELF, "100").assessWorth("X1", DISTRICT, "85");
            assertThat(p.score().agency("X1").orElseThrow().finalAssessor()).isEqualTo("DISTRICT");
        }
    }
}
