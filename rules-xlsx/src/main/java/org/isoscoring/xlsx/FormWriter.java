package org.isoscoring.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Label;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.Vocabulary;

/**
 * Writes the data-entry workbook of a guidance in its {@link FormLayout}: the about sheet, the agencies, the
 * assessments and the hidden lists of the drop-downs; each data sheet with its titles (the type to write and the
 * kinds a column is for on a second line, the help text as a comment), its keys, frozen panes, readable widths,
 * drop-downs for kinds, assessors, yes/no and choices, and checks of whole numbers and dates.
 */
final class FormWriter {

    /** The rows of a data sheet the drop-downs and checks cover, at least. */
    private static final int CHECKED_ROWS = 2_000;
    private static final String HEADER_FILL = "DDEBF7";
    private static final String KEY_COLOUR = "808080";
    private static final String DATE_FORMAT = "dd/mm/yyyy";

    private final GuidanceInfo guidance;
    private final FormLayout layout;
    private final Vocabulary vocabulary;
    private final Values values;

    FormWriter(GuidanceInfo guidance, FormLayout layout) {
        this.guidance = guidance;
        this.layout = layout;
        this.vocabulary = guidance.vocabulary();
        this.values = new Values(layout.english);
    }

    /** Writes the form, filled in from the request when there is one. */
    void write(ScoringRequest request, Integer year, OutputStream out) throws IOException {
        Workbook book = new Workbook(out, "iso-scoring", "1.0");
        book.properties().setTitle(layout.t("Phiếu nhập liệu chấm điểm ISO", "ISO scoring data-entry form") + " — "
                        + guidance.id())
                .setSubject(guidance.title())
                .setTextProperty("iso-scoring-guidance", guidance.id());
        Worksheet about = book.newWorksheet(layout.t(FormLayout.ABOUT));
        Worksheet agencies = book.newWorksheet(layout.t(FormLayout.AGENCIES));
        Worksheet assessments = book.newWorksheet(layout.t(FormLayout.ASSESSMENTS));
        Worksheet lists = book.newWorksheet(layout.t(FormLayout.LISTS));
        Lists offered = lists(lists);
        lists.setVisibilityState(VisibilityState.HIDDEN);
        int assessedYear = request != null ? request.year() : year != null ? year : guidance.years().get(0);
        about(about, assessedYear);
        about.finish(); // one sheet after the other: a sheet being streamed must be finished before the next
        agencies(agencies, request == null ? List.of() : request.agencies(), offered);
        agencies.finish();
        assessments(assessments, request == null ? List.of() : request.assessments(), offered);
        assessments.finish();
        lists.finish();
        book.setActiveTab(request == null ? 0 : 2);
        book.finish();
    }

    /** The ranges of the hidden lists sheet that the drop-downs offer, by what they list. */
    private record Lists(Range kinds, Range assessors, Range yesNo, Map<Vocabulary.Choice, Range> choices) {
    }

    private Lists lists(Worksheet ws) {
        int column = 0;
        Range kinds = list(ws, column++, layout.t("Loại cơ quan", "Kinds of agency"),
                vocabulary.kinds().stream().map(k -> layout.t(k.title())).toList());
        Range assessors = list(ws, column++, layout.t("Người chấm", "Assessors"),
                vocabulary.assessors().stream().map(a -> layout.t(a.title())).toList());
        Range yesNo = list(ws, column++, layout.t("Có / Không", "Yes / No"),
                List.of(layout.t(Values.YES), layout.t(Values.NO)));
        Map<Vocabulary.Choice, Range> choices = new java.util.IdentityHashMap<>();
        List<Vocabulary.Choice> all = new ArrayList<>(vocabulary.choices());
        vocabulary.facts().stream().map(Vocabulary.Fact::choice).filter(c -> c != null && !all.contains(c))
                .forEach(all::add);
        recordFields().stream().map(Vocabulary.Fact::choice).filter(c -> c != null && !all.contains(c))
                .forEach(all::add);
        for (Vocabulary.Choice choice : all) {
            choices.put(choice, list(ws, column++, choice.name(), choice.values().stream()
                    .map(v -> layout.t(v.title())).toList()));
        }
        return new Lists(kinds, assessors, yesNo, choices);
    }

    private List<Vocabulary.Fact> recordFields() {
        return vocabulary.kinds().stream().filter(k -> k.record() != null)
                .flatMap(k -> k.record().fields().stream()).toList();
    }

    private static Range list(Worksheet ws, int column, String title, List<String> entries) {
        ws.value(0, column, title);
        ws.style(0, column).bold().set();
        for (int i = 0; i < entries.size(); i++) {
            ws.value(i + 1, column, entries.get(i));
        }
        ws.width(column, 30);
        return ws.range(1, column, Math.max(1, entries.size()), column);
    }

    private void about(Worksheet ws, int year) {
        int row = 0;
        ws.value(row, 0, layout.t("Phiếu nhập liệu chấm điểm việc áp dụng HTQLCL theo TCVN ISO 9001:2015",
                "Data-entry form: how agencies apply their ISO 9001 quality management system"));
        ws.style(row++, 0).bold().fontSize(14).set();
        ws.value(row++, 0, guidance.title());
        if (guidance.notice() != null) {
            ws.value(row, 0, layout.t(guidance.notice()));
            ws.style(row++, 0).bold().fontColor("C00000").set();
        }
        row++;
        header(ws, row++, List.of(layout.t("Mục", "Item"), layout.t("Giá trị", "Value"), layout.t("Khoá", "Key")));
        ws.value(row, 0, layout.t("Bộ tiêu chí (mã hướng dẫn)", "Guidance (its id)"));
        ws.value(row, 1, guidance.id());
        key(ws, row++, 2, FormLayout.GUIDANCE);
        ws.value(row, 0, layout.t("Năm đánh giá", "Assessed year"));
        ws.value(row, 1, year);
        ws.range(row, 1, row, 1).validateWithFormula("AND(ISNUMBER(B" + (row + 1) + "),B" + (row + 1) + "=INT(B"
                        + (row + 1) + "),B" + (row + 1) + ">=2000,NOT(B" + (row + 1) + ">2100))")
                .errorStyle(DataValidationErrorStyle.STOP).showErrorMessage(true)
                .errorTitle(layout.t("Năm", "Year")).error(layout.t("Năm là một số, ví dụ 2026", "A year such as 2026"));
        ws.style(row, 1).fillColor("FFF2CC").set();
        key(ws, row++, 2, FormLayout.YEAR);
        row++;
        String years = guidance.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (String line : layout.english ? List.of(
                "How to fill it in",
                "• This guidance covers the year(s) " + years + ". Keep its id above: it says which rules score the form.",
                "• Sheet \"" + layout.t(FormLayout.AGENCIES) + "\": one row per agency, with a unique id, its name and kind.",
                "• Sheet \"" + layout.t(FormLayout.ASSESSMENTS) + "\": one row per assessment: the agency's id, who "
                        + "scored it, then one column per fact. A fact a kind of agency does not have stays blank.",
                "• Do not change row 2 of those sheets (the keys, in grey): the columns are found by them, in any order.",
                "• A blank date that may be blank means it has not happened. Counts are whole numbers.",
                "• Formulas are not computed: the value the spreadsheet application last computed and saved is read.",
                "• Score it: iso-scoring evaluate FILE.xlsx (add --xlsx RESULTS.xlsx for a results workbook).")
                : List.of(
                "Cách điền",
                "• Bộ tiêu chí này dùng cho năm " + years + ". Giữ nguyên mã ở trên: mã cho biết quy tắc nào chấm phiếu.",
                "• Sheet \"" + layout.t(FormLayout.AGENCIES) + "\": mỗi dòng một cơ quan, với mã (không trùng), tên và loại.",
                "• Sheet \"" + layout.t(FormLayout.ASSESSMENTS) + "\": mỗi dòng một phiếu chấm: mã cơ quan, người chấm, "
                        + "rồi mỗi dữ kiện một cột. Dữ kiện không dùng cho loại cơ quan đó thì để trống.",
                "• Không sửa dòng 2 của các sheet đó (các khoá, chữ xám): chương trình tìm cột theo khoá, cột có thể đổi chỗ.",
                "• Ngày được phép trống mà để trống nghĩa là việc đó chưa diễn ra. Số lượng là số nguyên.",
                "• Công thức không được tính: chương trình đọc giá trị mà phần mềm bảng tính đã tính và lưu lần cuối.",
                "• Chấm: iso-scoring evaluate TỆP.xlsx (thêm --xlsx KẾT-QUẢ.xlsx để có sổ tính kết quả).")) {
            ws.value(row, 0, line);
            if (line.startsWith("•")) {
                row++;
            } else {
                ws.style(row++, 0).bold().set();
            }
        }
        row++;
        header(ws, row++, List.of(layout.t("Sheet · cột", "Sheet · column"), layout.t("Khoá", "Key"),
                layout.t("Dùng cho", "For"), layout.t("Tên", "Title"), layout.t("Cách ghi", "What to write"),
                layout.t("Hướng dẫn", "Help")));
        row = columns(ws, row, layout.t(FormLayout.AGENCIES), layout.agencyColumns);
        row = columns(ws, row, layout.t(FormLayout.ASSESSMENTS), layout.assessmentColumns);
        row++;
        header(ws, row++, List.of(layout.t("Người chấm", "Assessor"), layout.t("Mã", "Id"),
                layout.t("Chấm loại cơ quan", "Scores these kinds")));
        for (Vocabulary.Assessor a : vocabulary.assessors()) {
            ws.value(row, 0, layout.t(a.title()));
            ws.value(row, 1, a.id());
            ws.value(row++, 2, a.assesses().isEmpty() ? layout.t("mọi loại", "every kind") : kinds(a.assesses()));
        }
        double[] widths = {30, 24, 30, 62, 36, 60};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        ws.pageOrientation("landscape");
        ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
    }

    private int columns(Worksheet ws, int row, String sheet, List<FormLayout.Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            FormLayout.Column column = columns.get(c);
            ws.value(row, 0, sheet + " · " + FormLayout.column(c));
            ws.value(row, 1, column.key());
            ws.style(row, 1).fontColor(KEY_COLOUR).set();
            ws.value(row, 2, column.kinds().isEmpty() ? layout.t("mọi loại", "every kind") : kinds(column.kinds()));
            ws.value(row, 3, layout.t(column.title()));
            ws.value(row, 4, hint(column));
            if (column.fact() != null && column.fact().help() != null) {
                ws.value(row, 5, layout.t(column.fact().help()));
            }
            row++;
        }
        return row;
    }

    private String kinds(java.util.Set<String> ids) {
        return vocabulary.kinds().stream().filter(k -> ids.contains(k.id())).map(k -> layout.t(k.title()))
                .collect(Collectors.joining(", "));
    }

    private String hint(FormLayout.Column column) {
        return switch (column.role()) {
            case ID, AGENCY -> layout.t("chữ, không trùng", "text, unique");
            case NAME -> layout.t("chữ, có thể trống", "text, may be blank");
            case KIND -> layout.t("chọn trong danh sách", "pick from the list");
            case ASSESSOR -> layout.t("chọn trong danh sách", "pick from the list");
            case PARENT -> layout.t("mã một cơ quan của sheet này", "the id of an agency of this sheet");
            case RECORD, FACT -> values.hint(column.fact());
        };
    }

    private void header(Worksheet ws, int row, List<String> titles) {
        for (int c = 0; c < titles.size(); c++) {
            ws.value(row, c, titles.get(c));
            ws.style(row, c).bold().fillColor(HEADER_FILL).set();
        }
    }

    private static void key(Worksheet ws, int row, int column, String key) {
        ws.value(row, column, key);
        ws.style(row, column).fontColor(KEY_COLOUR).set();
    }

    private void agencies(Worksheet ws, List<Agency> rows, Lists lists) {
        List<FormLayout.Column> columns = layout.agencyColumns;
        titles(ws, columns);
        checks(ws, columns, rows.size(), lists);
        ws.freezePane(1, FormLayout.FIRST_DATA_ROW - 1);
        print(ws);
        for (int i = 0; i < rows.size(); i++) {
            Agency a = rows.get(i);
            int r = FormLayout.FIRST_DATA_ROW - 1 + i;
            Vocabulary.Kind kind = vocabulary.kind(a.kind()).orElse(null);
            for (int c = 0; c < columns.size(); c++) {
                FormLayout.Column column = columns.get(c);
                switch (column.role()) {
                    case ID -> ws.value(r, c, a.id());
                    case NAME -> text(ws, r, c, a.name());
                    case KIND -> ws.value(r, c, kind == null ? a.kind() : layout.t(kind.title()));
                    case PARENT -> {
                        if (kind != null && kind.belongsTo() != null && kind.belongsTo().field().equals(column.key())) {
                            text(ws, r, c, a.parent());
                        }
                    }
                    case RECORD -> {
                        if (a.record() != null && kind != null && kind.record() != null
                                && kind.record().name().equals(column.record())) {
                            value(ws, r, c, column.fact(), a.record());
                        }
                    }
                    default -> throw new IllegalStateException(column.role().name());
                }
            }
        }
    }

    private void assessments(Worksheet ws, List<Assessment> rows, Lists lists) throws IOException {
        List<FormLayout.Column> columns = layout.assessmentColumns;
        titles(ws, columns);
        checks(ws, columns, rows.size(), lists); // before the first rows are flushed: columns are defined first
        ws.freezePane(2, FormLayout.FIRST_DATA_ROW - 1);
        print(ws);
        for (int i = 0; i < rows.size(); i++) {
            Assessment a = rows.get(i);
            int r = FormLayout.FIRST_DATA_ROW - 1 + i;
            for (int c = 0; c < columns.size(); c++) {
                FormLayout.Column column = columns.get(c);
                switch (column.role()) {
                    case AGENCY -> ws.value(r, c, a.agency());
                    case ASSESSOR -> ws.value(r, c, vocabulary.assessor(a.assessor())
                            .map(x -> layout.t(x.title())).orElse(a.assessor()));
                    case FACT -> value(ws, r, c, column.fact(), a.facts());
                    default -> throw new IllegalStateException(column.role().name());
                }
            }
            if (i % 1_000 == 999) {
                ws.flush(); // a national form has tens of thousands of rows: they go to the file as written
            }
        }
    }

    /** The drop-downs and checks of a data sheet's columns, over its rows and some more. */
    private void checks(Worksheet ws, List<FormLayout.Column> columns, int rows, Lists lists) {
        int last = last(rows);
        for (int c = 0; c < columns.size(); c++) {
            FormLayout.Column column = columns.get(c);
            switch (column.role()) {
                case KIND -> dropDown(ws, c, last, lists.kinds());
                case ASSESSOR -> dropDown(ws, c, last, lists.assessors());
                case RECORD, FACT -> check(ws, c, last, column.fact(), lists);
                default -> {
                }
            }
        }
    }

    /** A data sheet prints across, its titles and keys on every page. */
    private static void print(Worksheet ws) {
        ws.pageOrientation("landscape");
        ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
        ws.repeatRows(FormLayout.TITLE_ROW - 1, FormLayout.KEY_ROW - 1);
    }

    /** The last row (0-based) the drop-downs and checks cover. */
    private static int last(int rows) {
        return FormLayout.FIRST_DATA_ROW - 1 + Math.max(CHECKED_ROWS, rows + 500);
    }

    /** The title row (title, and what to write on a second line) and the key row of a data sheet. */
    private void titles(Worksheet ws, List<FormLayout.Column> columns) {
        int titleRow = FormLayout.TITLE_ROW - 1;
        int keyRow = FormLayout.KEY_ROW - 1;
        for (int c = 0; c < columns.size(); c++) {
            FormLayout.Column column = columns.get(c);
            String title = layout.t(column.title()) + "\n[" + hint(column) + "]";
            if (!column.kinds().isEmpty()) {
                title += "\n" + layout.t("chỉ cho: ", "only for: ") + kinds(column.kinds());
            }
            ws.value(titleRow, c, title);
            ws.style(titleRow, c).bold().wrapText(true).verticalAlignment("top").fillColor(HEADER_FILL).set();
            if (column.fact() != null && column.fact().help() != null) {
                ws.comment(titleRow, c, layout.t(column.fact().help()));
            }
            ws.value(keyRow, c, column.key());
            ws.style(keyRow, c).fontColor(KEY_COLOUR).italic().set();
            ws.width(c, width(column));
        }
        ws.rowHeight(titleRow, 96);
    }

    private double width(FormLayout.Column column) {
        return switch (column.role()) {
            case ID, AGENCY -> 16;
            case NAME -> 40;
            case KIND, ASSESSOR -> 28;
            case PARENT -> 18;
            case RECORD, FACT -> switch (column.fact().type()) {
                case DATE -> 16;
                case COUNT, DECIMAL, BOOLEAN -> 18;
                case CHOICE -> 22;
                case AGENCIES -> 36;
            };
        };
    }

    private void value(Worksheet ws, int r, int c, Vocabulary.Fact fact, Facts facts) {
        Object cell = values.cell(fact, facts.get(fact.name()));
        if (cell instanceof LocalDate date) {
            ws.value(r, c, date);
            ws.style(r, c).format(DATE_FORMAT).set();
        } else if (cell instanceof Integer n) {
            ws.value(r, c, n);
        } else if (cell instanceof BigDecimal n) {
            ws.value(r, c, n);
        } else if (cell != null) {
            ws.value(r, c, cell.toString());
        }
    }

    private static void text(Worksheet ws, int r, int c, String text) {
        if (text != null) {
            ws.value(r, c, text);
        }
    }

    private void dropDown(Worksheet ws, int c, int last, Range list) {
        ws.range(FormLayout.FIRST_DATA_ROW - 1, c, last, c).validateWithList(list)
                .errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true)
                .errorTitle(layout.t("Giá trị ngoài danh sách", "Not in the list"))
                .error(layout.t("Hãy chọn một giá trị trong danh sách", "Pick a value from the list"));
    }

    /** The drop-down or the check of a fact's column. */
    private void check(Worksheet ws, int c, int last, Vocabulary.Fact fact, Lists lists) {
        int top = FormLayout.FIRST_DATA_ROW - 1;
        String cell = FormLayout.column(c) + FormLayout.FIRST_DATA_ROW;
        switch (fact.type()) {
            case BOOLEAN -> dropDown(ws, c, last, lists.yesNo());
            case CHOICE -> dropDown(ws, c, last, lists.choices().get(fact.choice()));
            case COUNT -> ws.range(top, c, last, c).validateWithFormula("AND(ISNUMBER(" + cell + ")," + cell
                            + "=INT(" + cell + ")," + cell + ">=" + (fact.min() == null ? "0" : Values.plain(fact.min())) + ")")
                    .errorStyle(DataValidationErrorStyle.STOP).showErrorMessage(true)
                    .errorTitle(layout.t("Số nguyên", "Whole number"))
                    .error(layout.t("Hãy nhập một số nguyên, không âm", "Type a whole number, not negative"));
            case DECIMAL -> ws.range(top, c, last, c).validateWithFormula("ISNUMBER(" + cell + ")")
                    .errorStyle(DataValidationErrorStyle.STOP).showErrorMessage(true)
                    .errorTitle(layout.t("Số", "Number")).error(layout.t("Hãy nhập một số", "Type a number"));
            case DATE -> {
                ws.range(top, c, last, c).validateWithFormula("ISNUMBER(" + cell + ")")
                        .errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true)
                        .errorTitle(layout.t("Ngày", "Date"))
                        .error(layout.t("Hãy nhập một ngày dd/mm/yyyy", "Type a date dd/mm/yyyy"));
                ws.style(c).format(DATE_FORMAT).set(); // a date typed in the column shows as one
            }
            case AGENCIES -> {
            }
        }
    }
}
