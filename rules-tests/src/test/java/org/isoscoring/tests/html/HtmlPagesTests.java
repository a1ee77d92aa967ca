package org.isoscoring.tests.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.DistrictReports;
import org.isoscoring.tests.support.Pages;
import org.isoscoring.tests.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTML pages of {@code evaluate --html}, read as files (no browser): content, numbers, escaping, safety. */
@DisplayName("The HTML pages of a result")
class HtmlPagesTests {

    static final ScoringEngine ENGINE = ScoringEngine.create();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the example province written with --html")
    class ExampleProvince {

        Rendered pages;
        ScoringRequest request;
        ScoringResult result;
        GuidanceInfo guidance;

        @BeforeAll
        void render(@TempDir Path dir) {
            pages = Rendered.of(Rendered.EXAMPLE, dir.resolve("out"));
            request = Requests.read(Rendered.EXAMPLE);
            result = ENGINE.evaluate(request);
            guidance = ENGINE.guidances().get(0);
        }

        @Test
        @DisplayName("then there is an index, a dashboard and one page per agency, linked from the index")
        void files() throws IOException {
            try (Stream<Path> files = Files.list(pages.dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .contains("index.html", "dashboard.html").hasSize(request.agencies().size() + 2);
            }
            Map<String, String> linked = pages.pagesByAgency();
            assertThat(linked.keySet()).containsExactlyInAnyOrderElementsOf(
                    request.agencies().stream().map(Agency::id).toList());
            assertThat(linked.values()).doesNotHaveDuplicates().allSatisfy(f -> assertThat(pages.dir.resolve(f)).isRegularFile());
            assertThat(pages.run.out()).contains("255");
        }

        @Test
        @DisplayName("then no page loads anything: no http(s) address, no script, no external style or font")
        void selfContained() throws IOException {
            try (Stream<Path> files = Files.list(pages.dir)) {
                for (Path f : files.toList()) {
                    String html = Files.readString(f, StandardCharsets.UTF_8);
                    assertThat(html).as(f.toString()).doesNotContainIgnoringCase("http://")
                            .doesNotContainIgnoringCase("https://").doesNotContainIgnoringCase("<script")
                            .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("@import")
                            .doesNotContainIgnoringCase("url(").doesNotContain("src=\"");
                    Pages.withAttribute(html, "href").forEach(a -> assertThat(a.get("href")).matches("[-\\w.]+\\.html"));
                }
            }
        }

        @Test
        @DisplayName("then every sheet of every agency shows the points, subtotal, penalty, total and rating of the result")
        void numbersEqualTheResult() throws IOException {
            Map<String, String> files = pages.pagesByAgency();
            for (var assessment : result.assessments()) {
                Rendered.assertSheetMatches(pages.read(files.get(assessment.agency())), assessment);
            }
        }

        @Test
        @DisplayName("then a department's sheet lists every sub-criterion of the catalog with its title and maximum")
        void catalogOnTheSheet() throws IOException {
            String page = pages.read(pages.pagesByAgency().get("SO-KHCN"));
            for (Criterion c : guidance.criteria()) {
                assertThat(page).contains(">" + c.id() + "<").contains(escape(c.titleFor("DEPARTMENT", false)));
                for (Criterion s : c.subCriteria()) {
                    Map<String, String> row = Pages.withAttribute(page, "data-criterion").stream()
                            .filter(r -> r.get("data-criterion").equals(s.id())).findFirst().orElseThrow();
                    assertThat(row.get("data-max")).isEqualTo(s.max().stripTrailingZeros().toPlainString());
                    assertThat(page).contains(escape(s.titleFor("DEPARTMENT", false)));
                }
            }
            assertThat(page).contains("PHIẾU CHẤM ĐIỂM").contains("KẾT QUẢ CUỐI CÙNG").contains(result.rulesHash())
                    .contains("bac-giang-2022").contains("lang=\"vi\"");
        }

        @Test
        @DisplayName("then a penalised district's sheet shows its 15.2 line, the penalty and the over-scored commune's two totals")
        void districtLines() throws IOException {
            String page = pages.read(pages.pagesByAgency().get("HUYEN-LNG"));
            String sheet = Rendered.section(page, "PROVINCE");
            assertThat(sheet).contains("Chỉ đạo, hướng dẫn áp dụng ISO ở cấp xã").contains("19/29");
            assertThat(Pages.one(sheet, "data-criterion", "15.2").get("data-points")).isEqualTo("0");
            assertThat(Pages.one(sheet, "data-field", "penalty").get("data-value")).isEqualTo("3");
            Map<String, String> row = Pages.one(sheet, "data-over-scored", "XA-LNG-29");
            assertThat(row.get("data-district-total")).isEqualTo("98");
            assertThat(row.get("data-province-total")).isEqualTo("79.5");
        }

        @Test
        @DisplayName("then the dashboard shows every district's figures, its chart and over-scored communes, and the ratings")
        void dashboard() throws IOException {
            String dashboard = pages.read("dashboard.html");
            for (var d : DistrictReports.of(result)) {
                Rendered.assertDistrictMatches(dashboard, d, result);
                Map<String, String> chart = Pages.withAttribute(dashboard, "data-charted").stream()
                        .filter(e -> e.get("data-chart-of").equals(d.agency())).findFirst().orElseThrow();
                assertThat(chart.get("data-charted")).isEqualTo(String.valueOf(d.count("communes")));
            }
            for (String rating : List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK")) {
                long n = result.agencies().stream().filter(a -> a.rating().equals(rating)).count();
                assertThat(Pages.one(dashboard, "data-rating-count", rating).get("data-count"))
                        .isEqualTo(String.valueOf(n));
            }
            List<Map<String, String>> ranked = Pages.withAttribute(dashboard, "data-rank");
            assertThat(ranked).hasSize(result.agencies().size());
            for (Map<String, String> row : ranked) {
                var agency = result.agency(row.get("data-agency")).orElseThrow();
                assertThat(new java.math.BigDecimal(row.get("data-total"))).isEqualByComparingTo(agency.total());
                assertThat(row.get("data-rating")).isEqualTo(agency.rating());
            }
            assertThat(dashboard).contains("<svg");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the two-tier illustration's small request written with --html")
    class TwoTier {

        Rendered pages;
        ScoringRequest request;
        ScoringResult result;
        Map<String, String> files;

        @BeforeAll
        void render(@TempDir Path dir) throws IOException {
            pages = Rendered.of(Rendered.TWO_TIER, dir.resolve("out"));
            request = Requests.read(Rendered.TWO_TIER);
            result = ENGINE.evaluate(request);
            files = pages.pagesByAgency();
        }

        @Test
        @DisplayName("then there is an index, a dashboard and one page for each of the nine agencies")
        void files() throws IOException {
            try (Stream<Path> all = Files.list(pages.dir)) {
                assertThat(all.map(p -> p.getFileName().toString()).toList())
                        .contains("index.html", "dashboard.html").hasSize(11);
            }
            assertThat(files.keySet()).containsExactlyInAnyOrder("SO-01", "SO-02", "DV-01", "XA-01", "XA-02",
                    "XA-03", "XA-04", "XA-05", "XA-06");
        }

        @Test
        @DisplayName("then every number on every sheet of every agency is the result's")
        void numbersEqualTheResult() throws IOException {
            for (var assessment : result.assessments()) {
                Rendered.assertSheetMatches(pages.read(files.get(assessment.agency())), assessment);
            }
            assertThat(result.assessments()).hasSize(14);
        }

        @Test
        @DisplayName("then an over-scored agency's PROVINCE sheet says why it lost 3 points (its self-assessed subtotal "
                + "against the province's, more than 10%), and its SELF sheet has no penalty line")
        void penaltySaysWhy() throws IOException {
            String page = pages.read(files.get("SO-01"));
            String province = Rendered.section(page, "PROVINCE");
            Map<String, String> penalty = Pages.one(province, "data-field", "penalty");
            assertThat(penalty.get("data-value")).isEqualTo("3");
            String line = province.substring(province.indexOf("data-field=\"penalty\""));
            line = line.substring(0, line.indexOf("</tr>"));
            assertThat(line).contains("Cơ quan tự chấm cao quá 10%").contains("«cơ quan tự chấm» 92")
                    .contains("«Ban chỉ đạo ISO tỉnh thẩm định» 82").contains("cao hơn 12,2%");
            assertThat(Pages.one(province, "data-field", "total").get("data-value")).isEqualTo("79");
            String self = Rendered.section(page, "SELF");
            assertThat(Pages.withAttribute(self, "data-field")).noneMatch(e -> e.get("data-field").equals("penalty"));
            assertThat(Pages.one(self, "data-field", "total").get("data-value")).isEqualTo("92");
        }

        @Test
        @DisplayName("then an agency that is not over-scored, even exactly 10% above the province, has no penalty line")
        void noPenaltyLine() throws IOException {
            for (String agency : List.of("XA-01", "XA-03", "DV-01", "SO-02")) {
                assertThat(Pages.withAttribute(pages.read(files.get(agency)), "data-field"))
                        .as(agency).noneMatch(e -> e.get("data-field").equals("penalty"));
            }
        }

        @Test
        @DisplayName("then no page speaks of districts, and every page names the guidance as an illustration")
        void noDistrictsAndAnIllustration() throws IOException {
            try (Stream<Path> all = Files.list(pages.dir)) {
                for (Path f : all.toList()) {
                    String html = Files.readString(f, StandardCharsets.UTF_8);
                    assertThat(html).as(f.toString()).doesNotContainIgnoringCase("huyện")
                            .doesNotContainIgnoringCase("district").contains("VÍ DỤ MINH HOẠ").contains("ILLUSTRATION");
                    assertThat(Pages.withAttribute(html, "data-guidance-title")).isNotEmpty()
                            .allSatisfy(e -> assertThat(e.get("data-guidance-title")).startsWith("VÍ DỤ MINH HOẠ"));
                }
            }
        }

        @Test
        @DisplayName("then the dashboard shows the province's figures, the sample against the number appraised, every "
                + "appraised agency and the over-scored ones with both totals, as in the result")
        void dashboard() throws IOException {
            Rendered.assertProvinceMatches(pages.read("dashboard.html"), request, result);
        }

        @Test
        @DisplayName("then the dashboard's figures are those worked out by hand in the guidance's README")
        void handChecked() throws IOException {
            String box = Rendered.provinceSection(pages.read("dashboard.html"));
            Map<String, String> s = Pages.withAttribute(box, "data-group").get(0);
            assertThat(s).containsEntry("data-communes", "6").containsEntry("data-province-sample-size", "2")
                    .containsEntry("data-province-appraised", "3").containsEntry("data-communes-at-least80", "3")
                    .containsEntry("data-over-scored-agencies", "3");
            assertThat(box).contains("✓ đủ, cần ít nhất 2");
            assertThat(Pages.one(box, "data-kind-appraised", "COMMUNE")).containsEntry("data-appraised-count", "3")
                    .containsEntry("data-not-appraised", "XA-03 XA-04 XA-06");
            assertThat(Pages.one(box, "data-over-scored", "SO-01")).containsEntry("data-self-total", "92")
                    .containsEntry("data-province-total", "79").containsEntry("data-difference", "12.2");
            assertThat(Pages.one(box, "data-over-scored", "XA-02")).containsEntry("data-self-total", "88.5")
                    .containsEntry("data-province-total", "77");
            assertThat(Pages.one(box, "data-over-scored", "XA-05")).containsEntry("data-self-total", "50")
                    .containsEntry("data-province-total", "0");
            assertThat(Pages.one(box, "data-appraised", "XA-01")).containsEntry("data-self-subtotal", "88")
                    .containsEntry("data-province-subtotal", "80").containsEntry("data-difference", "10")
                    .containsEntry("data-penalty", "0").containsEntry("data-listed-in", "");
            assertThat(Pages.one(box, "data-appraised", "SO-02")).containsEntry("data-self-subtotal", "")
                    .containsEntry("data-total", "90");
        }

        @Test
        @DisplayName("then the dashboard charts each kind apart, counting every agency of the kind, and ranks all nine")
        void chartsAndRanking() throws IOException {
            String dashboard = pages.read("dashboard.html");
            List<Map<String, String>> charts = Pages.withAttribute(dashboard, "data-charted");
            assertThat(charts).extracting(c -> c.get("data-kind"))
                    .containsExactly("DEPARTMENT", "COMMUNE", "PUBLIC_SERVICE_UNIT");
            assertThat(charts).extracting(c -> c.get("data-charted")).containsExactly("2", "6", "1");
            List<Map<String, String>> ranked = Pages.withAttribute(dashboard, "data-rank");
            assertThat(ranked).hasSize(9);
            assertThat(ranked.get(0)).containsEntry("data-agency", "XA-03").containsEntry("data-rank", "1");
            for (Map<String, String> row : ranked) {
                var agency = result.agency(row.get("data-agency")).orElseThrow();
                assertThat(new java.math.BigDecimal(row.get("data-total"))).isEqualByComparingTo(agency.total());
                assertThat(row.get("data-rating")).isEqualTo(agency.rating());
                assertThat(row.get("data-final-assessor")).isEqualTo(agency.finalAssessor());
            }
        }

        @Test
        @DisplayName("when written with --lang en, then the dashboard and sheets are English, with the same numbers")
        void english(@TempDir Path dir) throws IOException {
            Rendered en = Rendered.of(Rendered.TWO_TIER, dir.resolve("en"), "--lang", "en");
            String dashboard = en.read("dashboard.html");
            assertThat(dashboard).contains("lang=\"en\"").contains("Appraisal: the agencies with a sheet")
                    .contains("met, at least 2 needed").contains("Agencies that scored themselves more than 10% too high")
                    .contains("Final total").doesNotContain("Thẩm định:").doesNotContain("cần ít nhất")
                    .doesNotContainIgnoringCase("district");
            Rendered.assertProvinceMatches(dashboard, request, result);
            String page = en.read(en.pagesByAgency().get("SO-01"));
            String sheet = Rendered.section(page, "PROVINCE");
            assertThat(sheet).contains("Sum of the 15 criteria")
                    .contains("subtotal “self-assessment” 92 against “appraised by the provincial ISO committee” 82, "
                            + "12.2% higher").doesNotContain("cao hơn");
            Rendered.assertSheetMatches(page, result.assessment("SO-01", "PROVINCE").orElseThrow());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given a larger two-tier request whose province appraised fewer communes than its sample")
    class TwoTierShortOfSample {

        Rendered pages;
        ScoringRequest request;
        ScoringResult result;

        @BeforeAll
        void render(@TempDir Path dir) throws IOException {
            Path large = Rendered.largeTwoTier(dir, 60, 9);
            pages = Rendered.of(large, dir.resolve("out"));
            request = Requests.read(large);
            result = ENGINE.evaluate(request);
        }

        @Test
        @DisplayName("then the result has 60 communes, a sample of 12 and 9 appraised")
        void theRequest() {
            var p = result.group(Rendered.PROVINCE).get(0);
            assertThat(p.count("communes")).isEqualTo(60);
            assertThat(p.count("provinceSampleSize")).isEqualTo(12);
            assertThat(p.count("provinceAppraised")).isEqualTo(9);
        }

        @Test
        @DisplayName("then the dashboard words the shortfall as a finding, and its figures and tables are the result's")
        void finding() throws IOException {
            String dashboard = pages.read("dashboard.html");
            Rendered.assertProvinceMatches(dashboard, request, result);
            String box = Rendered.provinceSection(dashboard);
            assertThat(Pages.one(box, "data-figure", "provinceAppraised")).containsEntry("data-short", "true");
            assertThat(box).contains("⚠ thiếu 3, cần ít nhất 12")
                    .contains("Phát hiện: «tỉnh đã thẩm định» là 9, ít hơn «mẫu tỉnh thẩm định (20%)» là 12 (thiếu 3).");
            assertThat(Pages.withAttribute(dashboard, "data-rank")).hasSize(request.agencies().size());
        }

        @Test
        @DisplayName("when written with --lang en, then the finding is English")
        void findingInEnglish(@TempDir Path dir) throws IOException {
            Path large = Rendered.largeTwoTier(dir, 60, 9);
            String box = Rendered.provinceSection(Rendered.of(large, dir.resolve("en"), "--lang", "en")
                    .read("dashboard.html"));
            assertThat(box).contains("⚠ 3 short, at least 12 needed")
                    .contains("Finding: “appraised by the province” is 9, below “province&#39;s sample (20%)”, 12 (3 short).");
        }

        @Test
        @DisplayName("then every sheet's numbers are the result's")
        void sheets() throws IOException {
            Map<String, String> files = pages.pagesByAgency();
            for (var assessment : result.assessments()) {
                Rendered.assertSheetMatches(pages.read(files.get(assessment.agency())), assessment);
            }
        }
    }

    @Nested
    @DisplayName("given --lang en")
    class English {

        @Test
        @DisplayName("then the sheet's titles and reasons are English, with English numbers and dates")
        void english(@TempDir Path dir) throws IOException {
            Rendered pages = Rendered.of(Rendered.EXAMPLE, dir.resolve("en"), "--lang", "en");
            String page = pages.read(pages.pagesByAgency().get("HUYEN-LNG"));
            assertThat(page).contains("lang=\"en\"").contains("SCORE SHEET").contains("Share of dossiers resolved on time")
                    .contains("Directing and guiding the communes&#39; ISO work").contains("dossiers resolved on time: ")
                    .contains("Internal audit on 2022-").doesNotContain("hồ sơ giải quyết đúng hạn:")
                    .doesNotContain("KẾT QUẢ CUỐI CÙNG");
            assertThat(page).containsPattern("\\d+\\.\\d+%");
            assertThat(pages.read("dashboard.html")).contains("Province dashboard").contains("Excellent");
            assertThat(pages.run.out()).startsWith("wrote 255 pages");
        }

        @Test
        @DisplayName("then --explain prints the sheet in English only")
        void explain() {
            Cli.Run run = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--explain", "XA-LNG-29", "--lang", "en");
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("SCORE SHEET").contains("reason: ").contains("Share of dossiers resolved on time")
                    .doesNotContain("lý do").doesNotContain("PHIẾU CHẤM");
        }

        @Test
        @DisplayName("then the summary is English, and --lang vi gives it in Vietnamese only")
        void summary() {
            Cli.Run en = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--lang", "en");
            assertThat(en.out()).contains("RANKING (final results)").contains("DISTRICTS")
                    .contains("over-scored communes: XA-LNG-29").doesNotContain("XẾP HẠNG");
            Cli.Run vi = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--lang", "vi");
            assertThat(vi.out()).contains("XẾP HẠNG (kết quả cuối cùng)").contains("CẤP HUYỆN").doesNotContain("RANKING")
                    .doesNotContain("/ on site").doesNotContain("/ agencies");
        }
    }

    @Nested
    @DisplayName("given a wrong command line")
    class Refused {

        @Test
        @DisplayName("when --lang names an unknown language, then it is a usage error (64) and nothing is written")
        void unknownLanguage(@TempDir Path dir) {
            Cli.Run run = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--html", dir.resolve("x").toString(),
                    "--lang", "fr");
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.err()).contains("--lang: \"fr\" is not a language");
            assertThat(dir.resolve("x")).doesNotExist();
        }

        @Test
        @DisplayName("when --html names a file, then it is a usage error (64) and the file is untouched")
        void htmlIsAFile(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("report.html"), "mine");
            Cli.Run run = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--html", file.toString());
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.err()).contains("là một tệp, không phải thư mục");
            assertThat(file).hasContent("mine");
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "--html \"{0}\"")
        @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", "/"})
        @DisplayName("when --html is blank or the root of the file system, then it is a usage error (64)")
        void htmlIsNoFolder(String value) {
            Cli.Run run = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--html", value);
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--html: cần tên một thư mục");
        }

        @Test
        @DisplayName("when --html names a new folder, then others may read it (not the private mode of a temporary "
                + "folder)")
        void readableByOthers(@TempDir Path dir) throws IOException {
            org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews()
                    .contains("posix"), "a POSIX file system");
            Path out = dir.resolve("pages");
            Cli.Run run = Cli.run("evaluate", Rendered.EXAMPLE.toString(), "--html", out.toString());
            assertThat(run.status()).isZero();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo("rwxr-xr-x");
        }

        @Test
        @DisplayName("when the request is rejected, then no folder appears (exit 2)")
        void rejected(@TempDir Path dir) throws IOException {
            Path bad = Files.writeString(dir.resolve("bad.json"), "{\"year\": 1999, \"agencies\": [], \"assessments\": []}");
            Cli.Run run = Cli.run("evaluate", bad.toString(), "--html", dir.resolve("out").toString());
            assertThat(run.status()).isEqualTo(2);
            assertThat(dir.resolve("out")).doesNotExist();
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("bad.json");
            }
        }

        @Test
        @DisplayName("when the folder exists with other files, then the pages are added and the other files kept")
        void existingFolder(@TempDir Path dir) throws IOException {
            Path keep = Files.writeString(dir.resolve("notes.txt"), "keep me");
            Rendered.of(Rendered.EXAMPLE, dir);
            assertThat(keep).hasContent("keep me");
            assertThat(dir.resolve("index.html")).isRegularFile();
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
            }
        }
    }

    @Nested
    @DisplayName("given agencies with hostile ids and names")
    class Hostile {

        @Test
        @DisplayName("then every text is escaped, file names are safe and distinct, and the links still lead to each page")
        void escaped(@TempDir Path dir) throws IOException {
            String evil = "<script>alert(1)</script>\\\"&'/../../x";
            String name = "<img src=x onerror=alert(1)> Sở \\\"KH&CN\\\"";
            String json = Files.readString(Rendered.EXAMPLE, StandardCharsets.UTF_8)
                    .replace("\"SO-KHCN\"", "\"" + evil + "\"")
                    .replace("\"Sở Khoa học và Công nghệ\"", "\"" + name + "\"")
                    .replace("\"SO-TP\"", "\"so-khcn\"").replace("\"SO-NV\"", "\"SO-KHCN\"");
            Path request = Files.writeString(dir.resolve("hostile.json"), json);
            Rendered pages = Rendered.of(request, dir.resolve("out"));
            Map<String, String> files = pages.pagesByAgency();
            String hostileId = "<script>alert(1)</script>\"&'/../../x";
            assertThat(files).containsKeys(hostileId, "so-khcn", "SO-KHCN");
            assertThat(files.values()).allMatch(f -> f.matches("agency-[-\\w.]+\\.html"))
                    .doesNotHaveDuplicates();
            assertThat(files.values().stream().map(String::toLowerCase).distinct()).hasSize(files.size());
            try (Stream<Path> all = Files.walk(dir.resolve("out"))) {
                assertThat(all.filter(Files::isRegularFile)).allMatch(p -> p.getParent().equals(dir.resolve("out")));
            }
            for (String file : List.of("index.html", "dashboard.html", files.get(hostileId))) {
                String html = pages.read(file);
                assertThat(html).doesNotContain("<script").doesNotContain("<img")
                        .doesNotContain("</script>\"&");
            }
            String page = pages.read(files.get(hostileId));
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;/../../x")
                    .contains("&lt;img src=x onerror=alert(1)&gt; Sở &quot;KH&amp;CN&quot;");
            var result = ENGINE.evaluate(Requests.read(request));
            Rendered.assertSheetMatches(page, result.assessment(hostileId, "PROVINCE")
                    .orElseGet(() -> result.assessments().stream().filter(a -> a.agency().equals(hostileId))
                            .findFirst().orElseThrow()));
        }
    }

    /** Points as the JSON result writes them: {@code 3}, {@code 2.5}. */
    static String plain(java.math.BigDecimal value) {
        java.math.BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
