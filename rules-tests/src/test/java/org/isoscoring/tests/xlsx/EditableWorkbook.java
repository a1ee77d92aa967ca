package org.isoscoring.tests.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A workbook as a person edits it: every sheet's cells by place, read from a file, changed here and there, and written
 * again by another writer than the form's (plain FastExcel, with none of the form's styles, lists or checks). Values
 * are {@link String}, {@link BigDecimal} (a date cell is its serial number, as stored), {@link Boolean},
 * {@link LocalDate} (written as a date cell) or a {@link Formula}.
 */
final class EditableWorkbook {

    /** A formula, written without a saved value. */
    record Formula(String expression) {
    }

    /** A cell's place, 0-based. */
    record Place(int row, int column) implements Comparable<Place> {
        static Place of(String ref) {
            int i = 0;
            int column = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                i++;
            }
            return new Place(Integer.parseInt(ref.substring(i)) - 1, column - 1);
        }

        @Override
        public int compareTo(Place o) {
            return Comparator.comparingInt(Place::row).thenComparingInt(Place::column).compare(this, o);
        }
    }

    private final Map<String, TreeMap<Place, Object>> sheets = new LinkedHashMap<>();

    static EditableWorkbook read(Path file) {
        EditableWorkbook book = new EditableWorkbook();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            for (Sheet sheet : wb.getSheets().toList()) {
                TreeMap<Place, Object> cells = new TreeMap<>();
                for (Row row : sheet.read()) {
                    for (Cell cell : row) {
                        if (cell == null) {
                            continue;
                        }
                        Object value = switch (cell.getType()) {
                            case FORMULA -> new Formula(cell.getFormula());
                            case EMPTY, ERROR -> null;
                            default -> cell.getValue();
                        };
                        if (value != null) {
                            cells.put(new Place(cell.getAddress().getRow(), cell.getAddress().getColumn()), value);
                        }
                    }
                }
                book.sheets.put(sheet.getName(), cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return book;
    }

    List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    Object get(String sheet, String ref) {
        return cells(sheet).get(Place.of(ref));
    }

    /** Sets a cell; {@code null} empties it. */
    EditableWorkbook set(String sheet, String ref, Object value) {
        return set(sheet, Place.of(ref), value);
    }

    EditableWorkbook set(String sheet, Place place, Object value) {
        if (value == null) {
            cells(sheet).remove(place);
        } else {
            cells(sheet).put(place, value);
        }
        return this;
    }

    EditableWorkbook removeSheet(String sheet) {
        sheets.remove(sheet);
        return this;
    }

    EditableWorkbook renameSheet(String from, String to) {
        Map<String, TreeMap<Place, Object>> copy = new LinkedHashMap<>(sheets);
        sheets.clear();
        copy.forEach((name, cells) -> sheets.put(name.equals(from) ? to : name, cells));
        return this;
    }

    /** The 1-based column number of a key in row 2 of a data sheet, as a letter: {@code F}. */
    String column(String sheet, String key) {
        return cells(sheet).entrySet().stream().filter(e -> e.getKey().row() == 1 && key.equals(e.getValue()))
                .map(e -> letter(e.getKey().column())).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + key + " in " + sheet));
    }

    /** The 1-based row number of the first data row whose column A holds {@code text} and column B {@code second}. */
    int row(String sheet, String text, String second) {
        return cells(sheet).entrySet().stream().filter(e -> e.getKey().column() == 0 && e.getKey().row() >= 2
                        && text.equals(e.getValue()) && (second == null
                        || second.equals(cells(sheet).get(new Place(e.getKey().row(), 1)))))
                .map(e -> e.getKey().row() + 1).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + text + " / " + second + " in " + sheet));
    }

    /** The place of the value of an about sheet's key ({@code year}): column B of the row whose column C is the key. */
    String valueOf(String sheet, String key) {
        return cells(sheet).entrySet().stream().filter(e -> e.getKey().column() == 2 && key.equals(e.getValue()))
                .map(e -> "B" + (e.getKey().row() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + key + " in column C of " + sheet));
    }

    /** Every cell of a column, from its data rows. */
    List<Place> dataCells(String sheet, String key) {
        int column = Place.of(column(sheet, key) + "1").column();
        return cells(sheet).keySet().stream().filter(p -> p.column() == column && p.row() >= 2).toList();
    }

    /** Moves every cell of a sheet one row down from {@code row} (1-based): a blank row there. */
    EditableWorkbook insertBlankRow(String sheet, int row) {
        TreeMap<Place, Object> moved = new TreeMap<>();
        cells(sheet).forEach((p, v) -> moved.put(p.row() >= row - 1 ? new Place(p.row() + 1, p.column()) : p, v));
        sheets.put(sheet, moved);
        return this;
    }

    /** Swaps two columns of a sheet, every row. */
    EditableWorkbook swapColumns(String sheet, String a, String b) {
        int ca = Place.of(a + "1").column();
        int cb = Place.of(b + "1").column();
        TreeMap<Place, Object> swapped = new TreeMap<>();
        cells(sheet).forEach((p, v) -> swapped.put(p.column() == ca ? new Place(p.row(), cb)
                : p.column() == cb ? new Place(p.row(), ca) : p, v));
        sheets.put(sheet, swapped);
        return this;
    }

    /** Changes every value of a sheet. */
    EditableWorkbook map(String sheet, java.util.function.BiFunction<Place, Object, Object> change) {
        TreeMap<Place, Object> changed = new TreeMap<>();
        cells(sheet).forEach((p, v) -> {
            Object c = change.apply(p, v);
            if (c != null) {
                changed.put(p, c);
            }
        });
        sheets.put(sheet, changed);
        return this;
    }

    Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "a person", "1.0");
            for (Map.Entry<String, TreeMap<Place, Object>> sheet : sheets.entrySet()) {
                Worksheet ws = wb.newWorksheet(sheet.getKey());
                sheet.getValue().forEach((p, v) -> {
                    if (v instanceof String s) {
                        ws.value(p.row(), p.column(), s);
                    } else if (v instanceof Number n) {
                        ws.value(p.row(), p.column(), n);
                    } else if (v instanceof Boolean b) {
                        ws.value(p.row(), p.column(), b);
                    } else if (v instanceof LocalDate d) {
                        ws.value(p.row(), p.column(), d);
                        ws.style(p.row(), p.column()).format("dd/mm/yyyy").set();
                    } else if (v instanceof Formula f) {
                        ws.formula(p.row(), p.column(), f.expression());
                    }
                });
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private TreeMap<Place, Object> cells(String sheet) {
        TreeMap<Place, Object> cells = sheets.get(sheet);
        if (cells == null) {
            throw new AssertionError("no sheet " + sheet + " in " + sheets.keySet());
        }
        return cells;
    }

    static String letter(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
