package org.isoscoring.xlsx;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Label;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestChecks;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.Vocabulary;

/**
 * Reads a request from a data-entry workbook in the {@link FormLayout} of its guidance: the guidance and year from the
 * about sheet, then the agencies and the assessments, each column found by its key (row 2), each cell read as people
 * type it ({@link Values}). The request is then checked as JSON is ({@link RequestChecks}) and every problem is placed
 * at its sheet and cell, with the fact: {@code Phiếu chấm!F12 (staffTrained)}. Rows with no value are skipped. A
 * formula is not computed: its value as the spreadsheet application last saved it is read.
 */
final class FormReader {

    /** The rows at the top of a data sheet searched for its row of keys. */
    private static final int KEY_ROWS_SEARCHED = 10;
    /** The most rows a sheet may have at all, blank ones included (a spreadsheet's own limit). */
    private static final int MAX_ANY_ROWS = 1_048_576;

    private final ReadableWorkbook book;
    private final ScoringEngine engine;
    private final List<Problem> problems = new ArrayList<>();
    /** The places of problems found in cells: a check of the request at the same place says nothing more. */
    private final Set<String> cellPlaces = new java.util.HashSet<>();
    private boolean english;
    /** Whether the last cell read had a problem. */
    private boolean failed;
    /** The cells with a value of the rows read, in both sheets. */
    private int cellsKept;
    /** The sheet being read, the place of a damaged sheet's refusal. */
    private String sheetRead;
    /** The error values of a spreadsheet: a formula's saved value that is one of them is its error. */
    private static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
            "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

    private FormReader(ReadableWorkbook book, ScoringEngine engine) {
        this.book = book;
        this.engine = engine;
    }

    static ScoringRequest read(Unpacked workbook, ScoringEngine engine) {
        FormReader reader = null;
        try (ReadableWorkbook book = new ReadableWorkbook(workbook.stream(), new ReadingOptions(false, false))) {
            reader = new FormReader(book, engine);
            return reader.read();
        } catch (RequestRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // the reader's own failures on a damaged file, at its sheet
            throw Unpacked.damaged(e, reader == null || reader.sheetRead == null ? "" : reader.sheetRead);
        }
    }

    /** A sheet of the form read: its name, the columns by key, the number of each row of data read (1-based). */
    private record Table(String name, Map<String, Integer> columns, List<Integer> rows) {
        String place(int column, int row) {
            return name + "!" + FormLayout.column(column) + row;
        }

        String place(int column, Row row) {
            return place(column, row.getRowNum());
        }
    }

    private ScoringRequest read() throws IOException {
        List<Sheet> sheets = book.getSheets().toList();
        Sheet about = sheet(sheets, FormLayout.ABOUT);
        Sheet agencies = sheet(sheets, FormLayout.AGENCIES);
        Sheet assessments = sheet(sheets, FormLayout.ASSESSMENTS);
        if (about == null || agencies == null || assessments == null) {
            String found = sheets.stream().map(s -> "\"" + s.getName() + "\"").collect(Collectors.joining(", "));
            List<Label> missing = new ArrayList<>();
            if (about == null) {
                missing.add(FormLayout.ABOUT);
            }
            if (agencies == null) {
                missing.add(FormLayout.AGENCIES);
            }
            if (assessments == null) {
                missing.add(FormLayout.ASSESSMENTS);
            }
            String names = missing.stream().map(l -> "\"" + l.vi() + "\" (\"" + l.en() + "\")")
                    .collect(Collectors.joining(", "));
            throw new RequestRejectedException(List.of(new Problem("", "not a data-entry form of iso-scoring: no sheet "
                    + names + "; its sheets are " + found + ". A form needs all three (the about sheet holds the "
                    + "guidance and the year): make one with iso-scoring form and copy your rows into it",
                    "không phải phiếu nhập liệu của iso-scoring: không có sheet " + names + "; các sheet của tệp là "
                            + found + ". Phiếu cần đủ ba sheet (sheet Hướng dẫn ghi bộ tiêu chí và năm): tạo phiếu "
                            + "bằng iso-scoring form rồi chép các dòng của mình vào")));
        }
        english = about.getName().strip().equalsIgnoreCase(FormLayout.ABOUT.en());
        Heading heading = heading(about);
        GuidanceInfo guidance;
        try {
            guidance = engine.guidanceFor(heading.guidance(), heading.year());
        } catch (RequestRejectedException e) {
            throw new RequestRejectedException(e.problems().stream().map(p -> new Problem(
                    p.place().equals("guidance") ? heading.guidancePlace() : p.place().equals("year")
                            ? heading.yearPlace() : p.place(), p.message(), p.messageVi())).toList());
        }
        Vocabulary vocabulary = guidance.vocabulary();
        FormLayout layout = FormLayout.of(vocabulary, english);
        Values values = new Values(english);
        boolean date1904 = book.isDate1904();
        Map<String, String> kindIds = Values.lookup(vocabulary.kinds().stream()
                .map(k -> new Values.Named(k.id(), k.title())).toList());
        Map<String, String> assessorIds = Values.lookup(vocabulary.assessors().stream()
                .map(a -> new Values.Named(a.id(), a.title())).toList());
        List<Agency> agencyList = new ArrayList<>();
        Map<String, String> kindOf = new HashMap<>();
        // each row becomes an agency or an assessment as it is read: a sheet's rows are never all held
        Table agencyTable = table(agencies, layout.agencyColumns, (table, row) -> {
            Agency agency = agency(row, table, layout, vocabulary, values, kindIds, date1904);
            agencyList.add(agency);
            kindOf.putIfAbsent(agency.id(), agency.kind());
        }, "id", "kind");
        List<Assessment> assessmentList = new ArrayList<>();
        Table assessmentTable = table(assessments, layout.assessmentColumns, (table, row) -> assessmentList.add(
                assessment(row, table, layout, vocabulary, values, assessorIds, kindOf, date1904)), "agency", "assessor");
        if (problems.stream().anyMatch(p -> !p.place().contains("!"))) {
            throw new RequestRejectedException(problems); // a sheet whose columns are not known: nothing more to say
        }
        ScoringRequest request = new ScoringRequest(heading.guidance(), heading.year(), agencyList, assessmentList);
        Places places = new Places(agencyTable, assessmentTable, layout, heading);
        Set<Problem> placed = new LinkedHashSet<>(); // a column not there is said once, not once a row
        for (Problem p : RequestChecks.problems(request, guidance)) {
            Problem at = places.place(p);
            if (!cellPlaces.contains(at.place())) {
                placed.add(at);
                if (problems.size() + placed.size() > Workbooks.MAX_PROBLEMS) {
                    problems.addAll(placed);
                    throw tooMany();
                }
            }
        }
        problems.addAll(placed);
        if (!problems.isEmpty()) {
            List<String> order = List.of(about.getName(), agencies.getName(), assessments.getName());
            problems.sort(java.util.Comparator.comparing((Problem p) -> inOrder(p.place(), order))); // as read
            throw new RequestRejectedException(problems);
        }
        return request;
    }

    private static final Pattern CELL = Pattern.compile("([A-Z]+)(\\d+)(?: .*)?");

    /** A key that orders problems as the sheets are read: sheet, then row, then column; a sheet's own problems first. */
    private static String inOrder(String place, List<String> sheets) {
        int bang = place.indexOf('!');
        String sheet = bang < 0 ? place.replaceFirst(" \\(.*", "") : place.substring(0, bang);
        int index = sheets.indexOf(sheet);
        long row = 0;
        long column = 0;
        if (bang >= 0) {
            Matcher m = CELL.matcher(place.substring(bang + 1));
            if (m.matches()) {
                row = Long.parseLong(m.group(2));
                column = m.group(1).chars().reduce(0, (n, c) -> n * 26 + c - 'A' + 1);
            } else { // a whole row: 12:12
                String digits = place.substring(bang + 1).replaceFirst("^(\\d{1,9}).*", "$1");
                row = digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Long.parseLong(digits) : 0;
            }
        }
        return String.format("%02d%010d%05d", index < 0 ? 99 : index, row, column);
    }

    /** The sheet of this name in either language, spaces and case aside. */
    private static Sheet sheet(List<Sheet> sheets, Label name) {
        return sheets.stream().filter(s -> Values.normal(s.getName()).equals(Values.normal(name.vi()))
                || Values.normal(s.getName()).equals(Values.normal(name.en()))).findFirst().orElse(null);
    }

    /** The guidance and year of the about sheet, with their cells. */
    private record Heading(String guidance, Integer year, String guidancePlace, String yearPlace) {
    }

    private Heading heading(Sheet about) throws IOException {
        String guidance = null;
        Integer year = null;
        String guidancePlace = about.getName() + "!B";
        String yearPlace = null;
        boolean yearFound = false;
        sheetRead = about.getName();
        try (Stream<Row> rows = about.openStream()) {
            int seen = 0;
            for (Iterator<Row> it = rows.iterator(); it.hasNext() && seen++ < 200; ) {
                Row row = it.next();
                String key = row.getCellCount() > 2 ? keyOf(row.getCell(2)) : null;
                if (FormLayout.GUIDANCE.equals(key)) {
                    guidancePlace = about.getName() + "!B" + row.getRowNum();
                    Object content = content(row.getCellCount() > 1 ? row.getCell(1) : null, guidancePlace);
                    guidance = content == null ? null : Values.text(content);
                } else if (FormLayout.YEAR.equals(key)) {
                    yearFound = true;
                    yearPlace = about.getName() + "!B" + row.getRowNum();
                    Object content = content(row.getCellCount() > 1 ? row.getCell(1) : null, yearPlace);
                    if (content == null && !cellPlaces.contains(yearPlace)) {
                        cell(yearPlace, "the assessed year is empty", "năm đánh giá đang để trống");
                    } else if (content != null) {
                        Values.Read read = Values.count(content);
                        if (read.ok()) {
                            year = (Integer) read.value();
                        } else {
                            cell(yearPlace, read.problem(), read.problemVi());
                        }
                    }
                }
            }
        }
        if (!yearFound) {
            cell(about.getName(), "no row with the key \"year\" in column C: the assessed year is not given",
                    "không có dòng nào có khoá \"year\" ở cột C: chưa ghi năm đánh giá");
        }
        if (year == null) {
            throw new RequestRejectedException(problems);
        }
        return new Heading(guidance, year, guidancePlace, yearPlace);
    }

    /** A sheet's row of keys, found near its top; then each row of data, given to {@code each} as it is read. */
    private Table table(Sheet sheet, List<FormLayout.Column> declared, java.util.function.BiConsumer<Table, Row> each,
                        String... required) throws IOException {
        String name = sheet.getName();
        Set<String> known = declared.stream().map(FormLayout.Column::key).collect(Collectors.toSet());
        Table table = null;
        int any = 0;
        sheetRead = name;
        try (Stream<Row> stream = sheet.openStream()) {
            for (Iterator<Row> it = stream.iterator(); it.hasNext(); ) {
                Row row = it.next();
                if (++any > MAX_ANY_ROWS) {
                    cell(name, "more than " + MAX_ANY_ROWS + " rows, which no spreadsheet has",
                            "hơn " + MAX_ANY_ROWS + " dòng, điều không bảng tính nào có");
                    break;
                }
                if (table == null) {
                    if (row.getRowNum() > KEY_ROWS_SEARCHED) {
                        break;
                    }
                    Map<String, Integer> keys = keys(row);
                    if (keys.keySet().containsAll(List.of(required))) {
                        table = new Table(name, keys, new ArrayList<>());
                        for (Map.Entry<String, Integer> k : keys.entrySet()) {
                            if (!known.contains(k.getKey())) {
                                cell(name + "!" + FormLayout.column(k.getValue()) + row.getRowNum(), "\"" + k.getKey()
                                        + "\" is not a key of this sheet in this guidance (a column of another "
                                        + "guidance, or a changed key?)", "\"" + k.getKey() + "\" không phải khoá "
                                        + "của sheet này trong bộ tiêu chí này (cột của bộ tiêu chí khác, hay khoá "
                                        + "bị sửa?)");
                            }
                        }
                        duplicates(row, name);
                    }
                    continue;
                }
                if (blank(row, table.columns().values())) {
                    continue;
                }
                if (table.rows().size() == Workbooks.MAX_ROWS) {
                    cell(name, "more than " + Workbooks.MAX_ROWS + " rows with values, the limit",
                            "hơn " + Workbooks.MAX_ROWS + " dòng có dữ liệu, quá giới hạn");
                    break;
                }
                cellsKept += row.getPhysicalCellCount();
                if (cellsKept > Workbooks.MAX_CELLS) {
                    cell(name, "more than " + Workbooks.MAX_CELLS + " cells with values in the sheets of agencies and "
                            + "assessments, the limit", "hơn " + Workbooks.MAX_CELLS + " ô có dữ liệu trong các sheet "
                            + "cơ quan và phiếu chấm, quá giới hạn");
                    break;
                }
                table.rows().add(row.getRowNum());
                each.accept(table, row);
            }
        }
        if (table == null) {
            cell(name, "no row of keys (" + String.join(", ", required) + ", …) in its first " + KEY_ROWS_SEARCHED
                    + " rows: the columns cannot be found (row 2 of the form holds them; was it changed?)",
                    "không có dòng khoá (" + String.join(", ", required) + ", …) trong " + KEY_ROWS_SEARCHED
                            + " dòng đầu: không tìm được các cột (dòng 2 của phiếu chứa các khoá; dòng đó bị sửa?)");
            return new Table(name, Map.of(), List.of());
        }
        return table;
    }

    /** The keys of a row: each cell's text, by column; a blank cell has none. */
    private static Map<String, Integer> keys(Row row) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            String key = keyOf(row.getCell(c));
            if (key != null) {
                keys.putIfAbsent(key, c);
            }
        }
        return keys;
    }

    private void duplicates(Row row, String name) {
        Set<String> seen = new java.util.HashSet<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            String key = keyOf(row.getCell(c));
            if (key != null && !seen.add(key)) {
                cell(name + "!" + FormLayout.column(c) + row.getRowNum(), "the key \"" + key + "\" is in two columns",
                        "khoá \"" + key + "\" xuất hiện ở hai cột");
            }
        }
    }

    private static String keyOf(Cell cell) {
        if (cell == null || cell.getType() != org.dhatim.fastexcel.reader.CellType.STRING || cell.getValue() == null) {
            return null;
        }
        String key = Values.text(cell.getValue());
        return key.isEmpty() ? null : key;
    }

    private static boolean blank(Row row, java.util.Collection<Integer> columns) {
        for (int c : columns) {
            Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
            if (cell != null && cell.getType() != org.dhatim.fastexcel.reader.CellType.EMPTY
                    && !(cell.getValue() instanceof String s && Values.text(s).isEmpty())
                    && !(cell.getType() != org.dhatim.fastexcel.reader.CellType.ERROR && cell.getValue() == null
                    && cell.getFormula() == null)) {
                return false;
            }
        }
        return true;
    }

    private Agency agency(Row row, Table table, FormLayout layout, Vocabulary vocabulary, Values values,
                          Map<String, String> kindIds, boolean date1904) {
        String id = text(row, table, "id");
        String name = text(row, table, "name");
        String kindText = text(row, table, "kind");
        String kind = kindText == null ? "" : Values.find(kindIds, kindText);
        if (kindText != null && vocabulary.kind(kind).isEmpty()) {
            cell(table.place(table.columns().get("kind"), row), "\"" + kindText + "\" is not one of "
                    + Values.quoted(vocabulary.kinds().stream().map(k -> k.title().en()).toList()),
                    "\"" + kindText + "\" không phải một trong " + Values.quoted(vocabulary.kinds().stream()
                            .map(k -> k.title().vi()).toList()));
        } else if (kindText == null) {
            cell(table.place(table.columns().get("kind"), row), "the kind of agency is empty",
                    "loại cơ quan đang để trống");
        }
        Vocabulary.Kind declared = vocabulary.kind(kind).orElse(null);
        String parent = null;
        if (declared != null && declared.belongsTo() != null) {
            parent = text(row, table, declared.belongsTo().field());
        } else {
            for (FormLayout.Column column : layout.agencyColumns) {
                if (column.role() == FormLayout.Role.PARENT && parent == null) {
                    parent = text(row, table, column.key());
                }
            }
        }
        Facts record = null;
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.record() == null) {
                continue;
            }
            boolean own = declared == k;
            Facts.Builder fields = Facts.builder();
            boolean any = false;
            for (Vocabulary.Fact field : k.record().fields()) {
                String key = k.record().name() + "." + field.name();
                Integer column = table.columns().get(key);
                Object content = column == null ? null : content(cell(row, column), () -> table.place(column, row));
                if (content == null) {
                    if (own && field.type() == Vocabulary.Type.AGENCIES) {
                        fields.set(field.name(), List.of());
                    } else if (own && field.nullable()) {
                        fields.set(field.name(), null);
                    }
                    continue;
                }
                any = true;
                Values.Read read = values.read(field, content, date1904);
                if (read.ok()) {
                    fields.set(field.name(), read.value());
                } else {
                    cell(table.place(column, row) + " (" + field.name() + ")", read.problem(), read.problemVi());
                }
            }
            if (own || any && record == null) {
                record = fields.build();
            }
        }
        if (declared != null && declared.record() == null && record != null && record.size() == 0) {
            record = null;
        }
        return new Agency(id == null ? "" : id, name, kind, parent, record);
    }

    private Assessment assessment(Row row, Table table, FormLayout layout, Vocabulary vocabulary, Values values,
                                  Map<String, String> assessorIds, Map<String, String> kindOf, boolean date1904) {
        String agency = text(row, table, "agency");
        if (agency == null) {
            cell(table.place(table.columns().get("agency"), row), "the agency's id is empty",
                    "mã cơ quan đang để trống");
        }
        String assessorText = text(row, table, "assessor");
        String assessor = assessorText == null ? "" : Values.find(assessorIds, assessorText);
        if (assessorText == null) {
            cell(table.place(table.columns().get("assessor"), row), "the assessor is empty", "người chấm đang để trống");
        } else if (vocabulary.assessor(assessor).isEmpty()) {
            cell(table.place(table.columns().get("assessor"), row), "\"" + assessorText + "\" is not one of "
                    + Values.quoted(vocabulary.assessors().stream().map(a -> a.title().en()).toList()),
                    "\"" + assessorText + "\" không phải một trong " + Values.quoted(vocabulary.assessors().stream()
                            .map(a -> a.title().vi()).toList()));
        }
        String kind = agency == null ? null : kindOf.get(agency);
        Facts.Builder facts = Facts.builder();
        for (FormLayout.Column column : layout.assessmentColumns) {
            if (column.role() != FormLayout.Role.FACT) {
                continue;
            }
            Vocabulary.Fact fact = column.fact();
            Integer c = table.columns().get(column.key());
            if (c == null) {
                continue; // a column that is not there: the check of the request says what is missing
            }
            int rowNumber = row.getRowNum();
            java.util.function.Supplier<String> place = () -> table.place(c, rowNumber) + " (" + fact.name() + ")";
            Object content = content(cell(row, c), place);
            if (content == null) {
                if (!failed && fact.nullable() && (kind == null || fact.carriedBy(kind))) {
                    facts.set(fact.name(), null);
                }
                continue;
            }
            Values.Read read = values.read(fact, content, date1904);
            if (read.ok()) {
                facts.set(fact.name(), read.value());
            } else {
                cell(place.get(), read.problem(), read.problemVi());
            }
        }
        return new Assessment(agency == null ? "" : agency, assessor, facts.build());
    }

    private String text(Row row, Table table, String key) {
        Integer column = table.columns().get(key);
        if (column == null) {
            return null;
        }
        Object content = content(cell(row, column), () -> table.place(column, row));
        return content == null ? null : Values.text(content);
    }

    private static Cell cell(Row row, int column) {
        return column < row.getCellCount() ? row.getCell(column) : null;
    }

    /**
     * What a cell holds: a {@link BigDecimal}, a {@link String} or a {@link Boolean}; {@code null} for a blank, or for a
     * cell with a problem (an error value, a formula with no saved value, a text over the limit), which is recorded.
     */
    private Object content(Cell cell, String at) {
        return content(cell, () -> at);
    }

    /** {@link #content(Cell, String)}, the place written only for a problem (a national form has a million cells). */
    private Object content(Cell cell, java.util.function.Supplier<String> at) {
        failed = false;
        if (cell == null) {
            return null;
        }
        Object value = cell.getValue();
        switch (cell.getType()) {
            case EMPTY:
                return null;
            case ERROR:
                fail(at.get(), "the cell holds the error value " + cell.getRawValue(), "ô chứa giá trị lỗi "
                        + cell.getRawValue());
                return null;
            case FORMULA:
                if (value == null) {
                    fail(at.get(), "a formula (=" + abbreviate(cell.getFormula()) + ") with no value saved: formulas are "
                            + "not computed here; type the value, or open and save the file in a spreadsheet "
                            + "application", "công thức (=" + abbreviate(cell.getFormula()) + ") chưa có giá trị được "
                            + "lưu: chương trình không tính công thức; hãy nhập giá trị, hoặc mở và lưu tệp bằng phần "
                            + "mềm bảng tính");
                    return null;
                }
                if (value instanceof String s && ERROR_VALUES.contains(s.strip())) {
                    fail(at.get(), "the cell holds the error value " + s.strip() + " (of its formula =" + abbreviate(
                            cell.getFormula()) + ")", "ô chứa giá trị lỗi " + s.strip() + " (của công thức ="
                            + abbreviate(cell.getFormula()) + ")");
                    return null;
                }
                break;
            default:
                break;
        }
        if (value instanceof String s) {
            if (s.length() > Workbooks.MAX_CELL_CHARACTERS) {
                fail(at.get(), "a text of " + s.length() + " characters, more than " + Workbooks.MAX_CELL_CHARACTERS
                        + ", the limit", "đoạn văn bản dài " + s.length() + " ký tự, quá giới hạn "
                        + Workbooks.MAX_CELL_CHARACTERS);
                return null;
            }
            return Values.text(s).isEmpty() ? null : s;
        }
        return value;
    }

    /** A problem of the cell being read: recorded, and the cell read as failed. */
    private void fail(String place, String message, String messageVi) {
        failed = true;
        cell(place, message, messageVi);
    }

    private static String abbreviate(String formula) {
        return formula == null ? "" : formula.length() > 60 ? formula.substring(0, 60) + "…" : formula;
    }

    private void cell(String place, String message, String messageVi) {
        if (cellPlaces.add(place) || place.indexOf('!') < 0) {
            problems.add(new Problem(place, message, messageVi));
            if (problems.size() > Workbooks.MAX_PROBLEMS) {
                throw tooMany();
            }
        }
    }

    /** The first {@link Workbooks#MAX_PROBLEMS} problems, and a line that says there are more. */
    private RequestRejectedException tooMany() {
        List<Problem> first = new ArrayList<>(problems.subList(0, Workbooks.MAX_PROBLEMS));
        first.add(new Problem("", "more than " + Workbooks.MAX_PROBLEMS + " problems, the limit: the first "
                + Workbooks.MAX_PROBLEMS + " are listed; correct them and score the workbook again", "hơn "
                + Workbooks.MAX_PROBLEMS + " lỗi, quá giới hạn: chỉ liệt kê " + Workbooks.MAX_PROBLEMS + " lỗi đầu; "
                + "hãy sửa rồi chấm lại"));
        return new RequestRejectedException(first);
    }

    /** The places of a request's checks (JSON paths) as sheets and cells. */
    private static final class Places {
        private static final Pattern PATH = Pattern.compile(
                "(agencies|assessments)\\[(\\d+)](?:\\.([A-Za-z0-9_]+)(?:\\.([A-Za-z0-9_]+))?(?:\\[\\d+])?)?");
        private final Table agencies;
        private final Table assessments;
        private final FormLayout layout;
        private final Heading heading;

        Places(Table agencies, Table assessments, FormLayout layout, Heading heading) {
            this.agencies = agencies;
            this.assessments = assessments;
            this.layout = layout;
            this.heading = heading;
        }

        /** The problem at its cell, its message's own references to the request rewritten. */
        Problem place(Problem p) {
            String place = switch (p.place()) {
                case "guidance" -> heading.guidancePlace();
                case "year" -> heading.yearPlace();
                default -> {
                    Matcher m = PATH.matcher(p.place());
                    yield m.matches() ? cell(m.group(1), m.group(2), m.group(3), m.group(4)) : p.place();
                }
            };
            String message = p.message();
            String messageVi = p.messageVi();
            if (place.endsWith(")") && !place.contains("!")) { // a fact whose column is not in the sheet
                String fact = place.substring(place.indexOf('(') + 1, place.length() - 1);
                return new Problem(place, "no column with the key \"" + fact + "\" (row 2): the guidance asks "
                        + "for it", "không có cột nào có khoá \"" + fact + "\" (dòng 2): bộ tiêu chí cần dữ kiện này");
            }
            if ((message.equals("missing") || message.startsWith("missing (")) && place.contains("!")) {
                message = "empty: fill it in";
                messageVi = "đang để trống: cần điền";
            }
            return new Problem(place, references(message), references(messageVi));
        }

        private String cell(String list, String position, String field, String sub) {
            boolean agency = list.equals("agencies");
            Table table = agency ? agencies : assessments;
            int index = Integer.parseInt(position);
            if (index >= table.rows().size()) {
                return list + "[" + position + "]";
            }
            int row = table.rows().get(index);
            String key;
            String fact = null;
            if (field == null) {
                key = agency ? "id" : "agency";
            } else if (!agency && field.equals("facts")) {
                key = sub == null ? "agency" : sub;
                fact = sub;
            } else if (agency && sub != null) {
                key = field + "." + sub;
            } else if (agency && layout.agencyColumns.stream().anyMatch(c -> c.role() == FormLayout.Role.RECORD
                    && field.equals(c.record()))) {
                key = layout.agencyColumns.stream().filter(c -> field.equals(c.record())).findFirst().orElseThrow().key();
            } else {
                key = field;
            }
            Integer column = table.columns().get(key);
            if (column == null && fact != null) {
                return table.name() + " (" + fact + ")"; // the column is not there: said once for the sheet
            }
            String at = column == null ? table.name() + "!" + row + ":" + row : table.place(column, row);
            return fact == null ? at : at + " (" + fact + ")";
        }

        /** {@code agencies[3]} and {@code assessments[5]} in a message, as the cell of that row's id. */
        private String references(String message) {
            Matcher m = Pattern.compile("(agencies|assessments)\\[(\\d+)]").matcher(message);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(cell(m.group(1), m.group(2), null, null)));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
