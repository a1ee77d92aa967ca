package org.isoscoring.tests.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.xlsx.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request read from a workbook as people fill it in: the same request as its JSON whatever the cells look like
 * (numbers stored as text, dates as serial numbers or text, spaces, blank rows, columns moved, a workbook written by
 * another application), and every mistake named by its sheet, cell and fact, in both languages, with no result.
 */
@DisplayName("A request read from a workbook")
final class WorkbookReadingTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final String ASSESSMENTS = "Phiếu chấm";
    static final String AGENCIES = "Cơ quan";
    static final String ABOUT = "Hướng dẫn";

    @TempDir
    static Path dir;
    static ScoringRequest example;
    static GuidanceInfo guidance;
    static Path form;

    @BeforeAll
    static void writeTheForm() throws IOException {
        example = Requests.read(EXAMPLE);
        guidance = Requests.guidanceOf(example);
        form = dir.resolve("example.xlsx");
        try (OutputStream out = Files.newOutputStream(form)) {
            Workbooks.writeForm(guidance, example, null, false, out);
        }
    }

    static ScoringRequest read(Path file) {
        return Workbooks.readRequest(file, Requests.ENGINE);
    }

    static List<Problem> problems(Path file) {
        RequestRejectedException e = catchThrowableOfType(RequestRejectedException.class, () -> read(file));
        assertThat(e).as("the workbook is rejected").isNotNull();
        return e.problems();
    }

    static Path written(EditableWorkbook book, String name) {
        return book.write(dir.resolve(name + ".xlsx"));
    }

    @Nested
    @DisplayName("as people type the cells")
    final class AsTyped {

        @Test
        @DisplayName("given the form of the example province, when it is read back, then it is the example request")
        void roundTrip() {
            assertThat(read(form)).isEqualTo(example);
        }

        @Test
        @DisplayName("given the form copied cell by cell by another writer, when it is read, then it is the same request")
        void writtenByAnotherApplication() {
            assertThat(read(written(EditableWorkbook.read(form), "copied"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given every number stored as text with spaces around it, when it is read, then it is the same request")
        void numbersAsText() {
            EditableWorkbook book = EditableWorkbook.read(form);
            book.map(ASSESSMENTS, (p, v) -> p.row() >= 2 && v instanceof BigDecimal n && !isDateColumn(book, p)
                    ? " " + n.toPlainString() + "\u00A0" : v);
            book.map(ABOUT, (p, v) -> v instanceof BigDecimal n ? n.toPlainString() + " " : v);
            assertThat(read(written(book, "numbers-as-text"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given every date typed as text dd/mm/yyyy, when it is read, then it is the same request")
        void datesAsText() {
            EditableWorkbook book = EditableWorkbook.read(form);
            DateTimeFormatter typed = DateTimeFormatter.ofPattern("dd/MM/yyyy");
            book.map(ASSESSMENTS, (p, v) -> p.row() >= 2 && v instanceof BigDecimal n && isDateColumn(book, p)
                    ? serialToDate(n).format(typed) : v);
            book.map(AGENCIES, (p, v) -> p.row() >= 2 && v instanceof BigDecimal n ? serialToDate(n).format(typed) : v);
            assertThat(read(written(book, "dates-as-text"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given dates as date cells written by another application, when it is read, then it is the same request")
        void datesAsDateCells() {
            EditableWorkbook book = EditableWorkbook.read(form);
            book.map(ASSESSMENTS, (p, v) -> p.row() >= 2 && v instanceof BigDecimal n && isDateColumn(book, p)
                    ? serialToDate(n) : v);
            assertThat(read(written(book, "date-cells"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given choices, kinds and assessors by their ids or titles in any case with spaces, then it is the same request")
        void choicesAsTyped() {
            EditableWorkbook book = EditableWorkbook.read(form);
            String assessor = book.column(ASSESSMENTS, "assessor");
            String judgement = book.column(ASSESSMENTS, "leaderInvolvement");
            book.map(ASSESSMENTS, (p, v) -> {
                String letter = EditableWorkbook.letter(p.column());
                if (p.row() < 2 || !(v instanceof String s)) {
                    return v;
                }
                if (letter.equals(assessor)) {
                    return s.equals("cơ quan tự chấm") ? "SELF" : "  " + s.toUpperCase(java.util.Locale.ROOT) + " ";
                }
                return letter.equals(judgement) ? (s.equals("Đạt") ? "Fully met" : s.toLowerCase(java.util.Locale.ROOT)) : v;
            });
            String kind = book.column(AGENCIES, "kind");
            book.map(AGENCIES, (p, v) -> p.row() >= 2 && EditableWorkbook.letter(p.column()).equals(kind)
                    && "UBND cấp xã".equals(v) ? "COMMUNE" : v);
            assertThat(read(written(book, "choices"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given blank rows between the rows and after them, when it is read, then they are skipped")
        void blankRows() {
            EditableWorkbook book = EditableWorkbook.read(form);
            book.insertBlankRow(ASSESSMENTS, 10).insertBlankRow(ASSESSMENTS, 11).insertBlankRow(AGENCIES, 5);
            book.set(ASSESSMENTS, "A5000", " ").set(AGENCIES, "B900", "");
            assertThat(read(written(book, "blank-rows"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given two columns swapped, when it is read, then each is found by its key")
        void columnsMoved() {
            EditableWorkbook book = EditableWorkbook.read(form);
            book.swapColumns(ASSESSMENTS, book.column(ASSESSMENTS, "staffTotal"), book.column(ASSESSMENTS, "isoTeam"));
            book.swapColumns(AGENCIES, "A", "C");
            assertThat(read(written(book, "moved"))).isEqualTo(example);
        }

        @Test
        @DisplayName("given the form in English, when it is read, then it is the same request")
        void english() throws IOException {
            Path english = dir.resolve("english.xlsx");
            try (OutputStream out = Files.newOutputStream(english)) {
                Workbooks.writeForm(guidance, example, null, true, out);
            }
            assertThat(EditableWorkbook.read(english).sheetNames()).startsWith("About", "Agencies", "Assessments");
            assertThat(read(english)).isEqualTo(example);
        }

        @Test
        @DisplayName("given the form, when it is scored, then the result is the JSON request's, figure for figure")
        void sameResult() {
            assertThat(ScoringJson.writeResult(Requests.ENGINE.evaluate(read(form))))
                    .isEqualTo(ScoringJson.writeResult(Requests.ENGINE.evaluate(example)));
        }
    }

    @Nested
    @DisplayName("with mistakes")
    final class Mistakes {

        @Test
        @DisplayName("given more trained staff than staff, then the problem is at the cell, with the fact, in both languages")
        void partAboveWhole() {
            EditableWorkbook book = EditableWorkbook.read(form);
            int row = book.row(ASSESSMENTS, "SO-NV", "cơ quan tự chấm");
            String total = book.column(ASSESSMENTS, "staffTotal");
            String trained = book.column(ASSESSMENTS, "staffTrained");
            book.set(ASSESSMENTS, total + row, 20).set(ASSESSMENTS, trained + row, 25);
            List<Problem> problems = problems(written(book, "part-above-whole"));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).toString(false))
                    .isEqualTo("Phiếu chấm!" + trained + row + " (staffTrained): 25 lớn hơn staffTotal (20)");
            assertThat(problems.get(0).toString(true))
                    .isEqualTo("Phiếu chấm!" + trained + row + " (staffTrained): 25 is more than staffTotal (20)");
        }

        @Test
        @DisplayName("given a word in a count, an impossible date, an unknown choice, assessor and kind, then each is named at its cell")
        void wrongValues() {
            EditableWorkbook book = EditableWorkbook.read(form);
            int row = book.row(ASSESSMENTS, "SO-NV", "cơ quan tự chấm");
            String auditors = book.column(ASSESSMENTS, "internalAuditors");
            String planned = book.column(ASSESSMENTS, "annualPlanIssuedOn");
            String leader = book.column(ASSESSMENTS, "leaderInvolvement");
            book.set(ASSESSMENTS, auditors + row, "ba").set(ASSESSMENTS, planned + row, "31/02/2022")
                    .set(ASSESSMENTS, leader + row, "Tốt lắm").set(ASSESSMENTS, "B" + row, "Thanh tra");
            int agency = book.row(AGENCIES, "SO-NV", null);
            book.set(AGENCIES, "C" + agency, "Bộ");
            List<Problem> problems = problems(written(book, "wrong-values"));
            assertThat(problems).extracting(p -> p.toString(false)).containsExactlyInAnyOrder(
                    "Cơ quan!C" + agency + ": \"Bộ\" không phải một trong \"Sở, ban, ngành\", \"UBND cấp huyện\", "
                            + "\"UBND cấp xã\", \"Đơn vị sự nghiệp công lập\"",
                    "Phiếu chấm!B" + row + ": \"Thanh tra\" không phải một trong \"cơ quan tự chấm\", \"UBND cấp huyện "
                            + "chấm tại chỗ\", \"Ban chỉ đạo ISO tỉnh thẩm định\"",
                    "Phiếu chấm!" + planned + row + " (annualPlanIssuedOn): \"31/02/2022\" không phải một ngày có thật "
                            + "(ngày lớn hơn số ngày của tháng?)",
                    "Phiếu chấm!" + leader + row + " (leaderInvolvement): \"Tốt lắm\" không phải một trong \"Đạt\", "
                            + "\"Đạt một phần\", \"Không đạt\"",
                    "Phiếu chấm!" + auditors + row + " (internalAuditors): \"ba\" không phải số nguyên");
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotEqualTo(p.messageVi()));
        }

        @Test
        @DisplayName("given a required cell left blank, then it is named as empty at its cell")
        void blankCell() {
            EditableWorkbook book = EditableWorkbook.read(form);
            int row = book.row(ASSESSMENTS, "SO-NV", "cơ quan tự chấm");
            String total = book.column(ASSESSMENTS, "staffTotal");
            book.set(ASSESSMENTS, total + row, null);
            assertThat(problems(written(book, "blank"))).extracting(p -> p.toString(true))
                    .containsExactly("Phiếu chấm!" + total + row + " (staffTotal): empty: fill it in");
        }

        @Test
        @DisplayName("given a duplicate agency id, then the message names the first row by its cell, not a JSON index")
        void duplicateAgency() {
            EditableWorkbook book = EditableWorkbook.read(form);
            int second = book.row(AGENCIES, "SO-TP", null);
            int first = book.row(AGENCIES, "SO-NV", null);
            book.set(AGENCIES, "A" + second, "SO-NV");
            assertThat(problems(written(book, "duplicate"))).extracting(p -> p.toString(false)).contains(
                    "Cơ quan!A" + second + ": mã cơ quan \"SO-NV\" bị trùng (đã có ở Cơ quan!A" + first + ")");
        }

        @Test
        @DisplayName("given a fact's column deleted, then the sheet says once that the column is missing")
        void columnMissing() {
            EditableWorkbook book = EditableWorkbook.read(form);
            String column = book.column(ASSESSMENTS, "objectiveReviews");
            book.map(ASSESSMENTS, (p, v) -> EditableWorkbook.letter(p.column()).equals(column) ? null : v);
            assertThat(problems(written(book, "no-column"))).extracting(p -> p.toString(true)).containsExactly(
                    "Phiếu chấm (objectiveReviews): no column with the key \"objectiveReviews\" (row 2): the "
                            + "guidance asks for it");
        }

        @Test
        @DisplayName("given an empty year, then the year's cell is named and nothing else is read")
        void noYear() {
            EditableWorkbook book = EditableWorkbook.read(form);
            String year = book.valueOf(ABOUT, "year");
            book.set(ABOUT, year, null);
            assertThat(problems(written(book, "no-year"))).extracting(p -> p.toString(false))
                    .containsExactly("Hướng dẫn!" + year + ": năm đánh giá đang để trống");
        }

        @Test
        @DisplayName("given a year no guidance covers, then the year's cell is named")
        void yearNotCovered() {
            EditableWorkbook book = EditableWorkbook.read(form);
            String year = book.valueOf(ABOUT, "year");
            book.set(ABOUT, year, 2019);
            assertThat(problems(written(book, "other-year"))).extracting(Problem::place)
                    .containsOnly("Hướng dẫn!" + year);
        }

        @Test
        @DisplayName("given a formula without a saved value, then it is refused at its cell: formulas are not computed")
        void formula() {
            EditableWorkbook book = EditableWorkbook.read(form);
            int row = book.row(ASSESSMENTS, "SO-NV", "cơ quan tự chấm");
            String auditors = book.column(ASSESSMENTS, "internalAuditors");
            book.set(ASSESSMENTS, auditors + row, new EditableWorkbook.Formula("1+2"));
            List<Problem> problems = problems(written(book, "formula"));
            assertThat(problems).extracting(Problem::place).containsExactly(
                    "Phiếu chấm!" + auditors + row + " (internalAuditors)");
            assertThat(problems.get(0).message()).contains("=1+2", "not computed");
        }

        @Test
        @DisplayName("given a workbook that is not a form, then it says which sheets it lacks and which it has")
        void notAForm() {
            EditableWorkbook book = EditableWorkbook.read(form).removeSheet(AGENCIES).renameSheet(ASSESSMENTS, "Sheet1");
            List<Problem> problems = problems(written(book, "not-a-form"));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).message()).contains("\"Cơ quan\" (\"Agencies\")", "\"Sheet1\"", "iso-scoring form");
        }

        @Test
        @DisplayName("given a broken form on the command line, then the exit status is 2, nothing is printed on "
                + "standard output and each problem is a line naming its cell")
        void commandLine() {
            EditableWorkbook book = EditableWorkbook.read(form);
            int row = book.row(ASSESSMENTS, "SO-NV", "cơ quan tự chấm");
            String total = book.column(ASSESSMENTS, "staffTotal");
            book.set(ASSESSMENTS, total + row, "hai mươi");
            Cli.Run run = Cli.run("evaluate", written(book, "cli").toString(), "--lang", "en");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip()).isEqualTo("Phiếu chấm!" + total + row
                    + " (staffTotal): \"hai mươi\" is not a whole number");
        }
    }

    /** Whether a cell is in a column of dates (its key names a date fact). */
    static boolean isDateColumn(EditableWorkbook book, EditableWorkbook.Place p) {
        Object key = book.get(ASSESSMENTS, EditableWorkbook.letter(p.column()) + "2");
        return key instanceof String name && guidance.vocabulary().fact(name)
                .map(f -> f.type() == org.isoscoring.api.Vocabulary.Type.DATE).orElse(false);
    }

    static LocalDate serialToDate(BigDecimal serial) {
        return LocalDate.of(1899, 12, 30).plusDays(serial.longValue());
    }
}
