package org.isoscoring.tests.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.Sampling;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.examples.ExampleProvinces;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The two-tier example (SCORING-TWO-TIER-2026.md §7) is what its generator makes: the size of today's Bắc Ninh, no
 * district, the province appraising every department and unit and its verifiable 20% sample of the communes, with a
 * spread of results.
 */
@DisplayName("The two-tier example docs/examples/two-tier-2026.json (an illustration)")
class TwoTierExampleTests {

    private static final Path FILE = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
            .resolve("docs/examples/two-tier-2026.json");
    /** The seed the example's generator draws the province's sample with (docs/sampling.md). */
    private static final String SEED = "2026-11-02 ví dụ minh hoạ / illustration";
    private static ScoringRequest request;
    private static ScoringResult result;

    @BeforeAll
    static void score() {
        request = Requests.read(FILE);
        result = ScoringEngine.create().evaluate(request);
    }

    @Test
    @DisplayName("is exactly what `generate-example --guidance two-tier-2026-example` writes")
    void generated() throws IOException {
        Cli.Run run = Cli.run("generate-example", "--guidance", "two-tier-2026-example");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(FILE));
    }

    @Test
    @DisplayName("is the request ExampleProvinces.twoTier2026() makes (module rules-examples), with its public seed")
    void madeByTheExamplesModule() throws IOException {
        // given the generator's request, when it is written with its guidance, then it is the file byte for byte
        ScoringRequest made = ExampleProvinces.twoTier2026();
        assertThat(made.guidance()).isEqualTo(ExampleProvinces.TWO_TIER_GUIDANCE);
        assertThat(made.year()).isEqualTo(ExampleProvinces.TWO_TIER_YEAR);
        String json = ScoringJson.writeRequest(made, ScoringEngine.create().guidanceFor(made.guidance(), made.year()));
        assertThat(json).isEqualTo(Files.readString(FILE));
        assertThat(ExampleProvinces.TWO_TIER_SAMPLE_SEED).isEqualTo(SEED);
    }

    @Test
    @DisplayName("is scored by two-tier-2026-example for 2026, and has 99 commune-level units (33 wards, 66 "
            + "communes), 30 departments and 3 public service units, and no district")
    void size() {
        assertThat(request.guidance()).isEqualTo("two-tier-2026-example");
        assertThat(request.year()).isEqualTo(2026);
        Map<String, Long> kinds = request.agencies().stream()
                .collect(Collectors.groupingBy(Agency::kind, Collectors.counting()));
        assertThat(kinds).containsOnly(Map.entry("DEPARTMENT", 30L), Map.entry("COMMUNE", 99L),
                Map.entry("PUBLIC_SERVICE_UNIT", 3L));
        List<Agency> communes = request.agencies().stream().filter(a -> a.kind().equals("COMMUNE")).toList();
        assertThat(communes).filteredOn(a -> a.name().startsWith("UBND phường ")).hasSize(33);
        assertThat(communes).filteredOn(a -> a.name().startsWith("UBND xã ")).hasSize(66);
        assertThat(request.agencies()).allSatisfy(a -> assertThat(a.parent()).as(a.id()).isNull());
    }

    @Test
    @DisplayName("every agency scores itself; the province appraises every department and unit and exactly the "
            + "communes of its verifiable 20% draw")
    void appraisal() {
        Set<String> self = request.assessments().stream().filter(a -> a.assessor().equals("SELF"))
                .map(Assessment::agency).collect(Collectors.toSet());
        assertThat(self).hasSize(request.agencies().size());
        Set<String> appraised = request.assessments().stream().filter(a -> a.assessor().equals("PROVINCE"))
                .map(Assessment::agency).collect(Collectors.toSet());
        request.agencies().stream().filter(a -> !a.kind().equals("COMMUNE"))
                .forEach(a -> assertThat(appraised).contains(a.id()));
        List<String> communes = Sampling.ofKind(request, "COMMUNE");
        assertThat(appraised.stream().filter(communes::contains))
                .containsExactlyInAnyOrderElementsOf(Sampling.draw(Sampling.Purpose.PROVINCE, Sampling.seed(SEED),
                        communes, 20));
        GroupReport province = result.group("province").get(0);
        assertThat(province.count("communes")).isEqualTo(99);
        assertThat(province.count("provinceSampleSize")).isEqualTo(20);
        assertThat(province.count("provinceAppraised")).isEqualTo(20);
        assertThat(result.groups().keySet()).containsExactly("province");
    }

    @Test
    @DisplayName("has a spread of results: all four ratings, and over-scored communes, a department and a unit, "
            + "each losing 3 points on its PROVINCE assessment only")
    void spread() {
        assertThat(result.agencies().stream().map(AgencyResult::rating).distinct())
                .containsExactlyInAnyOrder("EXCELLENT", "GOOD", "PASS", "FAIL");
        List<String> over = result.group("province").get(0).agencies("overScoredAgencies");
        Map<String, String> kinds = request.agencies().stream().collect(Collectors.toMap(Agency::id, Agency::kind));
        assertThat(over.stream().map(kinds::get)).contains("COMMUNE", "DEPARTMENT", "PUBLIC_SERVICE_UNIT");
        assertThat(over.stream().filter(id -> kinds.get(id).equals("COMMUNE")).count()).isGreaterThanOrEqualTo(2);
        assertThat(over).isSorted();
        for (String id : over) {
            BigDecimal self = result.assessment(id, "SELF").orElseThrow().subtotal();
            BigDecimal province = result.assessment(id, "PROVINCE").orElseThrow().subtotal();
            assertThat(self.multiply(BigDecimal.valueOf(100))).as(id)
                    .isGreaterThan(province.multiply(BigDecimal.valueOf(110)));
            assertThat(result.assessment(id, "PROVINCE").orElseThrow().penalty()).as(id).isEqualByComparingTo("3");
            assertThat(result.assessment(id, "SELF").orElseThrow().penalty()).as(id).isEqualByComparingTo("0");
        }
        assertThat(result.assessments()).filteredOn(a -> !over.contains(a.agency()))
                .allSatisfy(a -> assertThat(a.penalty()).as(a.agency()).isEqualByComparingTo("0"));
    }
}
