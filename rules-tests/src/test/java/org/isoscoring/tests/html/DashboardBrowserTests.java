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
}
