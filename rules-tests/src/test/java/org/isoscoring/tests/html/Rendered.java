package org.isoscoring.tests.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Pages;

/** The pages of one request written by {@code evaluate --html}, and checks of their numbers against a result. */
final class Rendered {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");

    private static final Pattern INDEX_ROW = Pattern.compile("<tr data-agency=\"([^\"]*)\">.*?<a href=\"([^\"]*)\"");

    final Path dir;
    final Cli.Run run;

    private Rendered(Path dir, Cli.Run run) {
        this.dir = dir;
        this.run = run;
    }

    static Rendered of(Path request, Path dir, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", request.toString(), "--html", dir.toString()));
        args.addAll(List.of(options));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        return new Rendered(dir, run);
    }

    String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    /** The file of each agency's page, from the links of index.html. */
    Map<String, String> pagesByAgency() throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        Matcher m = INDEX_ROW.matcher(read("index.html"));
        while (m.find()) {
            pages.put(Pages.unescape(m.group(1)), Pages.unescape(m.group(2)));
        }
        return pages;
    }

    /** The sheet of one assessment on an agency's page (its section of the page). */
    static String section(String page, String assessor) {
        for (String part : page.split("<section class=\"sheet\"")) {
            if (part.startsWith(" data-assessor=\"" + assessor + "\"")) {
                return "<section class=\"sheet\"" + part.substring(0, part.indexOf("</section>"));
            }
        }
        throw new AssertionError("no " + assessor + " sheet on the page");
    }

    /** Checks every number of one assessment's sheet against the result. */
    static void assertSheetMatches(String page, AssessmentResult expected) {
        String sheet = section(page, expected.assessor());
        expected.points().forEach((id, points) -> {
            Map<String, String> row = Pages.one(sheet, "data-criterion", id);
            assertThat(new BigDecimal(row.get("data-points"))).as(expected.agency() + " " + id).isEqualByComparingTo(points);
        });
        assertThat(Pages.withAttribute(sheet, "data-criterion")).hasSize(expected.points().size());
        assertThat(new BigDecimal(Pages.one(sheet, "data-field", "subtotal").get("data-value")))
                .isEqualByComparingTo(expected.subtotal());
        assertThat(new BigDecimal(Pages.one(sheet, "data-field", "total").get("data-value")))
                .isEqualByComparingTo(expected.total());
        assertThat(Pages.one(sheet, "data-field", "rating").get("data-value")).isEqualTo(expected.rating());
        List<Map<String, String>> penalty = Pages.withAttribute(sheet, "data-field").stream()
                .filter(e -> e.get("data-field").equals("penalty")).toList();
        if (expected.penalty().signum() > 0) {
            assertThat(new BigDecimal(penalty.get(0).get("data-value"))).isEqualByComparingTo(expected.penalty());
        }
    }

    /**
     * Checks a district's figures on the dashboard against the result: its section of the group {@code districts}
     * carries every figure of the report as a data attribute (a list of agencies as its size), and lists the
     * over-scored communes with the district's and the province's totals.
     */
    static void assertDistrictMatches(String dashboard, GroupReport d, ScoringResult result) {
        Map<String, String> s = Pages.withAttribute(dashboard, "data-district").stream()
                .filter(e -> e.get("").equals("section") && "districts".equals(e.get("data-group"))
                        && e.get("data-district").equals(d.agency())).findFirst()
                .orElseThrow(() -> new AssertionError("no section of " + d.agency()));
        assertThat(s.get("data-communes")).isEqualTo(String.valueOf(d.count("communes")));
        assertThat(s.get("data-on-site")).isEqualTo(String.valueOf(d.count("onSite")));
        assertThat(s.get("data-on-site-required")).isEqualTo(String.valueOf(d.count("onSiteRequired")));
        assertThat(s.get("data-province-sample-size")).isEqualTo(String.valueOf(d.count("provinceSampleSize")));
        assertThat(s.get("data-province-appraised")).isEqualTo(String.valueOf(d.count("provinceAppraised")));
        assertThat(s.get("data-communes-at-least80")).isEqualTo(String.valueOf(d.count("communesAtLeast80")));
        assertThat(s.get("data-over-scored-communes"))
                .isEqualTo(String.valueOf(d.agencies("overScoredCommunes").size()));
        assertThat(new BigDecimal(s.get("data-penalty"))).isEqualByComparingTo(d.points("penalty"));
        String box = dashboard.substring(dashboard.indexOf("<section class=\"group-report\" data-group=\"districts\" "
                + "data-district=\"" + d.agency() + "\""));
        box = box.substring(0, box.indexOf("</section>"));
        List<Map<String, String>> rows = Pages.withAttribute(box, "data-over-scored");
        assertThat(rows).extracting(e -> e.get("data-over-scored"))
                .containsExactlyElementsOf(d.agencies("overScoredCommunes"));
        for (Map<String, String> row : rows) {
            String commune = row.get("data-over-scored");
            assertThat(new BigDecimal(row.get("data-district-total"))).isEqualByComparingTo(
                    result.assessment(commune, "DISTRICT").orElseThrow().total());
            assertThat(new BigDecimal(row.get("data-province-total"))).isEqualByComparingTo(
                    result.assessment(commune, "PROVINCE").orElseThrow().total());
        }
    }
}
