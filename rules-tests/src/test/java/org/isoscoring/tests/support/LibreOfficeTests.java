package org.isoscoring.tests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test support {@link LibreOffice} itself: a small workbook written by FastExcel, read, saved again and
 * rendered by a real LibreOffice. The tests that need LibreOffice skip without it; each makes one LibreOffice call
 * (about 4 s).
 */
@DisplayName("LibreOffice for the spreadsheet tests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibreOfficeTests {

    static final String TEXT = "Không đạt, xã Đông Hưng: \"hồ sơ\"\nthiếu";
    static final String FIRST = "Hồ sơ";
    static final String SECOND = "Kết quả";

    @TempDir
    Path dir;
    Path xlsx;

    @BeforeAll
    void write(@TempDir Path made) throws IOException {
        xlsx = made.resolve("nhỏ.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "iso-scoring-tests", "1.0");
            Worksheet first = wb.newWorksheet(FIRST);
            first.value(0, 0, "Mã");
            first.value(0, 1, "Số");
            first.value(0, 2, "Ngày");
            first.value(1, 0, TEXT);
            first.value(1, 1, 1234.5);
            first.value(1, 2, LocalDate.of(2024, 3, 7));
            first.style(1, 2).format("dd/mm/yyyy").set();
            first.value(2, 0, "Đạt");
            first.value(2, 1, 22000);
            Worksheet second = wb.newWorksheet(SECOND);
            second.value(0, 0, "XA-LNG-29");
            second.value(0, 1, 87.25);
            wb.finish();
        }
    }

    @Test
    @DisplayName("given a workbook of two sheets written by FastExcel, when LibreOffice reads it, then it sees each "
            + "sheet's texts, numbers and dates as they were written")
    void sheets() throws Exception {
        LibreOffice office = LibreOffice.require();

        Map<String, List<List<String>>> sheets = office.sheets(xlsx);

        assertThat(sheets.keySet()).containsExactly(FIRST, SECOND);
        assertThat(sheets.get(FIRST)).containsExactly(
                List.of("Mã", "Số", "Ngày"),
                List.of(TEXT, "1234.5", "07/03/2024"),
                List.of("Đạt", "22000", ""));
        assertThat(sheets.get(SECOND)).containsExactly(List.of("XA-LNG-29", "87.25"));
    }

    @Test
    @DisplayName("given a workbook saved again by LibreOffice, when FastExcel's reader reads it, then the sheets, "
            + "texts, numbers and the date are the ones we wrote")
    void resave() throws Exception {
        LibreOffice office = LibreOffice.require();

        Path saved = office.resave(xlsx, dir);

        assertThat(saved).isRegularFile().hasFileName("nhỏ.libreoffice.xlsx").isNotEqualTo(xlsx);
        // Cell formats are read only when asked for (ReadingOptions' first argument).
        try (ReadableWorkbook wb = new ReadableWorkbook(saved.toFile(), new ReadingOptions(true, false))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly(FIRST, SECOND);
            Map<String, Cell> first = cells(sheets.get(0));
            assertThat(first.get("A2").getType()).isEqualTo(CellType.STRING);
            assertThat(first.get("A2").asString()).isEqualTo(TEXT);
            assertThat(first.get("B2").asNumber()).isEqualByComparingTo(new BigDecimal("1234.5"));
            assertThat(first.get("C2").asDate().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 7));
            assertThat(first.get("C2").getDataFormatString()).isEqualToIgnoringCase("dd/mm/yyyy");
            assertThat(first.get("B3").asNumber()).isEqualByComparingTo(new BigDecimal("22000"));
            Map<String, Cell> second = cells(sheets.get(1));
            assertThat(second.get("A1").asString()).isEqualTo("XA-LNG-29");
            assertThat(second.get("B1").asNumber()).isEqualByComparingTo(new BigDecimal("87.25"));
        }
    }

    @Test
    @DisplayName("given a workbook, when LibreOffice renders its second sheet, then there is a PNG picture of it")
    void png() throws Exception {
        LibreOffice office = LibreOffice.require();

        Path png = office.png(xlsx, dir, 1, 80);

        assertThat(png).isRegularFile().hasFileName("nhỏ-1.png");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        int width = java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt();
        int height = java.nio.ByteBuffer.wrap(bytes, 20, 4).getInt();
        assertThat(width).isPositive();
        assertThat(height).isPositive();
    }

    @Test
    @DisplayName("given a CSV file, when LibreOffice makes a workbook of it, then FastExcel's reader finds its "
            + "texts as text and its numbers as numbers")
    void fromCsv() throws Exception {
        LibreOffice office = LibreOffice.require();
        Path csv = dir.resolve("nhập.csv");
        Files.writeString(csv, "Mã,Số\nXA-SD-06,12.5\n\"Đạt, đủ\",3\n", StandardCharsets.UTF_8);

        Path made = office.fromCsv(csv, dir.resolve("made"));

        try (ReadableWorkbook wb = new ReadableWorkbook(made.toFile())) {
            Map<String, Cell> cells = cells(wb.getFirstSheet());
            assertThat(cells.get("A2").asString()).isEqualTo("XA-SD-06");
            assertThat(cells.get("B2").getType()).isEqualTo(CellType.NUMBER);
            assertThat(cells.get("B2").asNumber()).isEqualByComparingTo(new BigDecimal("12.5"));
            assertThat(cells.get("A3").asString()).isEqualTo("Đạt, đủ");
            assertThat(cells.get("B3").asNumber()).isEqualByComparingTo(new BigDecimal("3"));
        }
    }

    @Test
    @DisplayName("given CSV text with quotes, commas and line breaks in its fields, when parsed, then each field is "
            + "whole (no LibreOffice needed)")
    void parseCsv() {
        assertThat(LibreOffice.parseCsv("a,\"b, \"\"c\"\"\nd\",\r\n,x\n")).containsExactly(
                List.of("a", "b, \"c\"\nd", ""),
                List.of("", "x"));
        assertThat(LibreOffice.parseCsv("only")).containsExactly(List.of("only"));
        assertThat(LibreOffice.parseCsv("")).isEmpty();
        assertThatThrownBy(() -> LibreOffice.parseCsv("\"open")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Cell> cells(Sheet sheet) throws IOException {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Row row : sheet.read()) {
            for (Cell cell : row) {
                if (cell != null) {
                    cells.put(cell.getAddress().toString(), cell);
                }
            }
        }
        return cells;
    }
}
