package org.isoscoring.tests.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.isoscoring.tests.support.Requests.communeScoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SCORING.md §7: every kind of bad input is rejected whole, each problem with its place. */
@DisplayName("Bad input is rejected with every problem and its place")
class RejectionTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ScoringEngine ENGINE = ScoringEngine.create();

    /** A small valid province: district H with communes X1 and X2, department S, public service unit U. */
    static ScoringRequest valid() {
        Facts facts = Facts.builder()
                .set("isoTeam", "CURRENT").set("annualPlanIssuedOn", LocalDate.of(2022, 3, 15))
                .set("leaderInvolvement", "FULL").set("staffTotal", 20).set("staffTrained", 19)
                .set("internalAuditors", 2)
                .set("qualityPolicyPublished", true).set("objectivesSmart", "FULL").set("objectiveReviews", 2)
                .set("contextDetermined", "PARTIAL").set("riskRegisterUpdated", true)
                .set("riskActionsEvaluated", "FULL")
                .set("proceduresInScope", 120).set("proceduresWithProcess", 120).set("procedureChanges", 5)
                .set("changesUpdatedWithin30Days", 5)
                .set("processesMatchingOneStop", 118).set("documentControl", "FULL").set("recordsAccessible", "PARTIAL")
                .set("dossiersResolved", 1500).set("dossiersOnTime", 1490).set("lateDossiersWithApology", 10)
                .set("surveyResponses", 120).set("satisfiedResponses", 110)
                .set("internalAuditDate", LocalDate.of(2022, 9, 10)).set("processesAudited", 120)
                .set("auditReport", "FULL")
                .set("managementReviewDate", LocalDate.of(2022, 11, 20)).set("reviewOutputs", "FULL")
                .set("nonconformitiesFound", 4).set("nonconformitiesClosed", 4).set("declaration", "CURRENT")
                .set("reportSubmittedOn", LocalDate.of(2022, 11, 28)).set("reportDeadline", LocalDate.of(2022, 12, 1))
                .set("improvementInitiatives", 1).set("electronicDocuments", true)
                .set("publicDisclosure", "FULL").set("feedbackReceived", 3).set("feedbackResolved", 3).build();
        Facts district = facts.toBuilder().remove("publicDisclosure").remove("feedbackReceived")
                .remove("feedbackResolved").build();
        return new ScoringRequest("bac-giang-2022", 2022,
                List.of(Agency.of("H", "UBND huyện H", "DISTRICT").withRecord(communeScoring(List.of("X1"),
                                LocalDate.of(2022, 11, 10), LocalDate.of(2022, 11, 15))),
                        Agency.of("X1", "UBND xã X1", "COMMUNE").within("H"),
                        Agency.of("X2", "UBND xã X2", "COMMUNE").within("H"),
                        Agency.of("S", "Sở S", "DEPARTMENT"), Agency.of("U", "Trung tâm U", "PUBLIC_SERVICE_UNIT")),
                List.of(new Assessment("X1", "DISTRICT", facts), new Assessment("X1", "PROVINCE", facts),
                        new Assessment("X2", "SELF", facts), new Assessment("H", "PROVINCE", district),
                        new Assessment("S", "PROVINCE", facts), new Assessment("U", "PROVINCE", facts)));
    }

    /** The valid request as JSON, changed, then read and scored: the problems it is rejected with. */
    /** The problem expected at a place, by its English message: a problem's equality does not compare the Vietnamese. */
    private static Problem expected(String place, String message) {
        return new Problem(place, message, "");
    }

    private static List<Problem> problemsOfJson(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(Requests.write(valid()));
            change.accept(root);
            return problemsOfText(MAPPER.writeValueAsString(root));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Problem> problemsOfText(String json) {
        RequestRejectedException rejected = catchThrowableOfType(RequestRejectedException.class,
                () -> ENGINE.evaluate(Requests.read(json)));
        assertThat(rejected).as("the request is rejected").isNotNull();
        return rejected.problems();
    }

    static ObjectNode facts(ObjectNode root, int assessment) {
        return (ObjectNode) root.withArray("assessments").get(assessment).get("facts");
    }

    static ObjectNode agency(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("agencies").get(index);
    }

    @Test
    @DisplayName("given the valid request, when read and scored, then it is accepted")
    void validIsAccepted() {
        var result = ENGINE.evaluate(Requests.read(Requests.write(valid())));
        assertThat(result.assessments()).hasSize(6);
    }

    @Nested
    @DisplayName("The year and the guidance")
    class YearAndGuidance {

        @Test
        @DisplayName("a missing year")
        void missingYear() {
            assertThat(problemsOfJson(r -> r.remove("year"))).containsExactly(expected("year", "missing"));
        }

        @Test
        @DisplayName("a year no bundled guidance covers")
        void uncoveredYear() {
            assertThat(problemsOfJson(r -> {
                r.remove("guidance");
                r.put("year", 2023);
            })).singleElement().satisfies(p -> {
                assertThat(p.place()).isEqualTo("year");
                assertThat(p.message()).contains("2023").contains("bac-giang-2022");
            });
        }

        @Test
        @DisplayName("an unknown guidance")
        void unknownGuidance() {
            assertThat(problemsOfJson(r -> r.put("guidance", "ha-noi-2022"))).singleElement()
                    .satisfies(p -> assertThat(p.toString()).startsWith("guidance: ").contains("ha-noi-2022"));
        }

        @Test
        @DisplayName("a guidance that does not cover the year")
        void guidanceWrongYear() {
            assertThat(problemsOfJson(r -> r.put("year", 2021))).singleElement()
                    .satisfies(p -> assertThat(p.toString()).startsWith("year: ").contains("2021"));
        }
    }

    @Nested
    @DisplayName("Facts")
    class FactsProblems {

        @Test
        @DisplayName("a missing fact")
        void missing() {
            assertThat(problemsOfJson(r -> facts(r, 4).remove("staffTrained")))
                    .containsExactly(expected("assessments[4].facts.staffTrained", "missing"));
        }

        @Test
        @DisplayName("a nullable date that is absent rather than null")
        void absentDate() {
            assertThat(problemsOfJson(r -> facts(r, 0).remove("internalAuditDate"))).singleElement()
                    .satisfies(p -> assertThat(p.place()).isEqualTo("assessments[0].facts.internalAuditDate"));
        }

        @Test
        @DisplayName("reportDeadline may not be null")
        void nullDeadline() {
            assertThat(problemsOfJson(r -> facts(r, 0).putNull("reportDeadline"))).singleElement()
                    .satisfies(p -> assertThat(p.place()).isEqualTo("assessments[0].facts.reportDeadline"));
        }

        @Test
        @DisplayName("an unknown fact, with a suggestion for a typo")
        void unknown() {
            assertThat(problemsOfJson(r -> facts(r, 4).put("staffTrainned", 3))).singleElement()
                    .satisfies(p -> {
                        assertThat(p.place()).isEqualTo("assessments[4].facts.staffTrainned");
                        assertThat(p.message()).contains("unknown").contains("staffTrained");
                    });
        }

        @Test
        @DisplayName("a district carrying a fact of criterion 15 for other kinds")
        void districtWithPublicDisclosure() {
            assertThat(problemsOfJson(r -> facts(r, 3).put("publicDisclosure", "FULL"))).singleElement()
                    .satisfies(p -> assertThat(p.place()).isEqualTo("assessments[3].facts.publicDisclosure"));
        }

        @Test
        @DisplayName("a commune without a fact of its criterion 15")
        void communeWithoutFeedback() {
            assertThat(problemsOfJson(r -> facts(r, 2).remove("feedbackReceived")))
                    .containsExactly(expected("assessments[2].facts.feedbackReceived", "missing"));
        }

        @ParameterizedTest(name = "staffTrained = {0} is of the wrong type")
        @CsvSource(delimiter = '|', value = {"3.0", "1.5", "\"3\"", "true", "null", "[3]", "99999999999999999999"})
        void wrongType(String value) throws Exception {
            JsonNode node = MAPPER.readTree(value);
            assertThat(problemsOfJson(r -> facts(r, 4).set("staffTrained", node))).singleElement()
                    .satisfies(p -> assertThat(p.place()).isEqualTo("assessments[4].facts.staffTrained"));
        }

        @Test
        @DisplayName("a negative count")
        void negative() {
            assertThat(problemsOfJson(r -> facts(r, 4).put("improvementInitiatives", -1))).singleElement()
                    .satisfies(p -> assertThat(p.toString()).startsWith("assessments[4].facts.improvementInitiatives: -1"));
        }

        @ParameterizedTest(name = "a bad date \"{0}\"")
        @CsvSource({"2022-02-30", "2022-13-01", "22-03-15", "15/03/2022", "2022-3-15", "''"})
        void badDate(String date) {
            assertThat(problemsOfJson(r -> facts(r, 4).put("annualPlanIssuedOn", date))).singleElement()
                    .satisfies(p -> assertThat(p.place()).isEqualTo("assessments[4].facts.annualPlanIssuedOn"));
        }

        @Test
        @DisplayName("an enum value that is not allowed lists the allowed ones")
        void badEnum() {
            assertThat(problemsOfJson(r -> facts(r, 4).put("leaderInvolvement", "MOSTLY"))).singleElement()
                    .satisfies(p -> {
                        assertThat(p.place()).isEqualTo("assessments[4].facts.leaderInvolvement");
                        assertThat(p.message()).contains("MOSTLY").contains("FULL, PARTIAL, NONE");
                    });
        }

        @ParameterizedTest(name = "{0} = {1} is more than the count it is part of")
        @CsvSource({"staffTrained, 21", "proceduresWithProcess, 121", "changesUpdatedWithin30Days, 6",
                "dossiersOnTime, 1501", "satisfiedResponses, 121", "nonconformitiesClosed, 5", "feedbackResolved, 4",
                "lateDossiersWithApology, 11", "processesMatchingOneStop, 121"})
        void partExceedsWhole(String fact, int value) {
            assertThat(problemsOfJson(r -> facts(r, 4).put(fact, value)))
                    .anySatisfy(p -> {
                        assertThat(p.place()).isEqualTo("assessments[4].facts." + fact);
                        assertThat(p.message()).contains(value + " is more than");
                    });
        }

        @Test
        @DisplayName("staffTotal of 0")
        void noStaff() {
            assertThat(problemsOfJson(r -> facts(r, 4).put("staffTotal", 0).put("staffTrained", 0)))
                    .singleElement().satisfies(p -> assertThat(p.place()).isEqualTo("assessments[4].facts.staffTotal"));
        }

        @Test
        @DisplayName("processesAudited may exceed proceduresWithProcess")
        void auditedMayExceed() {
            var request = Requests.read(Requests.write(valid()).replace(
                    "\"processesAudited\": 120", "\"processesAudited\": 130"));
            assertThat(ENGINE.evaluate(request).assessments()).hasSize(6);
        }
    }

    @Nested
    @DisplayName("Agencies and assessments")
    class References {

        @Test
        @DisplayName("a duplicated agency id")
        void duplicateAgency() {
            assertThat(problemsOfJson(r -> agency(r, 3).put("id", "U"))).anySatisfy(p ->
                    assertThat(p.toString()).startsWith("agencies[4].id: duplicate agency id \"U\""));
        }

        @Test
        @DisplayName("an assessment of an unknown agency")
        void unknownAgency() {
            assertThat(problemsOfJson(r -> ((ObjectNode) r.withArray("assessments").get(4)).put("agency", "NOPE")))
                    .contains(expected("assessments[4].agency", "unknown agency \"NOPE\""));
        }

        @Test
        @DisplayName("a commune that names no district")
        void communeWithoutDistrict() {
            assertThat(problemsOfJson(r -> agency(r, 2).remove("district")))
                    .anySatisfy(p -> assertThat(p.place()).isEqualTo("agencies[2].district"));
        }

        @Test
        @DisplayName("a commune whose district is not a DISTRICT")
        void communeOfDepartment() {
            assertThat(problemsOfJson(r -> agency(r, 2).put("district", "S")))
                    .anySatisfy(p -> assertThat(p.toString()).startsWith("agencies[2].district: \"S\" is a DEPARTMENT"));
        }

        @Test
        @DisplayName("a district without communes")
        void districtWithoutCommunes() {
            assertThat(problemsOfJson(r -> {
                ArrayNode agencies = r.withArray("agencies");
                ObjectNode extra = agencies.addObject();
                extra.put("id", "H2").put("kind", "DISTRICT");
                extra.putObject("communeScoring").put("resultsSentOn", (String) null)
                        .put("resultsDeadline", "2022-11-15").putArray("onSiteCommunes");
            })).containsExactly(expected("agencies[5]", "district \"H2\" has no communes"));
        }

        @Test
        @DisplayName("an unknown field in a district's communeScoring")
        void unknownRecordField() {
            assertThat(problemsOfJson(r -> ((ObjectNode) agency(r, 0).get("communeScoring")).put("resultsSent", "x")))
                    .singleElement().satisfies(p -> {
                        assertThat(p.place()).isEqualTo("agencies[0].communeScoring.resultsSent");
                        assertThat(p.message()).contains("unknown");
                    });
        }

        @Test
        @DisplayName("an on-site commune that is not the district's own")
        void foreignOnSite() {
            assertThat(problemsOfJson(r -> ((ArrayNode) agency(r, 0).get("communeScoring").get("onSiteCommunes"))
                    .add("S"))).containsExactly(expected("agencies[0].communeScoring.onSiteCommunes[1]",
                    "\"S\" is not a commune of H"));
        }

        @Test
        @DisplayName("a commune with no assessment")
        void communeWithoutAssessment() {
            assertThat(problemsOfJson(r -> r.withArray("assessments").remove(2))).anySatisfy(p ->
                    assertThat(p.toString()).startsWith("agencies[2]: commune \"X2\" has no assessment"));
        }

        @Test
        @DisplayName("two assessments with the same agency and assessor")
        void duplicateAssessment() {
            assertThat(problemsOfJson(r -> ((ObjectNode) r.withArray("assessments").get(1))
                    .put("assessor", "DISTRICT"))).anySatisfy(p ->
                    assertThat(p.toString()).startsWith("assessments[1]: a second DISTRICT assessment of \"X1\""));
        }

        @Test
        @DisplayName("a DISTRICT assessment of anything but a commune")
        void districtAssessesDepartment() {
            assertThat(problemsOfJson(r -> ((ObjectNode) r.withArray("assessments").get(4))
                    .put("assessor", "DISTRICT"))).anySatisfy(p ->
                    assertThat(p.place()).isEqualTo("assessments[4].assessor"));
        }

        @Test
        @DisplayName("communeScoring on a department, district on a department")
        void forbiddenFields() {
            assertThat(problemsOfJson(r -> agency(r, 3).put("district", "H")))
                    .anySatisfy(p -> assertThat(p.place()).isEqualTo("agencies[3].district"));
            assertThat(problemsOfJson(r -> agency(r, 3).set("communeScoring", agency(r, 0).get("communeScoring"))))
                    .anySatisfy(p -> assertThat(p.place()).isEqualTo("agencies[3].communeScoring"));
        }

        @Test
        @DisplayName("an unknown agency kind")
        void unknownKind() {
            assertThat(problemsOfJson(r -> agency(r, 3).put("kind", "MINISTRY"))).singleElement().satisfies(p -> {
                assertThat(p.place()).isEqualTo("agencies[3].kind");
                assertThat(p.message()).contains("DEPARTMENT, DISTRICT, COMMUNE, PUBLIC_SERVICE_UNIT");
            });
        }
    }

    @Nested
    @DisplayName("Documents")
    class Documents {

        @ParameterizedTest(name = "not a request: {0}")
        @CsvSource(delimiter = '|', value = {"''", "'{'", "'[]'", "'42'", "'{\"year\": 2022,'",
                "'{\"year\": 2022, \"year\": 2022, \"agencies\": [], \"assessments\": []}'"})
        void malformed(String text) {
            assertThat(problemsOfText(text)).singleElement().satisfies(p -> assertThat(p.message()).isNotBlank());
        }

        @Test
        @DisplayName("every problem is listed at once, in the order of the request")
        void allAtOnce() {
            List<Problem> problems = problemsOfJson(r -> {
                facts(r, 0).put("staffTrained", "many");
                facts(r, 5).remove("declaration");
                r.put("extra", true);
            });
            assertThat(problems).extracting(Problem::place).containsExactly("extra",
                    "assessments[0].facts.staffTrained", "assessments[5].facts.declaration");
        }
    }
}
