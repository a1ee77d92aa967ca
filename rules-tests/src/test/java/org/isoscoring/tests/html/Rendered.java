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
    /** The small request of the two-tier illustration, whose results are worked out by hand in its README. */
    static final Path TWO_TIER = ROOT.resolve("docs/examples/two-tier-2026-small.json");
    /** The whole-request group of the two-tier illustration. */
    static final String PROVINCE = "province";

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

    /**
     * A larger two-tier request made from the small one's agencies: {@code communes} communes, each with the SELF
     * assessment of one of the six small communes in turn and, for the first {@code appraised} of those whose model
     * was appraised, its PROVINCE assessment too; ten departments and three public service units, each with all the
     * assessments of its model. Written as JSON into {@code dir}.
     */
    static Path largeTwoTier(Path dir, int communes, int appraised) throws IOException {
        org.isoscoring.api.ScoringRequest small = org.isoscoring.tests.support.Requests.read(TWO_TIER);
        List<org.isoscoring.api.Agency> agencies = new java.util.ArrayList<>();
        List<org.isoscoring.api.Assessment> assessments = new java.util.ArrayList<>();
        List<String> communeModels = List.of("XA-01", "XA-02", "XA-03", "XA-04", "XA-05", "XA-06");
        int withProvince = 0;
        for (int i = 1; i <= communes; i++) {
            String model = communeModels.get((i - 1) % communeModels.size());
            String id = String.format("XA-L%03d", i);
            agencies.add(org.isoscoring.api.Agency.of(id, "UBND xã Lớn " + i + " (giả lập)", "COMMUNE"));
            for (var a : small.assessments()) {
                if (!a.agency().equals(model)) {
                    continue;
                }
                boolean province = a.assessor().equals("PROVINCE");
                if (province && withProvince >= appraised) {
                    continue;
                }
                withProvince += province ? 1 : 0;
                assessments.add(new org.isoscoring.api.Assessment(id, a.assessor(), a.facts()));
            }
        }
        copies(small, "DEPARTMENT", 10, "SO-L", agencies, assessments);
        copies(small, "PUBLIC_SERVICE_UNIT", 3, "DV-L", agencies, assessments);
        var request = new org.isoscoring.api.ScoringRequest(small.guidance(), small.year(), agencies, assessments);
        return Files.writeString(dir.resolve("two-tier-large.json"),
                org.isoscoring.tests.support.Requests.write(request), StandardCharsets.UTF_8);
    }

    private static void copies(org.isoscoring.api.ScoringRequest small, String kind, int n, String prefix,
                               List<org.isoscoring.api.Agency> agencies,
                               List<org.isoscoring.api.Assessment> assessments) {
        List<org.isoscoring.api.Agency> models = small.agencies().stream().filter(a -> a.kind().equals(kind)).toList();
        for (int i = 1; i <= n; i++) {
            org.isoscoring.api.Agency model = models.get((i - 1) % models.size());
            String id = String.format("%s%02d", prefix, i);
            agencies.add(org.isoscoring.api.Agency.of(id, model.name() + " " + i, kind));
            small.assessments().stream().filter(a -> a.agency().equals(model.id()))
                    .forEach(a -> assessments.add(new org.isoscoring.api.Assessment(id, a.assessor(), a.facts())));
        }
    }

    /** The section of the whole-request group {@code province} on the dashboard. */
    static String provinceSection(String dashboard) {
        String box = dashboard.substring(dashboard.indexOf("<section class=\"group-report\" data-group=\""
                + PROVINCE + "\""));
        return box.substring(0, box.indexOf("</section>"));
    }

    /**
     * Checks the province's report on a two-tier dashboard against the result: each figure as a data attribute, the
     * sample against the number appraised, the appraisal by kind (how many of each kind, which were not appraised),
     * every appraised agency's SELF and PROVINCE subtotals, penalty, final total and rating, the over-scored ones
     * flagged, and the over-scored agencies with both totals side by side.
     */
    static void assertProvinceMatches(String dashboard, org.isoscoring.api.ScoringRequest request, ScoringResult result) {
        GroupReport p = result.group(PROVINCE).get(0);
        String box = provinceSection(dashboard);
        Map<String, String> s = Pages.withAttribute(box, "data-group").get(0);
        assertThat(s.get("data-communes")).isEqualTo(String.valueOf(p.count("communes")));
        assertThat(s.get("data-province-sample-size")).isEqualTo(String.valueOf(p.count("provinceSampleSize")));
        assertThat(s.get("data-province-appraised")).isEqualTo(String.valueOf(p.count("provinceAppraised")));
        assertThat(s.get("data-communes-at-least80")).isEqualTo(String.valueOf(p.count("communesAtLeast80")));
        assertThat(s.get("data-over-scored-agencies")).isEqualTo(String.valueOf(p.agencies("overScoredAgencies").size()));
        Map<String, String> appraisedFigure = Pages.one(box, "data-figure", "provinceAppraised");
        assertThat(appraisedFigure.get("data-at-least")).isEqualTo(String.valueOf(p.count("provinceSampleSize")));
        boolean shortOfSample = p.count("provinceAppraised") < p.count("provinceSampleSize");
        assertThat(appraisedFigure.get("data-short")).isEqualTo(String.valueOf(shortOfSample));
        assertThat(Pages.withAttribute(box, "data-finding")).hasSize(shortOfSample ? 1 : 0);

        for (String kind : List.of("DEPARTMENT", "COMMUNE", "PUBLIC_SERVICE_UNIT")) {
            List<String> ofKind = request.agencies().stream().filter(a -> a.kind().equals(kind))
                    .map(org.isoscoring.api.Agency::id).toList();
            List<String> not = ofKind.stream().filter(id -> result.assessment(id, "PROVINCE").isEmpty()).sorted()
                    .toList();
            Map<String, String> row = Pages.one(box, "data-kind-appraised", kind);
            assertThat(row.get("data-agencies")).isEqualTo(String.valueOf(ofKind.size()));
            assertThat(row.get("data-appraised-count")).isEqualTo(String.valueOf(ofKind.size() - not.size()));
            assertThat(row.get("data-not-appraised")).isEqualTo(String.join(" ", not));
        }

        List<String> overScored = p.agencies("overScoredAgencies");
        List<String> appraised = request.agencies().stream().map(org.isoscoring.api.Agency::id)
                .filter(id -> result.assessment(id, "PROVINCE").isPresent()).toList();
        List<Map<String, String>> rows = Pages.withAttribute(box, "data-appraised");
        assertThat(rows).extracting(r -> r.get("data-appraised")).containsExactlyInAnyOrderElementsOf(appraised);
        for (Map<String, String> row : rows) {
            String id = row.get("data-appraised");
            AssessmentResult province = result.assessment(id, "PROVINCE").orElseThrow();
            var self = result.assessment(id, "SELF");
            assertThat(row.get("data-self-subtotal")).as(id)
                    .isEqualTo(self.map(a -> HtmlPagesTests.plain(a.subtotal())).orElse(""));
            assertThat(new BigDecimal(row.get("data-province-subtotal"))).as(id).isEqualByComparingTo(province.subtotal());
            assertThat(new BigDecimal(row.get("data-penalty"))).as(id).isEqualByComparingTo(province.penalty());
            assertThat(new BigDecimal(row.get("data-total"))).as(id)
                    .isEqualByComparingTo(result.agency(id).orElseThrow().total()).isEqualByComparingTo(province.total());
            assertThat(row.get("data-rating")).isEqualTo(province.rating());
            assertThat(row.get("data-listed-in")).as(id).isEqualTo(overScored.contains(id) ? "overScoredAgencies" : "");
            String kind = request.agencies().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().kind();
            assertThat(row.get("data-kind")).isEqualTo(kind);
        }

        List<Map<String, String>> over = Pages.withAttribute(box, "data-over-scored");
        assertThat(over).extracting(r -> r.get("data-over-scored")).containsExactlyElementsOf(overScored);
        for (Map<String, String> row : over) {
            String id = row.get("data-over-scored");
            assertThat(new BigDecimal(row.get("data-self-total"))).as(id)
                    .isEqualByComparingTo(result.assessment(id, "SELF").orElseThrow().total());
            assertThat(new BigDecimal(row.get("data-province-total"))).as(id)
                    .isEqualByComparingTo(result.assessment(id, "PROVINCE").orElseThrow().total());
        }
    }
}
