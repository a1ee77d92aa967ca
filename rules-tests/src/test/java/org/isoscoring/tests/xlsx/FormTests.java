package org.isoscoring.tests.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.xlsx.Workbooks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data-entry workbook made from a guidance's declarations, and the {@code form} command; the commands that read a
 * request read the workbook as they read its JSON.
 */
@DisplayName("The data-entry form of a guidance")
final class FormTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path BAC_GIANG = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final Path TWO_TIER = ROOT.resolve("docs/examples/two-tier-2026.json");

    @TempDir
    Path dir;

    static GuidanceInfo guidance(String id) {
        return Requests.ENGINE.guidances().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every sheet's rows as the text of their cells (blank cells as empty strings), by sheet name. */
    static Map<String, List<List<String>>> rows(Path file) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook book = new ReadableWorkbook(file.toFile())) {
            for (Sheet sheet : book.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null || cell.getValue() == null ? "" : cell.getText());
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }

    /** The XML of a part of the workbook. */
    static String part(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) { // by the central directory, as spreadsheet applications read
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new AssertionError("no part " + name);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    Path form(String guidance, ScoringRequest request, boolean english) throws IOException {
        Path file = dir.resolve(guidance + (english ? "-en" : "") + ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbooks.writeForm(guidance(guidance), request, null, english, out);
        }
        return file;
    }

    @Nested
    @DisplayName("made empty from the declarations")
    final class Empty {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"bac-giang-2022", "two-tier-2026-example"})
        @DisplayName("given a bundled guidance, then the assessments sheet has a column per fact, keyed by its name and "
                + "titled in Vietnamese with what to write")
        void assessmentColumns(String id) throws IOException {
            Vocabulary vocabulary = guidance(id).vocabulary();
            Map<String, List<List<String>>> sheets = rows(form(id, null, false));
            assertThat(sheets.keySet()).containsExactly("Hướng dẫn", "Cơ quan", "Phiếu chấm", "Danh sách");
            List<List<String>> assessments = sheets.get("Phiếu chấm");
            List<String> keys = new ArrayList<>(List.of("agency", "assessor"));
            vocabulary.facts().forEach(f -> keys.add(f.name()));
            assertThat(assessments.get(1)).containsExactlyElementsOf(keys);
            for (int c = 2; c < keys.size(); c++) {
                Vocabulary.Fact fact = vocabulary.facts().get(c - 2);
                assertThat(assessments.get(0).get(c)).startsWith(fact.title().vi() + "\n[");
            }
            assertThat(assessments).hasSize(2); // no data rows
        }

        @Test
        @DisplayName("given bac-giang-2022, then the agencies sheet has the district a commune belongs to and the "
                + "district's record, for districts only")
        void agencyColumnsOfTheDistricts() throws IOException {
            List<List<String>> agencies = rows(form("bac-giang-2022", null, false)).get("Cơ quan");
            assertThat(agencies.get(1)).containsExactly("id", "name", "kind", "district",
                    "communeScoring.onSiteCommunes", "communeScoring.resultsSentOn", "communeScoring.resultsDeadline");
            assertThat(agencies.get(0).get(4)).contains("Các xã huyện chấm tại trụ sở xã", "chỉ cho: UBND cấp huyện");
        }

        @Test
        @DisplayName("given the two-tier guidance, then an agency is an id, a name and a kind, and the about sheet "
                + "says it is an illustration")
        void agencyColumnsWithoutDistricts() throws IOException {
            Map<String, List<List<String>>> sheets = rows(form("two-tier-2026-example", null, false));
            assertThat(sheets.get("Cơ quan").get(1)).containsExactly("id", "name", "kind");
            assertThat(sheets.get("Hướng dẫn").get(2).get(0)).contains("VÍ DỤ MINH HOẠ");
            assertThat(sheets.get("Hướng dẫn")).anySatisfy(row -> assertThat(row).startsWith(
                    "Năm đánh giá", "2026", "year"));
        }

        @Test
        @DisplayName("given a form, then its lists sheet is hidden and offers kinds, assessors, yes/no and each "
                + "choice by their titles")
        void lists() throws IOException {
            Path file = form("bac-giang-2022", null, false);
            try (ReadableWorkbook book = new ReadableWorkbook(file.toFile())) {
                assertThat(book.findSheet("Danh sách").orElseThrow().getVisibility()).isEqualTo(SheetVisibility.HIDDEN);
            }
            List<List<String>> lists = rows(file).get("Danh sách");
            assertThat(lists.get(1)).startsWith("Sở, ban, ngành", "cơ quan tự chấm", "Có");
            assertThat(lists.get(0)).contains("Judgement");
            int judgement = lists.get(0).indexOf("Judgement");
            assertThat(lists.subList(1, 4)).extracting(r -> r.get(judgement))
                    .containsExactly("Đạt", "Đạt một phần", "Không đạt");
        }

        @Test
        @DisplayName("given a form, then its sheets have drop-downs from the lists, checks of whole numbers and dates, "
                + "and frozen titles")
        void dropDownsAndChecks() throws IOException {
            Path file = form("bac-giang-2022", null, false);
            String assessments = part(file, "xl/worksheets/sheet3.xml"); // FastExcel numbers the sheets in order
            String lists = "'Danh s&#xe1;ch'!"; // the hidden sheet's name, as FastExcel escapes it
            assertThat(assessments).contains("<formula1>" + lists + "$B$2:$B$4</formula1>"); // the assessors
            assertThat(assessments).contains("type=\"list\"", "<formula1>" + lists + "$C$2:$C$3</formula1>"); // yes/no
            assertThat(assessments).contains("type=\"custom\"", "AND(ISNUMBER(", "=INT(", ">=1)"); // staffTotal ≥ 1
            assertThat(assessments).contains("ySplit=\"2\"", "state=\"frozen\"");
            String agencies = part(file, "xl/worksheets/sheet2.xml");
            assertThat(agencies).contains("<formula1>'Danh s&#xe1;ch'!$A$2:$A$5</formula1>"); // the four kinds
        }

        @Test
        @DisplayName("given --lang en, then the sheets, titles and lists are in English and the keys the same")
        void english() throws IOException {
            Map<String, List<List<String>>> sheets = rows(form("two-tier-2026-example", null, true));
            assertThat(sheets.keySet()).containsExactly("About", "Agencies", "Assessments", "Lists");
            assertThat(sheets.get("Assessments").get(1)).startsWith("agency", "assessor");
            assertThat(sheets.get("Assessments").get(0).get(0)).startsWith("Agency id");
            assertThat(sheets.get("Lists").get(1)).contains("Yes");
        }
    }

    @Nested
    @DisplayName("filled in from a request")
    final class Filled {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"docs/examples/bac-giang-2022.json", "docs/examples/two-tier-2026.json",
                "docs/examples/two-tier-2026-small.json"})
        @DisplayName("given an example request, when its form is read back in either language, then it is the same "
                + "request and scores the same, figure for figure")
        void roundTrip(String example) throws IOException {
            ScoringRequest request = Requests.read(ROOT.resolve(example));
            for (boolean english : new boolean[] {false, true}) {
                Path file = form(request.guidance(), request, english);
                ScoringRequest read = Workbooks.readRequest(file, Requests.ENGINE);
                assertThat(read).isEqualTo(request);
                assertThat(ScoringJson.writeResult(Requests.ENGINE.evaluate(read)))
                        .isEqualTo(ScoringJson.writeResult(Requests.ENGINE.evaluate(request)));
            }
        }

        @Test
        @DisplayName("given the form read from a stream (an upload), then it is the same request")
        void upload() throws IOException {
            ScoringRequest request = Requests.read(TWO_TIER);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Workbooks.writeForm(guidance(request.guidance()), request, null, false, bytes);
            try (InputStream in = new java.io.ByteArrayInputStream(bytes.toByteArray())) {
                assertThat(Workbooks.readRequest(in, Requests.ENGINE)).isEqualTo(request);
            }
        }
    }

    @Nested
    @DisplayName("on the command line")
    final class CommandLine {

        @Test
        @DisplayName("given form with a request, then it writes the workbook and says how many rows it holds")
        void form() {
            Path out = dir.resolve("bg.xlsx");
            Cli.Run run = Cli.run("form", "--guidance", "bac-giang-2022", BAC_GIANG.toString(), "--out", out.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("Đã ghi phiếu nhập liệu bac-giang-2022 vào " + out
                    + " (253 cơ quan, 293 phiếu chấm)");
            assertThat(Workbooks.readRequest(out, Requests.ENGINE)).isEqualTo(Requests.read(BAC_GIANG));
        }

        @Test
        @DisplayName("given an empty form for a year, then the about sheet holds that year")
        void emptyFormOfAYear() throws IOException {
            Path out = dir.resolve("empty.xlsx");
            Cli.Run run = Cli.run("form", "--guidance", "two-tier-2026-example", "--year", "2026", "--out",
                    out.toString(), "--lang", "en");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("wrote the data-entry form of two-tier-2026-example to " + out);
            assertThat(rows(out).get("About")).anySatisfy(r -> assertThat(r).startsWith("Assessed year", "2026"));
        }

        @Test
        @DisplayName("given wrong options, then the exit status is 64 with a line saying what is wrong, and no file")
        void usage() {
            Path out = dir.resolve("x.xlsx");
            assertThat(Cli.run("form", "--guidance", "bac-giang-2022", "--out", out.toString(), "--lang", "both")
                    .err()).contains("a form has one language");
            assertThat(Cli.run("form", "--guidance", "bac-giang-2022", "--out", dir.resolve("x.json").toString())
                    .err()).contains("--out", ".xlsx");
            assertThat(Cli.run("form", "--guidance", "nowhere-2030", "--out", out.toString()).err())
                    .contains("bac-giang-2022, two-tier-2026-example");
            assertThat(Cli.run("form", "--guidance", "bac-giang-2022", "--year", "2026", "--out", out.toString())
                    .err()).contains("2026", "2022");
            assertThat(Cli.run("form", "--guidance", "two-tier-2026-example", BAC_GIANG.toString(), "--out",
                    out.toString()).err()).contains("bac-giang-2022", "two-tier-2026-example");
            for (String[] args : List.of(
                    new String[] {"form", "--guidance", "bac-giang-2022", "--out", out.toString(), "--lang", "both"},
                    new String[] {"form", "--guidance", "nowhere-2030", "--out", out.toString()},
                    new String[] {"form", "--guidance", "two-tier-2026-example", BAC_GIANG.toString(), "--out",
                            out.toString()})) {
                assertThat(Cli.run(args).status()).isEqualTo(64);
            }
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("given a place that cannot be written, then the exit status is 1 with one line, and no stack trace")
        void cannotWrite() throws IOException {
            Path file = Files.writeString(dir.resolve("a-file"), "x");
            Cli.Run run = Cli.run("form", "--guidance", "bac-giang-2022", "--out", file.resolve("f.xlsx").toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("không ghi được").doesNotContain("Exception", "\tat ");
        }

        @Test
        @DisplayName("given the form of a request, then sample and diff print what they print for its JSON")
        void sampleAndDiff() {
            Path out = dir.resolve("tt.xlsx");
            assertThat(Cli.run("form", "--guidance", "two-tier-2026-example", TWO_TIER.toString(), "--out",
                    out.toString()).status()).isZero();
            for (List<String> command : List.of(List.of("sample", "%s", "--seed", "hạt giống 2026"),
                    List.of("diff", "%s", "--base", "two-tier-2026-example", "--with", "two-tier-2026-example"),
                    List.of("evaluate", "%s", "--lang", "en"))) {
                Cli.Run fromJson = Cli.run(command.stream().map(a -> a.equals("%s") ? TWO_TIER.toString() : a)
                        .toArray(String[]::new));
                Cli.Run fromWorkbook = Cli.run(command.stream().map(a -> a.equals("%s") ? out.toString() : a)
                        .toArray(String[]::new));
                assertThat(fromJson.status()).as(command + ": " + fromJson.err()).isZero();
                assertThat(fromWorkbook.status()).as(command + ": " + fromWorkbook.err()).isZero();
                assertThat(fromWorkbook.out().replace(out.toString(), "REQUEST"))
                        .as(command.get(0)).isEqualTo(fromJson.out().replace(TWO_TIER.toString(), "REQUEST"));
            }
        }
    }
}
