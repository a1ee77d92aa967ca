package org.isoscoring.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Label;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;

/**
 * The results workbook of a scored request, in Vietnamese or in English:
 *
 * <ul>
 *   <li>{@code Xếp hạng} / {@code Ranking}: every agency's final result, ranked by total (equal totals share a rank:
 *       1, 1, 3), with its kind, final assessment, total, rating and the rating's id (to filter in either language);
 *   <li>{@code Bảng điểm} / {@code Scores}: one row per assessment in the order of the request, a column per
 *       sub-criterion in catalog order (headed {@code 1.1 (2)}: its id and maximum, its title in a comment), the
 *       subtotal, penalty, total and rating;
 *   <li>{@code Lý do} / {@code Reasons}: one row per explanation (agency, assessor, sub-criterion, points, maximum,
 *       rule, reason), continued on {@code Lý do (2)}, … past Excel's 1,048,576 rows a sheet;
 *   <li>one sheet per group the guidance declares, named by its title: a row per report with a column per figure
 *       for a group of a kind, or figure and value rows for the report of the whole request; a figure below the
 *       one it should reach (a finding) and points taken are filled red;
 *   <li>{@code Thông tin} / {@code About}: the guidance, its notice, the year, the rules' hash, the counts.
 * </ul>
 *
 * <p>Every data sheet opens with a line that stamps it with the guidance and the rules' hash, then a bold header
 * row; both rows and the first column(s) are frozen and the table has an autofilter. Points, totals, ranks and counts
 * are numeric cells (Excel's General format: {@code 3}, {@code 1.5}, {@code 86.5}). The workbook's properties carry
 * the stamp too. The sheets are written one after the other, each streamed and flushed as it goes, so a national
 * result (hundreds of thousands of reasons) is written in bounded memory: reasons are inline strings, not entries of
 * the shared-strings table. Nothing here knows a guidance: every title comes from its vocabulary and catalog.
 */
final class ResultsWorkbook {

    /** The name of the tool, in the stamp and the workbook's properties. */
    static final String TOOL = "iso-scoring";
    /** Excel's longest sheet name. */
    static final int MAX_SHEET_NAME = 31;
    /** Rows written between two flushes of a sheet. */
    private static final int FLUSH_EVERY = 2_000;
    /** The rows above the data: the stamp and the header. */
    private static final int TOP = 2;
    private static final String HEADER_FILL = "FFDDEBF7";
    private static final String STAMP_COLOR = "FF595959";
    private static final String FINDING_FILL = "FFFFC7CE";
    private static final String FINDING_FONT = "FF9C0006";

    private final ScoringRequest request;
    private final ScoringResult result;
    private final GuidanceInfo guidance;
    private final boolean english;
    private final Vocabulary vocabulary;
    private final Map<String, Agency> agencies = new HashMap<>();
    private final Set<String> sheetNames = new HashSet<>();
    private final int rowsPerSheet;

    ResultsWorkbook(ScoringRequest request, ScoringResult result, GuidanceInfo guidance, boolean english) {
        this(request, result, guidance, english, Worksheet.MAX_ROWS);
    }

    /** With at most {@code rowsPerSheet} rows a sheet, stamp and header included (Excel's limit but to test). */
    ResultsWorkbook(ScoringRequest request, ScoringResult result, GuidanceInfo guidance, boolean english,
                    int rowsPerSheet) {
        if (!guidance.id().equals(result.guidance())) {
            throw new IllegalArgumentException("the result was scored by " + result.guidance() + ", not by "
                    + guidance.id());
        }
        if (rowsPerSheet <= TOP || rowsPerSheet > Worksheet.MAX_ROWS) {
            throw new IllegalArgumentException("rows per sheet " + rowsPerSheet);
        }
        this.request = request;
        this.result = result;
        this.guidance = guidance;
        this.english = english;
        this.vocabulary = guidance.vocabulary();
        this.rowsPerSheet = rowsPerSheet;
        request.agencies().forEach(a -> agencies.put(a.id(), a));
    }

    void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, TOOL, "1.0");
        workbook.properties()
                .setTitle(t("Kết quả chấm điểm ISO 9001", "ISO 9001 scoring results") + " — " + result.guidance()
                        + " — " + result.year())
                .setSubject(result.guidance())
                .setKeywords(result.guidance() + " " + result.rulesHash())
                .setDescription(stamp())
                .setTextProperty("guidance", result.guidance())
                .setTextProperty("rulesHash", result.rulesHash())
                .setTextProperty("year", String.valueOf(result.year()))
                .setTextProperty("tool", TOOL);
        ranking(workbook);
        scores(workbook);
        reasons(workbook);
        for (Vocabulary.Group group : vocabulary.groups()) {
            group(workbook, group);
        }
        about(workbook);
        workbook.finish();
    }

    /** Every agency's final result, ranked. */
    private void ranking(Workbook workbook) throws IOException {
        Table table = new Table(workbook, t("Xếp hạng", "Ranking"), 2,
                new Column(t("Hạng", "Rank"), 7), new Column(t("Mã cơ quan", "Agency"), 14),
                new Column(t("Tên cơ quan", "Name"), nameWidth()), new Column(t("Loại", "Kind"), 24),
                new Column(t("Phiếu cuối cùng", "Final assessment"), 30), new Column(t("Tổng điểm", "Total"), 10),
                new Column(t("Xếp loại", "Rating"), 14), new Column(t("Mã xếp loại", "Rating id"), 13));
        for (ScoringResult.Ranked r : result.ranking()) {
            AgencyResult a = r.result();
            Worksheet ws = table.ws;
            int row = table.row;
            ws.value(row, 0, r.rank());
            ws.value(row, 1, a.agency());
            ws.value(row, 2, name(a.agency()));
            ws.value(row, 3, kind(a.agency()));
            ws.value(row, 4, assessor(a.finalAssessor()));
            ws.value(row, 5, number(a.total()));
            ws.value(row, 6, rating(a.rating()));
            ws.value(row, 7, a.rating());
            table.next();
        }
        table.finish();
    }

    /** One row per assessment, a column per sub-criterion. */
    private void scores(Workbook workbook) throws IOException {
        List<Criterion> subCriteria = guidance.subCriteria();
        List<Column> columns = new ArrayList<>(List.of(new Column(t("Mã cơ quan", "Agency"), 14),
                new Column(t("Tên cơ quan", "Name"), nameWidth()), new Column(t("Loại", "Kind"), 24),
                new Column(t("Phiếu của", "Assessor"), 30)));
        for (Criterion c : subCriteria) {
            columns.add(new Column(c.id() + " (" + plain(c.max()) + ")", 9, criterionNote(c)));
        }
        columns.addAll(List.of(new Column(t("Điểm các tiêu chí", "Subtotal"), 11),
                new Column(t("Trừ điểm", "Penalty"), 9), new Column(t("Tổng điểm", "Total"), 10),
                new Column(t("Xếp loại", "Rating"), 14), new Column(t("Mã xếp loại", "Rating id"), 13)));
        Table table = new Table(workbook, t("Bảng điểm", "Scores"), 2, columns.toArray(Column[]::new));
        for (AssessmentResult a : result.assessments()) {
            Worksheet ws = table.ws;
            int row = table.row;
            ws.value(row, 0, a.agency());
            ws.value(row, 1, name(a.agency()));
            ws.value(row, 2, kind(a.agency()));
            ws.value(row, 3, assessor(a.assessor()));
            int col = 4;
            for (Criterion c : subCriteria) {
                BigDecimal points = a.points().get(c.id());
                if (points != null) {
                    ws.value(row, col, number(points));
                }
                col++;
            }
            ws.value(row, col++, number(a.subtotal()));
            ws.value(row, col++, number(a.penalty()));
            ws.value(row, col++, number(a.total()));
            ws.value(row, col++, rating(a.rating()));
            ws.value(row, col, a.rating());
            table.next();
        }
        table.finish();
    }

    /** A sub-criterion's title for the comment of its column, with the titles some kinds give it instead. */
    private String criterionNote(Criterion c) {
        StringBuilder note = new StringBuilder(c.id()).append(' ').append(c.title().text(english))
                .append(" (").append(t("tối đa ", "max ")).append(plain(c.max())).append(')');
        c.titleByKind().forEach((kind, title) -> note.append('\n').append(kindTitle(kind)).append(": ")
                .append(title.text(english)));
        return note.toString();
    }

    /** One row per explanation, on as many sheets as Excel's row limit needs. */
    private void reasons(Workbook workbook) throws IOException {
        String name = t("Lý do", "Reasons");
        Column[] columns = {new Column(t("Mã cơ quan", "Agency"), 14), new Column(t("Phiếu của", "Assessor"), 30),
                new Column(t("Tiêu chí", "Criterion"), 9), new Column(t("Điểm", "Points"), 8),
                new Column(t("Tối đa", "Max"), 8), new Column(t("Quy tắc", "Rule"), 50),
                new Column(t("Lý do", "Reason"), 90)};
        int sheet = 1;
        Table table = new Table(workbook, name, 3, columns);
        for (AssessmentResult a : result.assessments()) {
            String assessor = assessor(a.assessor());
            for (Explanation e : a.explanations()) {
                if (table.row == rowsPerSheet) {
                    table.finish();
                    table = new Table(workbook, name + " (" + ++sheet + ")", 3, columns);
                }
                Worksheet ws = table.ws;
                int row = table.row;
                ws.value(row, 0, a.agency());
                ws.value(row, 1, assessor);
                ws.value(row, 2, e.criterion());
                ws.value(row, 3, number(e.points()));
                ws.value(row, 4, number(e.max()));
                ws.value(row, 5, e.rule());
                ws.inlineString(row, 6, e.reason(english));
                table.next();
            }
        }
        table.finish();
    }

    /** The reports of one group: a row per agency with a column per figure, or figure and value rows. */
    private void group(Workbook workbook, Vocabulary.Group group) throws IOException {
        List<GroupReport> reports = result.group(group.id());
        String name = sheetName(group.title().text(english), group.id());
        List<Vocabulary.Figure> figures = group.figures();
        if (group.of() != null) {
            List<Column> columns = new ArrayList<>(List.of(new Column(t("Mã cơ quan", "Agency"), 14),
                    new Column(t("Tên cơ quan", "Name"), nameWidth())));
            for (Vocabulary.Figure f : figures) {
                columns.add(new Column(f.title().text(english), f.type() == Vocabulary.Type.AGENCIES ? 40
                        : Math.max(10, Math.min(24, f.title().text(english).length() + 2)), figureNote(group, f)));
            }
            Table table = new Table(workbook, name, 1, columns.toArray(Column[]::new));
            for (GroupReport r : reports) {
                Worksheet ws = table.ws;
                int row = table.row;
                ws.value(row, 0, r.agency());
                ws.value(row, 1, r.agency() == null ? "" : name(r.agency()));
                int col = 2;
                for (Vocabulary.Figure f : figures) {
                    figure(ws, row, col, r, f);
                    col++;
                }
                table.next();
            }
            table.finish();
            return;
        }
        Table table = new Table(workbook, name, 1, new Column(t("Số liệu", "Figure"), 40),
                new Column(t("Giá trị", "Value"), 40), new Column(t("Ghi chú", "Note"), 40),
                new Column(t("Mã số liệu", "Figure id"), 22));
        for (GroupReport r : reports) {
            for (Vocabulary.Figure f : figures) {
                Worksheet ws = table.ws;
                int row = table.row;
                ws.value(row, 0, f.title().text(english));
                figure(ws, row, 1, r, f);
                String note = shortfall(r, f) != null ? shortfall(r, f) : figureNote(group, f);
                if (note != null) {
                    ws.value(row, 2, note);
                }
                ws.value(row, 3, f.name());
                table.next();
            }
        }
        table.finish();
    }

    /** A figure's value in its cell: a number, or agency ids joined (blank for none); red when a finding. */
    private void figure(Worksheet ws, int row, int col, GroupReport r, Vocabulary.Figure f) {
        Object value = r.figure(f.name());
        if (value instanceof Integer n) {
            ws.value(row, col, n);
        } else if (value instanceof BigDecimal d) {
            ws.value(row, col, number(d));
        } else if (value instanceof List<?> ids) {
            if (!ids.isEmpty()) { // none: a blank cell, which a filter offers as such
                ws.value(row, col, ids.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        } else if (value != null) {
            ws.value(row, col, String.valueOf(value));
        }
        if (shortfall(r, f) != null || value instanceof BigDecimal d && d.signum() > 0) {
            ws.style(row, col).fillColor(FINDING_FILL).fontColor(FINDING_FONT).bold().set();
        }
    }

    /** What a figure below the one it should reach lacks, in words; {@code null} when it is not below. */
    private String shortfall(GroupReport r, Vocabulary.Figure f) {
        if (f.atLeast() != null && r.figure(f.name()) instanceof Integer n
                && r.figure(f.atLeast()) instanceof Integer need && n < need) {
            return t("thiếu " + (need - n) + ", cần ít nhất " + need, (need - n) + " short, at least " + need
                    + " needed");
        }
        return null;
    }

    /** The comment of a figure's column: what it should reach, if anything; else {@code null}. */
    private String figureNote(Vocabulary.Group group, Vocabulary.Figure f) {
        if (f.atLeast() == null) {
            return f.type() == Vocabulary.Type.DECIMAL ? t("điểm; tô đỏ khi lớn hơn 0", "points; red above 0")
                    : null;
        }
        String need = group.figures().stream().filter(g -> g.name().equals(f.atLeast())).findFirst()
                .map(g -> g.title().text(english)).orElse(f.atLeast());
        return t("cần ít nhất bằng «" + need + "»; tô đỏ khi thấp hơn",
                "should be at least “" + need + "”; red when below");
    }

    /** The guidance, the year, the rules' hash and the counts, as label and value rows. */
    private void about(Workbook workbook) throws IOException {
        Table table = new Table(workbook, t("Thông tin", "About"), 1, new Column(t("Mục", "Item"), 30),
                new Column(t("Giá trị", "Value"), 80));
        long reasons = result.assessments().stream().mapToLong(a -> a.explanations().size()).sum();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {t("Công cụ", "Tool"), TOOL});
        rows.add(new Object[] {t("Bộ tiêu chí (mã)", "Guidance (id)"), guidance.id()});
        rows.add(new Object[] {t("Tên bộ tiêu chí", "Guidance title"), guidance.title()});
        if (guidance.notice() != null) {
            rows.add(new Object[] {t("Lưu ý", "Notice"), guidance.notice().text(english)});
        }
        rows.add(new Object[] {t("Năm đánh giá", "Assessed year"), result.year()});
        rows.add(new Object[] {t("Mã băm bộ quy tắc", "Rules hash"), result.rulesHash()});
        rows.add(new Object[] {t("Số cơ quan trong yêu cầu", "Agencies in the request"), request.agencies().size()});
        rows.add(new Object[] {t("Số cơ quan được chấm", "Agencies scored"), result.agencies().size()});
        rows.add(new Object[] {t("Số phiếu chấm", "Assessments"), result.assessments().size()});
        rows.add(new Object[] {t("Số dòng lý do", "Reason rows"), reasons});
        for (Vocabulary.Rating rating : vocabulary.ratings()) {
            long count = result.agencies().stream().filter(a -> a.rating().equals(rating.id())).count();
            rows.add(new Object[] {t("Số cơ quan xếp loại ", "Agencies rated ") + rating.title().text(english)
                    + " (" + rating.id() + ")", count});
        }
        for (String source : guidance.sources()) {
            rows.add(new Object[] {t("Văn bản căn cứ", "Source"), source});
        }
        for (Object[] r : rows) {
            table.ws.value(table.row, 0, (String) r[0]);
            if (r[1] instanceof Number n) {
                table.ws.value(table.row, 1, n);
            } else {
                table.ws.value(table.row, 1, (String) r[1]);
            }
            table.next();
        }
        table.finish();
    }

    /** The line that opens every data sheet, and the workbook's description. */
    String stamp() {
        return TOOL + " · " + t("bộ tiêu chí ", "guidance ") + result.guidance()
                + (guidance.notice() == null ? "" : " (" + guidance.notice().text(english) + ")")
                + " · " + t("năm ", "year ") + result.year() + " · " + t("mã băm quy tắc ", "rules hash ")
                + result.rulesHash();
    }

    /** A sheet name from a title: without {@code []:*?/\}, at most 31 characters, unique in the workbook. */
    private String sheetName(String title, String fallback) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").trim();
        name = name.replaceAll("^'+|'+$", "").trim();
        if (name.isEmpty()) {
            name = fallback;
        }
        name = cut(name, MAX_SHEET_NAME);
        String unique = name;
        for (int n = 2; sheetNames.contains(unique.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            unique = cut(name, MAX_SHEET_NAME - suffix.length()).trim() + suffix;
        }
        return unique;
    }

    private static String cut(String s, int length) {
        return s.codePointCount(0, s.length()) <= length ? s : s.substring(0, s.offsetByCodePoints(0, length));
    }

    private String t(String vi, String en) {
        return english ? en : vi;
    }

    private String name(String agency) {
        Agency a = agencies.get(agency);
        return a == null || a.name() == null ? "" : a.name();
    }

    private String kind(String agency) {
        Agency a = agencies.get(agency);
        return a == null ? "" : kindTitle(a.kind());
    }

    private String kindTitle(String kind) {
        return vocabulary.kind(kind).map(Vocabulary.Kind::title).orElse(new Label(kind, kind)).text(english);
    }

    private String assessor(String id) {
        return vocabulary.assessor(id).map(Vocabulary.Assessor::title).orElse(new Label(id, id)).text(english);
    }

    private String rating(String id) {
        return vocabulary.rating(id).map(Vocabulary.Rating::title).orElse(new Label(id, id)).text(english);
    }

    /** The width of a column of agency names: the longest name, within reason. */
    private double nameWidth() {
        int longest = request.agencies().stream().map(Agency::name).filter(n -> n != null)
                .mapToInt(String::length).max().orElse(0);
        return Math.max(16, Math.min(50, longest + 2));
    }

    /** A number for a numeric cell, written plainly ({@code 10}, not {@code 1E+1}; {@code 1.5}, not {@code 1.50}). */
    static BigDecimal number(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String plain(BigDecimal value) {
        return number(value).toPlainString();
    }

    /** A column: its header, its width and the comment of its header, if any. */
    private record Column(String header, double width, String note) {
        Column(String header, double width) {
            this(header, width, null);
        }
    }

    /**
     * A sheet being written: its stamp and header rows, frozen with the first {@code frozenColumns} columns; rows
     * flushed as they come; the autofilter set over the table when it is finished.
     */
    private final class Table {
        final Worksheet ws;
        final int columns;
        int row = TOP;

        Table(Workbook workbook, String name, int frozenColumns, Column... columns) throws IOException {
            String unique = sheetName(name, name);
            sheetNames.add(unique.toLowerCase(Locale.ROOT));
            this.ws = workbook.newWorksheet(unique);
            this.columns = columns.length;
            ws.value(0, 0, stamp());
            ws.style(0, 0).italic().fontColor(STAMP_COLOR).set();
            for (int c = 0; c < columns.length; c++) {
                ws.value(1, c, columns[c].header());
                ws.width(c, columns[c].width());
                if (columns[c].note() != null) {
                    ws.comment(1, c, columns[c].note());
                }
            }
            ws.range(1, 0, 1, columns.length - 1).style().bold().fillColor(HEADER_FILL).set();
            ws.freezePane(frozenColumns, TOP);
            ws.pageOrientation("landscape"); // printed across, the stamp and header on every page
            ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
            ws.repeatRows(0, 1);
            if (columns.length <= 12) { // a narrow table prints a page wide; the scores go on across pages
                ws.setFitToPage(true);
                ws.fitToWidth((short) 1);
                ws.fitToHeight((short) 0);
            }
        }

        /** The row written: on to the next, flushing now and then. */
        void next() throws IOException {
            row++;
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }

        void finish() throws IOException {
            ws.setAutoFilter(1, 0, Math.max(1, row - 1), columns - 1);
            ws.finish();
        }
    }
}
