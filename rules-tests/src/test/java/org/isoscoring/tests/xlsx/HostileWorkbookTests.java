package org.isoscoring.tests.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.xlsx.Workbooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile workbooks of {@link HostileWorkbooks} (docs/hostile-workbooks.md), each scored through the library
 * ({@link Workbooks#readRequest}) and the command line ({@code evaluate FILE}): refused with the place or the limit it
 * passes, in English and Vietnamese; exit 2, nothing on standard output, no stack trace. A timeout of a minute only
 * guards against a hang: the times observed are written to target/hostile-workbook-times.txt, not asserted.
 */
@DisplayName("Hostile workbooks are refused cleanly, each with its place or its limit")
class HostileWorkbookTests {

    /** Not a limit of the reader: a guard, so that a hang fails the test instead of the build. */
    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final String ASSESSMENTS = "Phiếu chấm";
    private static final String AGENCIES = "Cơ quan";
    /** The cell of the first assessment's first count, staffTotal. */
    private static final String FACT = ASSESSMENTS + "!" + HostileWorkbooks.FACT_CELL + " (staffTotal)";
    private static final String NAME = AGENCIES + "!" + HostileWorkbooks.AGENCY_NAME;

    @TempDir
    static Path folder;
    private static final Map<String, Path> made = new ConcurrentHashMap<>();
    private static final Map<String, String> times = new ConcurrentSkipListMap<>();

    private static Path hostile(String name) {
        return made.computeIfAbsent(name, n -> HostileWorkbooks.make(folder, n));
    }

    @AfterAll
    static void writeTimes() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            StringBuilder text = new StringBuilder();
            times.forEach((name, time) -> text.append(String.format("%-32s %s%n", name, time)));
            Files.writeString(target.resolve("hostile-workbook-times.txt"), text, StandardCharsets.UTF_8);
        }
    }

    /**
     * Scores the hostile file through the library and the command line; each refuses it with a problem at
     * {@code place} whose messages contain {@code english} and {@code vietnamese}.
     */
    private static void refused(String name, String place, String english, String vietnamese) {
        Path file = hostile(name);
        long start = System.nanoTime();
        RequestRejectedException rejected = assertTimeoutPreemptively(GUARD, () -> assertThrows(
                RequestRejectedException.class, () -> Workbooks.readRequest(file, Requests.ENGINE)));
        long library = System.nanoTime() - start;
        assertThat(rejected.problems()).as(name).isNotEmpty().allSatisfy(HostileWorkbookTests::clean)
                .anySatisfy(p -> {
                    assertThat(p.place()).isEqualTo(place);
                    assertThat(p.message()).contains(english);
                    assertThat(p.messageVi()).contains(vietnamese);
                });

        start = System.nanoTime();
        Run run = assertTimeoutPreemptively(GUARD, () -> Cli.run("evaluate", file.toString()));
        long cli = System.nanoTime() - start;
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotStartWith("\t").doesNotStartWith(" "));
        assertThat(run.err().lines()).anySatisfy(line -> assertThat(line)
                .startsWith(place.isEmpty() ? "" : place + ": ").contains(vietnamese));
        times.put(name, String.format("library %5d ms, command line %5d ms", library / 1_000_000, cli / 1_000_000));
    }

    /** A problem in both languages, neither empty, the two different, no Java class or stack in either. */
    private static void clean(Problem p) {
        assertThat(p.message()).isNotBlank().isNotEqualTo(p.messageVi()).doesNotContain("Exception")
                .doesNotContain("\n").doesNotContain("at org.");
        assertThat(p.messageVi()).isNotBlank().doesNotContain("Exception").doesNotContain("\n");
    }

    @Nested
    @DisplayName("zip bombs and sizes")
    class Sizes {

        @Test
        @DisplayName("given a sheet that unpacks to 300 MiB from 0.5 MB, when scored, then it is refused at the "
                + "256 MiB limit of a part, naming the part")
        void onePart() {
            refused("zip-bomb-one-part.xlsx", "", "unpacks to more than 256 MiB in its part xl/worksheets/sheet3.xml, "
                    + "the limit", "giải nén ra hơn 256 MiB ở phần xl/worksheets/sheet3.xml, quá giới hạn");
        }

        @Test
        @DisplayName("given three extra parts of 200 MiB each, when scored, then it is refused at the 512 MiB limit "
                + "of the whole")
        void allParts() {
            refused("zip-bomb-all-parts.xlsx", "", "unpacks to more than 512 MiB, the limit",
                    "giải nén ra hơn 512 MiB, quá giới hạn");
        }

        @Test
        @DisplayName("given 1,213 parts, when scored, then it is refused at the limit of 1,000 parts")
        void manyParts() {
            refused("too-many-parts.xlsx", "", "more than 1000 parts, the limit", "hơn 1000 phần, quá giới hạn");
        }

        @Test
        @DisplayName("given a file of 65 MiB, when scored, then it is refused at the 64 MiB limit before it is "
                + "unpacked")
        void tooLarge() {
            refused("larger-than-64-mib.xlsx", "", "larger than 64 MiB, the limit", "lớn hơn giới hạn 64 MiB");
        }
    }

    @Nested
    @DisplayName("entity expansion and external entities")
    class Entities {

        private static final String DOCTYPE = "declares a document type or entities, which a workbook never needs";
        private static final String DOCTYPE_VI = "khai báo kiểu tài liệu hoặc thực thể (entity)";

        @Test
        @DisplayName("given an external entity in the shared strings, when scored, then the part is refused before "
                + "it is parsed")
        void sharedStrings() {
            refused("xxe-shared-strings.xlsx", "", "the part xl/sharedStrings.xml " + DOCTYPE,
                    "phần xl/sharedStrings.xml " + DOCTYPE_VI);
        }

        @Test
        @DisplayName("given an external entity in a sheet, when scored, then the sheet's part is refused")
        void sheet() {
            refused("xxe-sheet.xlsx", "", "the part xl/worksheets/sheet2.xml " + DOCTYPE,
                    "phần xl/worksheets/sheet2.xml " + DOCTYPE_VI);
        }

        @Test
        @DisplayName("given the external entity in a part encoded in UTF-16, when scored, then it is refused as in "
                + "UTF-8")
        void utf16() {
            refused("xxe-utf16.xlsx", "", "the part xl/sharedStrings.xml " + DOCTYPE,
                    "phần xl/sharedStrings.xml " + DOCTYPE_VI);
        }

        @Test
        @DisplayName("given the billion laughs, when scored, then the sheet's part is refused, nothing expanded")
        void billionLaughs() {
            refused("billion-laughs.xlsx", "", "the part xl/worksheets/sheet3.xml " + DOCTYPE,
                    "phần xl/worksheets/sheet3.xml " + DOCTYPE_VI);
        }
    }

    @Nested
    @DisplayName("rows and cells")
    class RowsAndCells {

        @Test
        @DisplayName("given a million assessments, when scored, then the sheet is refused at the limit of 200,000 "
                + "rows with values")
        void millionRows() {
            refused("million-rows.xlsx", ASSESSMENTS, "more than 200000 rows with values, the limit",
                    "hơn 200000 dòng có dữ liệu, quá giới hạn");
        }

        @Test
        @DisplayName("given 199,000 rows of 41 cells (under the limits of bytes and rows), when scored, then the "
                + "sheet is refused at the limit of 2,000,000 cells with values, before memory runs out")
        void wideRows() {
            refused("wide-rows.xlsx", ASSESSMENTS, "more than 2000000 cells with values in the sheets of agencies and "
                    + "assessments, the limit", "hơn 2000000 ô có dữ liệu trong các sheet cơ quan và phiếu chấm, quá "
                    + "giới hạn");
        }

        @Test
        @DisplayName("given 5,000 assessments of agencies that do not exist, when scored, then the first 1,000 "
                + "problems are listed, and a last line says there are more")
        void manyProblems() {
            refused("many-problems.xlsx", "", "more than 1000 problems, the limit: the first 1000 are listed",
                    "hơn 1000 lỗi, quá giới hạn: chỉ liệt kê 1000 lỗi đầu");
            RequestRejectedException rejected = assertThrows(RequestRejectedException.class,
                    () -> Workbooks.readRequest(hostile("many-problems.xlsx"), Requests.ENGINE));
            assertThat(rejected.problems()).hasSize(Workbooks.MAX_PROBLEMS + 1);
            assertThat(rejected.problems().get(0).place()).startsWith(ASSESSMENTS + "!");
            Run run = Cli.run("evaluate", hostile("many-problems.xlsx").toString());
            assertThat(run.err().lines()).hasSize(Workbooks.MAX_PROBLEMS + 1);
        }

        @Test
        @DisplayName("given two million empty rows, when scored, then the sheet is refused at 1,048,576 rows, a "
                + "spreadsheet's own limit")
        void twoMillionEmptyRows() {
            refused("two-million-empty-rows.xlsx", ASSESSMENTS, "more than 1048576 rows, which no spreadsheet has",
                    "hơn 1048576 dòng, điều không bảng tính nào có");
        }

        @Test
        @DisplayName("given a shared string of 3 MiB, when scored, then its part is refused at the 1 MiB run")
        void megabytesSharedString() {
            refused("megabytes-shared-string.xlsx", "", "the part xl/sharedStrings.xml has a text or a tag longer "
                    + "than 1 MiB, the limit (a cell holds at most 10000 characters)", "phần xl/sharedStrings.xml có "
                    + "một đoạn văn bản hoặc thẻ dài hơn 1 MiB, quá giới hạn (một ô chứa tối đa 10000 ký tự)");
        }

        @Test
        @DisplayName("given an inline string of 3 MiB, when scored, then the sheet's part is refused at the 1 MiB run")
        void megabytesInlineString() {
            refused("megabytes-inline-string.xlsx", "", "the part xl/worksheets/sheet2.xml has a text or a tag longer "
                    + "than 1 MiB", "phần xl/worksheets/sheet2.xml có một đoạn văn bản hoặc thẻ dài hơn 1 MiB");
        }

        @Test
        @DisplayName("given a cell of 4 MiB in runs under 1 MiB, when scored, then its cell is refused at the limit "
                + "of 10,000 characters")
        void megabytesRichText() {
            refused("megabytes-rich-text.xlsx", NAME, "a text of 4000000 characters, more than 10000, the limit",
                    "đoạn văn bản dài 4000000 ký tự, quá giới hạn 10000");
        }

        @Test
        @DisplayName("given a cell of 20,000 characters, when scored, then its cell is refused at the limit of "
                + "10,000 characters")
        void longCell() {
            refused("long-cell.xlsx", NAME, "a text of 20000 characters, more than 10000, the limit",
                    "đoạn văn bản dài 20000 ký tự, quá giới hạn 10000");
        }

        @Test
        @DisplayName("given the form with a million empty formatted rows after its data, when scored, then it is "
                + "read as the form itself: blank rows are skipped")
        void millionFormattedRows() {
            Path file = hostile("million-formatted-rows.xlsx");
            ScoringRequest read = assertTimeoutPreemptively(GUARD, () -> Workbooks.readRequest(file, Requests.ENGINE));
            assertThat(read).isEqualTo(genuine());
            Run run = assertTimeoutPreemptively(GUARD, () -> Cli.run("evaluate", file.toString()));
            assertThat(run.status()).as(run.err()).isZero();
        }
    }

    @Nested
    @DisplayName("formulas and error values (the about sheet: formulas are not computed, their saved value is read)")
    class Formulas {

        @Test
        @DisplayName("given a formula =2*2 whose saved value is 172, when scored, then 172 is read: the saved value, "
                + "the formula not computed")
        void savedValue() {
            Path file = hostile("formula-with-value.xlsx");
            ScoringRequest read = assertTimeoutPreemptively(GUARD, () -> Workbooks.readRequest(file, Requests.ENGINE));
            assertThat(read.assessments().get(0).facts().get("staffTotal")).isEqualTo(172);
            assertThat(read).isEqualTo(genuine());
            Run run = assertTimeoutPreemptively(GUARD, () -> Cli.run("evaluate", file.toString()));
            assertThat(run.status()).as(run.err()).isZero();
        }

        @Test
        @DisplayName("given a formula with no saved value, when scored, then its cell is refused, with the formula")
        void noSavedValue() {
            refused("formula-without-value.xlsx", FACT, "a formula (=170+2) with no value saved: formulas are not "
                    + "computed here", "công thức (=170+2) chưa có giá trị được lưu: chương trình không tính công thức");
        }

        @Test
        @DisplayName("given the error value #DIV/0! in a cell, when scored, then its cell is refused with the error")
        void errorValue() {
            refused("error-cell.xlsx", FACT, "the cell holds the error value #DIV/0!", "ô chứa giá trị lỗi #DIV/0!");
        }

        @Test
        @DisplayName("given a formula whose saved value is #DIV/0!, when scored, then its cell is refused with the "
                + "error and the formula")
        void formulaError() {
            refused("formula-error.xlsx", FACT, "the cell holds the error value #DIV/0! (of its formula =1/0)",
                    "ô chứa giá trị lỗi #DIV/0! (của công thức =1/0)");
        }
    }

    @Nested
    @DisplayName("files that are no .xlsx workbook")
    class NotAWorkbook {

        @Test
        @DisplayName("given a workbook protected by a password, when scored, then it is refused as such, with what "
                + "to do")
        void password() {
            refused("password-protected.xlsx", "", "the workbook is protected by a password (encrypted): save it "
                    + "again without a password", "sổ tính được bảo vệ bằng mật khẩu (đã mã hoá)");
        }

        @Test
        @DisplayName("given an .xls, by its name or renamed .xlsx, when scored, then it is refused as Excel 97-2003")
        void xls() {
            refused("excel-97.xls", "", "this is an Excel 97-2003 workbook (.xls), which is not read",
                    "đây là sổ tính Excel 97-2003 (.xls), không đọc được");
            refused("excel-97-renamed.xlsx", "", "this is an Excel 97-2003 workbook (.xls), which is not read",
                    "đây là sổ tính Excel 97-2003 (.xls), không đọc được");
        }

        @Test
        @DisplayName("given a CSV renamed .xlsx, when scored, then it is refused as text renamed")
        void csv() {
            refused("csv-renamed.xlsx", "", "not an .xlsx workbook (it looks like text, a CSV perhaps, renamed .xlsx)",
                    "không phải sổ tính .xlsx (trông như văn bản, có thể là tệp CSV đổi tên thành .xlsx)");
        }

        @Test
        @DisplayName("given an empty file, when scored, then it is refused as empty")
        void empty() {
            refused("empty.xlsx", "", "the file is empty: an .xlsx workbook was expected",
                    "tệp trống: cần một sổ tính .xlsx");
        }

        @Test
        @DisplayName("given a directory named .xlsx, when scored, then it is refused at its path")
        void directory() {
            refused("directory.xlsx", hostile("directory.xlsx").toString(), "is a directory, not a file",
                    "là một thư mục, không phải tệp");
        }

        @Test
        @DisplayName("given random bytes, when scored, then they are refused as no workbook")
        void randomBytes() {
            refused("random-bytes.xlsx", "", "not an .xlsx workbook: open it in a spreadsheet application",
                    "không phải sổ tính .xlsx: hãy mở bằng phần mềm bảng tính");
        }

        @Test
        @DisplayName("given a workbook not of the form, when scored, then its sheets are named and the form's asked "
                + "for")
        void notAForm() {
            refused("not-a-form.xlsx", "", "not a data-entry form of iso-scoring: no sheet \"Hướng dẫn\" (\"About\")",
                    "không phải phiếu nhập liệu của iso-scoring: không có sheet \"Hướng dẫn\" (\"About\")");
        }
    }

    @Nested
    @DisplayName("damaged workbooks")
    class Damaged {

        private static final String CUT = "it starts as a zip archive, but its list of parts cannot be read (the "
                + "file is cut short or broken)";
        private static final String CUT_VI = "không đọc được danh sách các phần (tệp bị cắt cụt hoặc hỏng)";

        @Test
        @DisplayName("given the first half of a form, when scored, then it is refused as cut short")
        void truncated() {
            refused("truncated.xlsx", "", CUT, CUT_VI);
        }

        @Test
        @DisplayName("given random bytes after a zip's first four, when scored, then it is refused as broken")
        void randomAfterZipHeader() {
            refused("random-after-zip-header.xlsx", "", CUT, CUT_VI);
        }

        @Test
        @DisplayName("given an empty zip archive, when scored, then it is refused as empty")
        void emptyZip() {
            refused("empty-zip.xlsx", "", "the zip archive is empty: not an .xlsx workbook",
                    "tệp nén trống: không phải sổ tính .xlsx");
        }

        @Test
        @DisplayName("given no [Content_Types].xml, when scored, then it is refused as damaged, naming the part")
        void noContentTypes() {
            refused("no-content-types.xlsx", "", "the workbook is damaged and cannot be read ([Content_Types].xml "
                    + "not found)", "sổ tính bị hỏng, không đọc được ([Content_Types].xml not found)");
        }

        @Test
        @DisplayName("given no xl/workbook.xml, when scored, then it is refused as damaged, naming the part")
        void noWorkbookPart() {
            refused("no-workbook-part.xlsx", "", "the workbook is damaged and cannot be read (/xl/workbook.xml not "
                    + "found)", "sổ tính bị hỏng, không đọc được (/xl/workbook.xml not found)");
        }

        @Test
        @DisplayName("given a sheet cut in the middle of a tag, when scored, then the sheet is refused as damaged, "
                + "with the line and column of its XML")
        void brokenSheet() {
            refused("broken-sheet-xml.xlsx", ASSESSMENTS, "the workbook is damaged and cannot be read (",
                    "sổ tính bị hỏng, không đọc được (");
            refused("broken-sheet-xml.xlsx", ASSESSMENTS, ", line 1, column ", ", dòng 1, cột ");
        }

        @Test
        @DisplayName("given bytes overwritten in a compressed sheet, when scored, then it is refused as damaged, at "
                + "the sheet")
        void flippedBytes() {
            refused("flipped-bytes.xlsx", ASSESSMENTS, "the workbook is damaged and cannot be read (",
                    "sổ tính bị hỏng, không đọc được (");
        }
    }

    private static ScoringRequest genuineRequest;

    /** The request read from the genuine form. */
    private static synchronized ScoringRequest genuine() {
        if (genuineRequest == null) {
            genuineRequest = Workbooks.readRequest(new ByteArrayInputStream(HostileWorkbooks.genuineBytes()),
                    Requests.ENGINE);
        }
        return genuineRequest;
    }
}
