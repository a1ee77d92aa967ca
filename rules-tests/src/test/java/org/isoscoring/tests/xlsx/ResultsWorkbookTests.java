package org.isoscoring.tests.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.xlsx.Workbooks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The results workbook ({@code Workbooks.writeResults}, {@code evaluate --xlsx}), read back with FastExcel's reader
 * and checked figure for figure against the result it was written from, for both bundled example requests.
 */
@DisplayName("The results workbook holds every figure of the result, as numbers, stamped, in either language")
class ResultsWorkbookTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final String BAC_GIANG = "bac-giang-2022.json";
    static final String TWO_TIER = "two-tier-2026.json";
    /** Rows above the data of every data sheet: the stamp, the header. */
    static final int TOP = 2;

    /** A request scored, with the guidance that scored it. */
    record Scored(ScoringRequest request, ScoringResult result, GuidanceInfo guidance) {

        Book book(boolean english) {
            return Book.of(bytes(english));
        }

        byte[] bytes(boolean english) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbooks.writeResults(request, result, guidance, english, out);
            return out.toByteArray();
        }
    }

    private static final Map<String, Scored> SCORED = new ConcurrentHashMap<>();

    static Scored scored(String example) {
        return SCORED.computeIfAbsent(example, e -> {
            ScoringRequest request = Requests.read(ROOT.resolve("docs/examples").resolve(e));
            ScoringResult result = Requests.ENGINE.evaluate(request);
            return new Scored(request, result, Requests.guidanceOf(request));
        });
    }

    /** A workbook read back: its sheets' rows by name in order, and the text of its parts (XML) by name. */
    record Book(Map<String, List<Row>> sheets, Map<String, String> parts) {

        static Book of(byte[] bytes) {
            Map<String, List<Row>> sheets = new LinkedHashMap<>();
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
                for (Sheet sheet : workbook.getSheets().toList()) {
                    sheets.put(sheet.getName(), sheet.read());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // FastExcel writes its entries' sizes after them, which ZipInputStream cannot read: a ZipFile reads the
            // central directory instead
            Map<String, String> parts = new HashMap<>();
            try {
                Path file = Files.createTempFile("results", ".xlsx");
                try {
                    Files.write(file, bytes);
                    try (ZipFile zip = new ZipFile(file.toFile())) {
                        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                } finally {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Book(sheets, parts);
        }

        List<Row> rows(String sheet) {
            assertThat(sheets).as("sheets").containsKey(sheet);
            return sheets.get(sheet);
        }

        /** The data rows of a sheet, below its stamp and header. */
        List<Row> data(String sheet) {
            List<Row> rows = rows(sheet);
            return rows.subList(Math.min(TOP, rows.size()), rows.size());
        }

        /** The header of a sheet, as texts. */
        List<String> header(String sheet) {
            Row header = rows(sheet).get(1);
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < header.getCellCount(); c++) {
                texts.add(header.getCellText(c));
            }
            return texts;
        }

        /** The XML of a sheet, found through the workbook's relationships. */
        String xml(String sheet) {
            Matcher m = Pattern.compile("<sheet name=\"([^\"]*)\" r:id=\"(rId\\d+)\"")
                    .matcher(parts.get("xl/workbook.xml"));
            while (m.find()) {
                if (unescape(m.group(1)).equals(sheet)) {
                    String id = m.group(2);
                    Matcher target = Pattern.compile("Id=\"" + id + "\"[^>]*Target=\"([^\"]+)\""
                            + "|Target=\"([^\"]+)\"[^>]*Id=\"" + id + "\"")
                            .matcher(parts.get("xl/_rels/workbook.xml.rels"));
                    assertThat(target.find()).as("relationship of " + sheet).isTrue();
                    String path = target.group(1) != null ? target.group(1) : target.group(2);
                    return parts.get(path.startsWith("/") ? path.substring(1) : "xl/" + path);
                }
            }
            throw new AssertionError("no sheet " + sheet);
        }

        /** The fill colour (ARGB, upper case) of a cell of a sheet, or "" when it has none (or is not written). */
        String fill(String sheet, String ref) {
            Matcher c = Pattern.compile("<c r=\"" + ref + "\"( s=\"(\\d+)\")?").matcher(xml(sheet));
            if (!c.find() || c.group(2) == null) {
                return "";
            }
            String styles = parts.get("xl/styles.xml");
            List<String> xfs = elements(section(styles, "cellXfs"), "xf");
            Matcher fillId = Pattern.compile("fillId=\"(\\d+)\"").matcher(xfs.get(Integer.parseInt(c.group(2))));
            if (!fillId.find()) {
                return "";
            }
            String fill = elements(section(styles, "fills"), "fill").get(Integer.parseInt(fillId.group(1)));
            Matcher rgb = Pattern.compile("fgColor rgb=\"([0-9A-Fa-f]+)\"").matcher(fill);
            return rgb.find() ? rgb.group(1).toUpperCase(java.util.Locale.ROOT) : "";
        }

        private static String section(String xml, String name) {
            int start = xml.indexOf("<" + name);
            return xml.substring(start, xml.indexOf("</" + name + ">", start));
        }

        private static List<String> elements(String xml, String name) {
            List<String> found = new ArrayList<>();
            Matcher m = Pattern.compile("<" + name + "[ >/].*?(?:/>|</" + name + ">)").matcher(xml);
            while (m.find()) {
                found.add(m.group());
            }
            return found;
        }

        private static String unescape(String xml) {
            Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String character = Character.toString(Integer.parseInt(m.group(1), 16));
                m.appendReplacement(out, Matcher.quoteReplacement(character));
            }
            return m.appendTail(out).toString().replace("&amp;", "&");
        }
    }

    static Cell cell(Row row, int column) {
        return row.getOptionalCell(column).orElseThrow(() -> new AssertionError("row " + row.getRowNum()
                + " has no cell " + column));
    }

    /** A numeric cell's value; fails when the cell is not a number. */
    static BigDecimal number(Row row, int column) {
        Cell cell = cell(row, column);
        assertThat(cell.getType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMBER);
        return cell.asNumber();
    }

    static String text(Row row, int column) {
        return row.getCellText(column);
    }

    /** Excel's name of a column (0 → A, 26 → AA). */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    static String title(Vocabulary vocabulary, String kind, boolean english) {
        return vocabulary.kind(kind).orElseThrow().title().text(english);
    }

    @Nested
    @DisplayName("the ranking")
    class Ranking {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {BAC_GIANG, TWO_TIER})
        @DisplayName("given an example, then every agency is ranked with its final total, rating and final "
                + "assessment, equal totals sharing a rank")
        void everyAgency(String example) {
            Scored s = scored(example);
            Vocabulary vocabulary = s.guidance().vocabulary();
            Map<String, String> kinds = s.request().agencies().stream()
                    .collect(Collectors.toMap(a -> a.id(), a -> a.kind()));

            List<Row> rows = s.book(false).data("Xếp hạng");

            assertThat(rows).hasSize(s.result().agencies().size());
            BigDecimal previous = null;
            for (Row row : rows) {
                AgencyResult a = s.result().agency(text(row, 1)).orElseThrow();
                long above = s.result().agencies().stream().filter(o -> o.total().compareTo(a.total()) > 0).count();
                assertThat(number(row, 0)).as(a.agency()).isEqualByComparingTo(BigDecimal.valueOf(above + 1));
                assertThat(text(row, 3)).isEqualTo(title(vocabulary, kinds.get(a.agency()), false));
                assertThat(text(row, 4)).isEqualTo(vocabulary.assessor(a.finalAssessor()).orElseThrow().title().vi());
                assertThat(number(row, 5)).as(a.agency()).isEqualByComparingTo(a.total());
                assertThat(text(row, 6)).isEqualTo(vocabulary.rating(a.rating()).orElseThrow().title().vi());
                assertThat(text(row, 7)).isEqualTo(a.rating());
                if (previous != null) {
                    assertThat(a.total()).isLessThanOrEqualTo(previous);
                }
                previous = a.total();
            }
            assertThat(rows.stream().map(r -> text(r, 1))).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("the scores")
    class Scores {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {BAC_GIANG, TWO_TIER})
        @DisplayName("given an example, then each assessment has a row, in the request's order, with every "
                + "sub-criterion's points under a header of its id and maximum, its subtotal, penalty, total and "
                + "rating")
        void everyAssessment(String example) {
            Scored s = scored(example);
            List<Criterion> subCriteria = s.guidance().subCriteria();
            Book book = s.book(false);

            List<String> header = book.header("Bảng điểm");
            List<Row> rows = book.data("Bảng điểm");

            int first = 4;
            for (int i = 0; i < subCriteria.size(); i++) {
                Criterion c = subCriteria.get(i);
                assertThat(header.get(first + i)).isEqualTo(c.id() + " (" + c.max().stripTrailingZeros().toPlainString()
                        + ")");
            }
            int subtotal = first + subCriteria.size();
            assertThat(header.subList(subtotal, subtotal + 5))
                    .containsExactly("Điểm các tiêu chí", "Trừ điểm", "Tổng điểm", "Xếp loại", "Mã xếp loại");
            assertThat(rows).hasSize(s.result().assessments().size());
            for (int r = 0; r < rows.size(); r++) {
                AssessmentResult a = s.result().assessments().get(r);
                Row row = rows.get(r);
                assertThat(text(row, 0)).isEqualTo(a.agency());
                assertThat(text(row, 3)).isEqualTo(s.guidance().vocabulary().assessor(a.assessor()).orElseThrow()
                        .title().vi());
                for (int i = 0; i < subCriteria.size(); i++) {
                    assertThat(number(row, first + i)).as("%s %s %s", a.agency(), a.assessor(), subCriteria.get(i).id())
                            .isEqualByComparingTo(a.points().get(subCriteria.get(i).id()));
                }
                assertThat(number(row, subtotal)).isEqualByComparingTo(a.subtotal());
                assertThat(number(row, subtotal + 1)).isEqualByComparingTo(a.penalty());
                assertThat(number(row, subtotal + 2)).isEqualByComparingTo(a.total());
                assertThat(text(row, subtotal + 4)).isEqualTo(a.rating());
            }
            assertThat(s.result().assessments()).as("the example takes a penalty somewhere")
                    .anySatisfy(a -> assertThat(a.penalty()).isPositive());
        }

        @Test
        @DisplayName("given the header of a sub-criterion, then its comment gives the sub-criterion's title")
        void titlesInComments() {
            Scored s = scored(BAC_GIANG);
            Book book = s.book(false);
            String comments = book.parts().entrySet().stream().filter(e -> e.getKey().startsWith("xl/comments"))
                    .map(Map.Entry::getValue).collect(Collectors.joining());
            for (Criterion c : s.guidance().subCriteria()) {
                assertThat(Book.unescape(comments)).contains(c.id() + " " + c.title().vi()
                        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"));
            }
        }
    }

    @Nested
    @DisplayName("the reasons")
    class Reasons {

        @ParameterizedTest(name = "{0}, English: {1}")
        @CsvSource({BAC_GIANG + ",false", TWO_TIER + ",true"})
        @DisplayName("given an example, then each explanation has a row with its points, maximum, rule and reason "
                + "in the workbook's language")
        void everyExplanation(String example, boolean english) {
            Scored s = scored(example);

            List<Row> rows = s.book(english).data(english ? "Reasons" : "Lý do");

            List<String[]> expected = new ArrayList<>();
            List<BigDecimal[]> points = new ArrayList<>();
            for (AssessmentResult a : s.result().assessments()) {
                for (Explanation e : a.explanations()) {
                    expected.add(new String[] {a.agency(), e.criterion(), e.rule(), e.reason(english)});
                    points.add(new BigDecimal[] {e.points(), e.max()});
                }
            }
            assertThat(rows).hasSize(expected.size()).hasSize(s.result().assessments().size()
                    * s.guidance().subCriteria().size());
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                String[] e = expected.get(r);
                assertThat(List.of(text(row, 0), text(row, 2), text(row, 5), text(row, 6)))
                        .as("row %d", r + TOP + 1).containsExactly(e);
                assertThat(number(row, 3)).isEqualByComparingTo(points.get(r)[0]);
                assertThat(number(row, 4)).isEqualByComparingTo(points.get(r)[1]);
            }
        }

        @Test
        @DisplayName("given a limit of 1,000 rows a sheet, when the example's 9,000 reasons are written, then they "
                + "continue on Lý do (2), (3), … in order, and the sheets after them follow")
        void continuedSheets() throws Exception {
            Scored s = scored(BAC_GIANG);
            Class<?> type = Class.forName("org.isoscoring.xlsx.ResultsWorkbook");
            Constructor<?> make = type.getDeclaredConstructor(ScoringRequest.class, ScoringResult.class,
                    GuidanceInfo.class, boolean.class, int.class);
            make.setAccessible(true);
            Object writer = make.newInstance(s.request(), s.result(), s.guidance(), false, 1_000);
            var write = type.getDeclaredMethod("write", OutputStream.class);
            write.setAccessible(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            write.invoke(writer, out);

            Book book = Book.of(out.toByteArray());
            int reasons = s.result().assessments().stream().mapToInt(a -> a.explanations().size()).sum();
            int sheets = (reasons + 997) / 998;
            List<String> names = new ArrayList<>(book.sheets().keySet());
            List<String> expected = new ArrayList<>(List.of("Xếp hạng", "Bảng điểm", "Lý do"));
            for (int n = 2; n <= sheets; n++) {
                expected.add("Lý do (" + n + ")");
            }
            expected.addAll(List.of("Cấp huyện", "Thông tin"));
            assertThat(names).containsExactlyElementsOf(expected);
            List<String> criteria = new ArrayList<>();
            for (String name : expected.subList(2, 2 + sheets)) {
                assertThat(book.rows(name)).hasSizeLessThanOrEqualTo(1_000);
                assertThat(book.header(name).get(0)).isEqualTo("Mã cơ quan");
                book.data(name).forEach(r -> criteria.add(text(r, 0) + " " + text(r, 2)));
            }
            List<String> wanted = new ArrayList<>();
            s.result().assessments().forEach(a -> a.explanations().forEach(e -> wanted.add(a.agency() + " "
                    + e.criterion())));
            assertThat(criteria).containsExactlyElementsOf(wanted);
        }
    }

    @Nested
    @DisplayName("the group figures")
    class Groups {

        @Test
        @DisplayName("given the Bắc Giang example, then Cấp huyện has a row per district with every figure, and a "
                + "figure below the one it should reach is filled red")
        void districts() {
            Scored s = scored(BAC_GIANG);
            Vocabulary.Group group = s.guidance().vocabulary().group("districts").orElseThrow();
            Book book = s.book(false);

            List<Row> rows = book.data("Cấp huyện");
            List<String> header = book.header("Cấp huyện");

            List<GroupReport> reports = s.result().group("districts");
            assertThat(rows).hasSize(reports.size()).isNotEmpty();
            for (int i = 0; i < group.figures().size(); i++) {
                assertThat(header.get(2 + i)).isEqualTo(group.figures().get(i).title().vi());
            }
            int findings = 0;
            for (int r = 0; r < rows.size(); r++) {
                GroupReport report = reports.get(r);
                Row row = rows.get(r);
                assertThat(text(row, 0)).isEqualTo(report.agency());
                for (int i = 0; i < group.figures().size(); i++) {
                    Vocabulary.Figure f = group.figures().get(i);
                    assertFigure(row, 2 + i, report.figure(f.name()));
                    String ref = columnName(2 + i) + (TOP + r + 1);
                    boolean finding = f.atLeast() != null && report.count(f.name()) < report.count(f.atLeast())
                            || report.figure(f.name()) instanceof BigDecimal d && d.signum() > 0;
                    assertThat(book.fill("Cấp huyện", ref)).as("%s %s", report.agency(), f.name())
                            .isEqualTo(finding ? "FFFFC7CE" : "");
                    findings += f.atLeast() != null && finding ? 1 : 0;
                }
            }
            assertThat(findings).as("the example has a district short of a figure").isPositive();
        }

        @Test
        @DisplayName("given the two-tier example, then the province's appraisal is a figure and value row each, "
                + "with a note on a figure short of the one it should reach")
        void province() {
            Scored s = scored(TWO_TIER);
            Vocabulary.Group group = s.guidance().vocabulary().group("province").orElseThrow();
            GroupReport report = s.result().group("province").get(0);

            for (boolean english : new boolean[] {false, true}) {
                String name = english ? "The province" : "Toàn tỉnh";
                List<Row> rows = s.book(english).data(name);

                assertThat(rows).hasSize(group.figures().size());
                for (int i = 0; i < rows.size(); i++) {
                    Vocabulary.Figure f = group.figures().get(i);
                    Row row = rows.get(i);
                    assertThat(text(row, 0)).isEqualTo(f.title().text(english));
                    assertFigure(row, 1, report.figure(f.name()));
                    assertThat(text(row, 3)).isEqualTo(f.name());
                    if (f.atLeast() != null) {
                        boolean shortOf = report.count(f.name()) < report.count(f.atLeast());
                        assertThat(text(row, 2)).contains(shortOf ? english ? "short" : "thiếu"
                                : english ? "at least" : "cần ít nhất");
                    }
                }
            }
        }

        static void assertFigure(Row row, int column, Object value) {
            if (value instanceof Integer n) {
                assertThat(number(row, column)).isEqualByComparingTo(BigDecimal.valueOf(n));
            } else if (value instanceof BigDecimal d) {
                assertThat(number(row, column)).isEqualByComparingTo(d);
            } else {
                assertThat(value).isInstanceOf(List.class);
                assertThat(text(row, column)).isEqualTo(((List<?>) value).stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    @Nested
    @DisplayName("the stamp, the language and the layout")
    class StampAndLayout {

        @ParameterizedTest(name = "{0}, English: {1}")
        @CsvSource({BAC_GIANG + ",false", BAC_GIANG + ",true", TWO_TIER + ",false", TWO_TIER + ",true"})
        @DisplayName("given an example, then its sheets are named in the language, every data sheet opens with the "
                + "guidance id and rules hash, the About sheet and the workbook's properties carry them too")
        void stamped(String example, boolean english) {
            Scored s = scored(example);
            ScoringResult result = s.result();
            String group = s.guidance().vocabulary().groups().get(0).title().text(english);

            Book book = s.book(english);

            List<String> names = english ? List.of("Ranking", "Scores", "Reasons", group, "About")
                    : List.of("Xếp hạng", "Bảng điểm", "Lý do", group, "Thông tin");
            assertThat(book.sheets().keySet()).containsExactlyElementsOf(names);
            for (String name : names.subList(0, 4)) {
                assertThat(text(book.rows(name).get(0), 0)).as(name).contains(result.guidance())
                        .contains(result.rulesHash()).contains("iso-scoring");
            }
            Map<String, String> about = new LinkedHashMap<>();
            for (Row row : book.data(names.get(4))) {
                about.put(text(row, 0), text(row, 1));
            }
            assertThat(about.values()).contains("iso-scoring", result.guidance(), result.rulesHash(),
                    s.guidance().title());
            assertThat(about).containsEntry(english ? "Assessments" : "Số phiếu chấm",
                    String.valueOf(result.assessments().size()));
            if (s.guidance().notice() != null) {
                assertThat(about.values()).contains(s.guidance().notice().text(english));
                assertThat(text(book.rows(names.get(0)).get(0), 0)).contains(s.guidance().notice().text(english));
            }
            assertThat(book.header(names.get(0))).startsWith(english ? "Rank" : "Hạng");
            String custom = Book.unescape(book.parts().get("docProps/custom.xml"));
            assertThat(custom).contains("name=\"guidance\"><vt:lpwstr>" + result.guidance() + "<")
                    .contains("name=\"rulesHash\"><vt:lpwstr>" + result.rulesHash() + "<");
            assertThat(Book.unescape(book.parts().get("docProps/core.xml"))).contains(result.rulesHash());
        }

        @Test
        @DisplayName("given a workbook, then every sheet freezes its stamp and header rows and filters its table "
                + "from the header")
        void frozenAndFiltered() {
            Scored s = scored(BAC_GIANG);
            Book book = s.book(false);
            for (String name : book.sheets().keySet()) {
                String xml = book.xml(name);
                assertThat(xml).as(name).containsPattern("<pane [^>]*ySplit=\"2\"[^>]*state=\"frozen\"")
                        .containsPattern("<autoFilter ref=\"A2:[A-Z]+" + book.rows(name).size() + "\"");
            }
            assertThat(book.xml("Bảng điểm")).containsPattern("<pane xSplit=\"2\"");
        }

        @Test
        @DisplayName("given a workbook, then the stream it was written to is left open")
        void streamLeftOpen() {
            Scored s = scored(TWO_TIER);
            boolean[] closed = {false};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }

                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            Workbooks.writeResults(s.request(), s.result(), s.guidance(), false, out);

            assertThat(closed[0]).isFalse();
            assertThat(Book.of(bytes.toByteArray()).sheets()).hasSize(5);
        }
    }

    @Nested
    @DisplayName("evaluate --xlsx")
    class Command {

        @Test
        @DisplayName("given the Bắc Giang example, when evaluate writes the workbook, then it says so and the "
                + "workbook holds the result; with --lang en, in English")
        void writes(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("kết quả.xlsx");
            Run run = Cli.run("evaluate", ROOT.resolve("docs/examples").resolve(BAC_GIANG).toString(),
                    "--xlsx", file.toString());

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("Đã ghi bảng kết quả vào " + file);
            Book book = Book.of(Files.readAllBytes(file));
            Scored s = scored(BAC_GIANG);
            assertThat(book.data("Xếp hạng")).hasSize(s.result().agencies().size());
            assertThat(book.data("Bảng điểm")).hasSize(s.result().assessments().size());
            try (var listing = Files.list(dir)) {
                assertThat(listing).as("no temporary file left").containsExactly(file);
            }

            Run english = Cli.run("evaluate", ROOT.resolve("docs/examples").resolve(TWO_TIER).toString(),
                    "--xlsx", file.toString(), "--lang", "en");

            assertThat(english.status()).as(english.err()).isZero();
            assertThat(english.out().strip()).isEqualTo("wrote the results workbook to " + file);
            assertThat(Book.of(Files.readAllBytes(file)).sheets().keySet()).containsExactly("Ranking", "Scores",
                    "Reasons", "The province", "About");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"--json", "--explain", "--html"})
        @DisplayName("given --xlsx with an output it cannot go with, then evaluate refuses with exit 64 and writes "
                + "nothing")
        void refusesCombinations(String other, @TempDir Path dir) {
            Path file = dir.resolve("out.xlsx");
            List<String> args = new ArrayList<>(List.of("evaluate", ROOT.resolve("docs/examples").resolve(TWO_TIER)
                    .toString(), "--xlsx", file.toString(), other));
            if (!other.equals("--json")) {
                args.add(other.equals("--explain") ? "SO-XD" : dir.resolve("pages").toString());
            }

            Run run = Cli.run(args.toArray(String[]::new));

            assertThat(run.status()).isEqualTo(64);
            assertThat(run.err()).contains("không dùng --xlsx cùng " + other);
            assertThat(file).doesNotExist();
            assertThat(dir.resolve("pages")).doesNotExist();
        }

        @Test
        @DisplayName("given a folder as --xlsx, then evaluate refuses with exit 64; given a folder that does not "
                + "exist, then it fails with one line naming it, exit 1, and no stack trace")
        void unwritable(@TempDir Path dir) {
            String request = ROOT.resolve("docs/examples").resolve(TWO_TIER).toString();

            Run folder = Cli.run("evaluate", request, "--xlsx", dir.toString(), "--lang", "en");
            Path missing = dir.resolve("no-such-folder").resolve("out.xlsx");
            Run nowhere = Cli.run("evaluate", request, "--xlsx", missing.toString());

            assertThat(folder.status()).isEqualTo(64);
            assertThat(folder.err()).contains("--xlsx: " + dir + " is a folder, not a file");
            assertThat(nowhere.status()).isEqualTo(1);
            assertThat(nowhere.err().lines()).hasSize(1).first().asString()
                    .startsWith("không ghi được bảng kết quả vào " + missing + ": ")
                    .contains(missing.getParent().toString());
            assertThat(nowhere.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(nowhere.out()).isEmpty();
        }
    }
}
