package org.isoscoring.tests.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.Chromium;
import org.isoscoring.tests.support.DistrictReports;
import org.isoscoring.tests.support.Pages;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The province dashboard opened in a real headless Chromium. */
@DisplayName("The province dashboard in a browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

    Chromium chromium;
    Rendered pages;
    ScoringRequest request;
    ScoringResult result;
    String dom;

    @BeforeAll
    void render(@TempDir Path dir) throws Exception {
        chromium = Chromium.require();
        pages = Rendered.of(Rendered.EXAMPLE, dir.resolve("pages"));
        request = Requests.read(Rendered.EXAMPLE);
        result = ScoringEngine.create().evaluate(request);
        dom = chromium.dumpDom(pages.dir.resolve("dashboard.html"));
    }

    @Test
    @DisplayName("given the example province, then each district's figures and over-scored communes are the result's")
    void districts() {
        assertThat(DistrictReports.of(result)).hasSize(10);
        DistrictReports.of(result).forEach(d -> Rendered.assertDistrictMatches(dom, d, result));
        assertThat(Pages.withAttribute(dom, "data-over-scored")).extracting(e -> e.get("data-over-scored"))
                .containsExactlyInAnyOrder("XA-LNG-29", "XA-SD-06");
    }

    @Test
    @DisplayName("given the example province, then each district's chart counts every commune, in bars of 5 points")
    void charts() {
        for (var d : DistrictReports.of(result)) {
            List<java.math.BigDecimal> totals = request.agencies().stream()
                    .filter(a -> "COMMUNE".equals(a.kind()) && d.agency().equals(a.parent()))
                    .map(a -> result.agency(a.id()).orElseThrow().total()).toList();
            String chart = dom.substring(dom.indexOf("<svg class=\"histogram\" role=\"img\" data-chart-of=\""
                    + d.agency() + "\""));
            chart = chart.substring(0, chart.indexOf("</svg>"));
            List<Map<String, String>> bars = Pages.withAttribute(chart, "data-from");
            int charted = 0;
            for (Map<String, String> bar : bars) {
                int from = Integer.parseInt(bar.get("data-from"));
                long expected = totals.stream().filter(t -> Math.min(95, t.intValue() / 5 * 5) == from).count();
                assertThat(Integer.parseInt(bar.get("data-count"))).as(d.agency() + " from " + from).isEqualTo((int) expected);
                charted += (int) expected;
            }
            assertThat(charted).isEqualTo(d.count("communes"));
        }
    }

    @Test
    @DisplayName("given the example province, then the counts per rating and the ranking are the result's")
    void ratingsAndRanking() {
        for (String r : List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK")) {
            long n = result.agencies().stream().filter(a -> a.rating().equals(r)).count();
            assertThat(Pages.one(dom, "data-rating-count", r).get("data-count")).isEqualTo(String.valueOf(n));
        }
        List<Map<String, String>> ranked = Pages.withAttribute(dom, "data-rank");
        assertThat(ranked).hasSize(253);
        assertThat(ranked.get(0).get("data-rank")).isEqualTo("1");
        assertThat(ranked).allSatisfy(row -> assertThat(new java.math.BigDecimal(row.get("data-total")))
                .isEqualByComparingTo(result.agency(row.get("data-agency")).orElseThrow().total()));
    }

    @Test
    @DisplayName("when printed to PDF, then every page is A4 and the dashboard takes at most 14 pages")
    void printsOnA4() throws IOException, InterruptedException {
        List<double[]> sizes = Chromium.pageSizes(chromium.printToPdf(pages.dir.resolve("dashboard.html")));
        assertThat(sizes).isNotEmpty().hasSizeLessThanOrEqualTo(14);
        assertThat(sizes).allSatisfy(s -> {
            assertThat(s[0]).isCloseTo(595.3, within(1.5));
            assertThat(s[1]).isCloseTo(841.9, within(1.5));
        });
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the two-tier illustration (no districts), small and large")
    class TwoTier {

        Chromium browser;
        Rendered small;
        Rendered large;
        ScoringRequest smallRequest;
        ScoringRequest largeRequest;

        @BeforeAll
        void render(@TempDir Path dir) throws Exception {
            browser = Chromium.require();
            small = Rendered.of(Rendered.TWO_TIER, dir.resolve("small"));
            smallRequest = Requests.read(Rendered.TWO_TIER);
            Path largeJson = Rendered.largeTwoTier(dir, 120, 20);
            large = Rendered.of(largeJson, dir.resolve("large"));
            largeRequest = Requests.read(largeJson);
        }

        @Test
        @DisplayName("when Chromium loads the small dashboard, then the province's figures, appraisal and over-scored "
                + "agencies shown are the result's")
        void small() throws Exception {
            ScoringResult r = ScoringEngine.create().evaluate(smallRequest);
            String shown = browser.dumpDom(small.dir.resolve("dashboard.html"));
            Rendered.assertProvinceMatches(shown, smallRequest, r);
            assertThat(shown).contains("VÍ DỤ MINH HOẠ").doesNotContainIgnoringCase("huyện");
            assertThat(Pages.withAttribute(shown, "data-rank")).hasSize(9);
        }

        @Test
        @DisplayName("when Chromium loads the large dashboard, then its figures, its finding, every chart and the "
                + "ranking are the result's")
        void large() throws Exception {
            ScoringResult r = ScoringEngine.create().evaluate(largeRequest);
            String shown = browser.dumpDom(large.dir.resolve("dashboard.html"));
            Rendered.assertProvinceMatches(shown, largeRequest, r);
            assertThat(Pages.one(shown, "data-finding", "provinceAppraised")).isNotNull();
            for (Map<String, String> chart : Pages.withAttribute(shown, "data-charted")) {
                long ofKind = largeRequest.agencies().stream().filter(a -> a.kind().equals(chart.get("data-kind")))
                        .count();
                assertThat(chart.get("data-charted")).as(chart.get("data-kind")).isEqualTo(String.valueOf(ofKind));
            }
            List<Map<String, String>> ranked = Pages.withAttribute(shown, "data-rank");
            assertThat(ranked).hasSize(largeRequest.agencies().size());
            assertThat(ranked).allSatisfy(row -> assertThat(new java.math.BigDecimal(row.get("data-total")))
                    .isEqualByComparingTo(r.agency(row.get("data-agency")).orElseThrow().total()));
        }

        @Test
        @DisplayName("when printed to PDF, then every page is A4, the small dashboard on at most 2 pages and the large "
                + "one (133 agencies) on at most 8")
        void printsOnA4() throws Exception {
            List<double[]> smallPages = Chromium.pageSizes(browser.printToPdf(small.dir.resolve("dashboard.html")));
            List<double[]> largePages = Chromium.pageSizes(browser.printToPdf(large.dir.resolve("dashboard.html")));
            assertThat(smallPages).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            assertThat(largePages).isNotEmpty().hasSizeLessThanOrEqualTo(8);
            for (double[] s : concat(smallPages, largePages)) {
                assertThat(s[0]).isCloseTo(595.3, within(1.5));
                assertThat(s[1]).isCloseTo(841.9, within(1.5));
            }
        }

        @Test
        @DisplayName("when Chromium loads the English dashboard, then it is English and its numbers the result's")
        void english(@TempDir Path dir) throws Exception {
            Rendered en = Rendered.of(Rendered.TWO_TIER, dir.resolve("en"), "--lang", "en");
            String shown = browser.dumpDom(en.dir.resolve("dashboard.html"));
            assertThat(shown).contains("Province dashboard").contains("Appraisal: the agencies with a sheet")
                    .contains("ILLUSTRATION").doesNotContain("Xếp hạng");
            Rendered.assertProvinceMatches(shown, smallRequest, ScoringEngine.create().evaluate(smallRequest));
        }

        private static List<double[]> concat(List<double[]> a, List<double[]> b) {
            List<double[]> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
