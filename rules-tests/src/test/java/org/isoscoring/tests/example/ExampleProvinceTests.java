package org.isoscoring.tests.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.cli.Main;
import org.isoscoring.examples.ExampleProvinces;
import org.isoscoring.tests.support.DistrictReports;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bundled example province is what its generator makes, the size of Bắc Giang, with a spread of results. */
@DisplayName("The example province docs/examples/bac-giang-2022.json")
class ExampleProvinceTests {

    private static final Path FILE = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
            .resolve("docs/examples/bac-giang-2022.json");
    private static ScoringRequest request;
    private static ScoringResult result;

    @BeforeAll
    static void score() {
        request = Requests.read(FILE);
        result = ScoringEngine.create().evaluate(request);
    }

    @Test
    @DisplayName("is exactly what `generate-example` writes, so it can be made again")
    void generated() throws IOException {
        StringWriter out = new StringWriter();
        int status = Main.run(new String[] {"generate-example"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(FILE));
    }

    @Test
    @DisplayName("is the request ExampleProvinces.bacGiang2022() makes (module rules-examples), written as JSON")
    void madeByTheExamplesModule() throws IOException {
        // given the generator's request, when it is written with its guidance, then it is the file byte for byte
        ScoringRequest made = ExampleProvinces.bacGiang2022();
        assertThat(made.guidance()).isEqualTo(ExampleProvinces.BAC_GIANG_GUIDANCE);
        String json = ScoringJson.writeRequest(made, ScoringEngine.create().guidanceFor(made.guidance(), made.year()));
        assertThat(json).isEqualTo(Files.readString(FILE));
    }

    @Test
    @DisplayName("has 253 agencies: 31 departments, 10 districts, 209 communes, 3 public service units")
    void size() {
        Map<String, Long> kinds = request.agencies().stream()
                .collect(Collectors.groupingBy(Agency::kind, Collectors.counting()));
        assertThat(request.agencies()).hasSize(253);
        assertThat(kinds).containsEntry("DEPARTMENT", 31L).containsEntry("DISTRICT", 10L)
                .containsEntry("COMMUNE", 209L).containsEntry("PUBLIC_SERVICE_UNIT", 3L);
    }

    @Test
    @DisplayName("the province appraises at least 10% of every district's communes, and every other agency")
    void appraisal() {
        DistrictReports.of(result).forEach(d -> assertThat(d.count("provinceAppraised")).as(d.agency())
                .isGreaterThanOrEqualTo(d.count("provinceSampleSize")));
        request.agencies().stream().filter(a -> !"COMMUNE".equals(a.kind())).forEach(a ->
                assertThat(result.agency(a.id()).map(AgencyResult::finalAssessor)).as(a.id()).hasValue("PROVINCE"));
        assertThat(request.assessments()).anyMatch(a -> "DISTRICT".equals(a.assessor()));
    }

    @Test
    @DisplayName("has a spread of results: every rating, districts earning 15.2, an over-scored commune")
    void spread() {
        assertThat(result.agencies().stream().map(AgencyResult::rating).distinct()).containsExactlyInAnyOrder(
                "EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK");
        assertThat(DistrictReports.of(result)).filteredOn(d -> d.count("communesAtLeast80") == d.count("communes"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(DistrictReports.of(result)).filteredOn(d -> !d.agencies("overScoredCommunes").isEmpty())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.points("penalty")).isEqualByComparingTo("3"));
        assertThat(DistrictReports.of(result)).anyMatch(d -> d.count("onSite") < d.count("onSiteRequired"));
    }
}
