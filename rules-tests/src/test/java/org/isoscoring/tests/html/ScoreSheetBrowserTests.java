package org.isoscoring.tests.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.Chromium;
import org.isoscoring.tests.support.Pages;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The score sheet pages opened in a real headless Chromium, as an officer opens and prints them. */
@DisplayName("A score sheet page in a browser")
class ScoreSheetBrowserTests {

    /** A sub-criterion row as the browser serialises it: id, title, max and points as shown. */
    private static final Pattern ROW = Pattern.compile("<tr data-criterion=\"([^\"]+)\" data-points=\"([^\"]+)\" "
            + "data-max=\"([^\"]+)\"><td class=\"id\">([^<]+)</td><td>[^<]*</td><td class=\"num\">([^<]+)</td>"
            + "<td class=\"num\">([^<]+)</td>");
    private static final List<String> AGENCIES = List.of("HUYEN-LNG", "XA-LNG-29", "SO-KHCN", "HUYEN-SD");

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the example province's pages in Vietnamese")
    class Vietnamese {

        Chromium chromium;
        Rendered pages;
        ScoringResult result;
        Map<String, String> files;

        @BeforeAll
        void render(@TempDir Path dir) throws IOException {
            chromium = Chromium.require();
            pages = Rendered.of(Rendered.EXAMPLE, dir.resolve("vi"));
            result = ScoringEngine.create().evaluate(Requests.read(Rendered.EXAMPLE));
            files = pages.pagesByAgency();
        }

        @Test
        @DisplayName("when Chromium loads a sheet, then the numbers it shows are the JSON result's, in every row")
        void numbersShownEqualTheResult() throws Exception {
            for (String agency : AGENCIES) {
                String dom = chromium.dumpDom(pages.dir.resolve(files.get(agency)));
                assertThat(dom).as(agency).contains("PHIẾU CHẤM ĐIỂM");
                for (var assessment : result.assessments().stream().filter(a -> a.agency().equals(agency)).toList()) {
                    Rendered.assertSheetMatches(dom, assessment);
                    String sheet = Rendered.section(dom, assessment.assessor());
                    Matcher row = ROW.matcher(sheet);
                    int rows = 0;
                    while (row.find()) {
                        rows++;
                        assertThat(row.group(4)).isEqualTo(row.group(1));
                        assertThat(row.group(6).replace(',', '.')).as(agency + " " + row.group(1) + " shown")
                                .isEqualTo(row.group(2));
                        assertThat(row.group(5).replace(',', '.')).isEqualTo(row.group(3));
                        assertThat(row.group(2)).isEqualTo(
                                org.isoscoring.tests.html.HtmlPagesTests.plain(assessment.points().get(row.group(1))));
                    }
                    assertThat(rows).as(agency).isEqualTo(assessment.points().size());
                }
            }
        }

        @Test
        @DisplayName("when a sheet is printed to PDF, then every page is A4 and one assessment takes at most 2 pages")
        void printsOnA4() throws Exception {
            for (String agency : AGENCIES) {
                List<double[]> sizes = Chromium.pageSizes(chromium.printToPdf(pages.dir.resolve(files.get(agency))));
                long sheets = result.assessments().stream().filter(a -> a.agency().equals(agency)).count();
                assertThat(sizes).as(agency).isNotEmpty().hasSizeLessThanOrEqualTo((int) (2 * sheets));
                for (double[] size : sizes) {
                    assertThat(size[0]).as("width, points").isCloseTo(595.3, within(1.5));
                    assertThat(size[1]).as("height, points").isCloseTo(841.9, within(1.5));
                }
            }
        }

        @Test
        @DisplayName("when a screenshot is taken, then the page renders (a PNG of the window's size)")
        void screenshot() throws Exception {
            Path png = pages.dir.resolve("sheet.png");
            chromium.screenshot(pages.dir.resolve(files.get("HUYEN-LNG")), png, 1000, 1400);
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).isGreaterThan(20_000);
            assertThat(java.nio.ByteBuffer.wrap(bytes, 16, 8).getInt()).isEqualTo(1000);
        }
    }

    @Nested
    @DisplayName("given the pages in English")
    class English {

        @Test
        @DisplayName("when Chromium loads and prints a district's sheet, then it is English, its numbers the result's, on A4")
        void english(@TempDir Path dir) throws Exception {
            Chromium chromium = Chromium.require();
            Rendered pages = Rendered.of(Rendered.EXAMPLE, dir.resolve("en"), "--lang", "en");
            ScoringResult result = ScoringEngine.create().evaluate(Requests.read(Rendered.EXAMPLE));
            Path page = pages.dir.resolve(pages.pagesByAgency().get("HUYEN-LNG"));
            String dom = chromium.dumpDom(page);
            assertThat(dom).contains("SCORE SHEET").contains("Directing and guiding the communes");
            Rendered.assertSheetMatches(dom, result.assessment("HUYEN-LNG", "PROVINCE")
                    .orElseThrow());
            List<double[]> sizes = Chromium.pageSizes(chromium.printToPdf(page));
            assertThat(sizes).isNotEmpty().allSatisfy(s -> assertThat(s[1]).isCloseTo(841.9, within(1.5)));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the two-tier illustration's pages")
    class TwoTier {

        private static final List<String> SHOWN = List.of("SO-01", "SO-02", "DV-01", "XA-01", "XA-02", "XA-03",
                "XA-05");

        Chromium chromium;
        Rendered pages;
        ScoringResult result;
        Map<String, String> files;

        @BeforeAll
        void render(@TempDir Path dir) throws IOException {
            chromium = Chromium.require();
            pages = Rendered.of(Rendered.TWO_TIER, dir.resolve("vi"));
            result = ScoringEngine.create().evaluate(Requests.read(Rendered.TWO_TIER));
            files = pages.pagesByAgency();
        }

        @Test
        @DisplayName("when Chromium loads a sheet, then the numbers it shows are the result's, in every row, the "
                + "penalty line only on an over-scored agency's PROVINCE sheet, and no district")
        void numbersShownEqualTheResult() throws Exception {
            for (String agency : SHOWN) {
                String dom = chromium.dumpDom(pages.dir.resolve(files.get(agency)));
                assertThat(dom).as(agency).contains("PHIẾU CHẤM ĐIỂM").contains("VÍ DỤ MINH HOẠ")
                        .doesNotContainIgnoringCase("huyện");
                for (var assessment : result.assessments().stream().filter(a -> a.agency().equals(agency)).toList()) {
                    Rendered.assertSheetMatches(dom, assessment);
                    String sheet = Rendered.section(dom, assessment.assessor());
                    boolean penaltyLine = Pages.withAttribute(sheet, "data-field").stream()
                            .anyMatch(e -> e.get("data-field").equals("penalty"));
                    assertThat(penaltyLine).as(agency + " " + assessment.assessor())
                            .isEqualTo(assessment.penalty().signum() > 0);
                    Matcher row = ROW.matcher(sheet);
                    int rows = 0;
                    while (row.find()) {
                        rows++;
                        assertThat(row.group(6).replace(',', '.')).as(agency + " " + row.group(1) + " shown")
                                .isEqualTo(row.group(2));
                        assertThat(row.group(2)).isEqualTo(
                                HtmlPagesTests.plain(assessment.points().get(row.group(1))));
                    }
                    assertThat(rows).as(agency).isEqualTo(assessment.points().size()).isEqualTo(32);
                }
            }
        }

        @Test
        @DisplayName("when a sheet is printed to PDF, then every page is A4 and one assessment takes at most 2 pages")
        void printsOnA4() throws Exception {
            for (String agency : List.of("SO-01", "XA-05", "SO-02")) {
                List<double[]> sizes = Chromium.pageSizes(chromium.printToPdf(pages.dir.resolve(files.get(agency))));
                long sheets = result.assessments().stream().filter(a -> a.agency().equals(agency)).count();
                assertThat(sizes).as(agency).isNotEmpty().hasSizeLessThanOrEqualTo((int) (2 * sheets));
                assertThat(sizes).allSatisfy(s -> {
                    assertThat(s[0]).isCloseTo(595.3, within(1.5));
                    assertThat(s[1]).isCloseTo(841.9, within(1.5));
                });
            }
        }

        @Test
        @DisplayName("when Chromium loads an over-scored agency's sheet in English, then the penalty line says why in "
                + "English and the numbers are the result's")
        void english(@TempDir Path dir) throws Exception {
            Rendered en = Rendered.of(Rendered.TWO_TIER, dir.resolve("en"), "--lang", "en");
            String dom = chromium.dumpDom(en.dir.resolve(en.pagesByAgency().get("XA-05")));
            String sheet = Rendered.section(dom, "PROVINCE");
            assertThat(sheet).contains("Agencies that scored themselves more than 10% too high: subtotal").contains("50 against").contains(" 2, 2400% higher");
            assertThat(dom).contains("SCORE SHEET").contains("ILLUSTRATION");
            for (var assessment : result.assessments().stream().filter(a -> a.agency().equals("XA-05")).toList()) {
                Rendered.assertSheetMatches(dom, assessment);
            }
        }
    }
}
