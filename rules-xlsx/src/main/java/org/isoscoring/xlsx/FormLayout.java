package org.isoscoring.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isoscoring.api.Label;
import org.isoscoring.api.Vocabulary;

/**
 * The sheets and columns of a guidance's data-entry workbook, made from its declarations alone: one place that both
 * the writer and the reader follow. A data sheet has a title row, then a row of keys (the JSON names: {@code id},
 * {@code agency}, {@code staffTrained}) by which the reader finds each column wherever it is, then one row per agency
 * or assessment.
 */
final class FormLayout {

    /** The sheet that explains the form and holds the guidance and the year. */
    static final Label ABOUT = new Label("Hướng dẫn", "About");
    /** The sheet of agencies. */
    static final Label AGENCIES = new Label("Cơ quan", "Agencies");
    /** The sheet of assessments. */
    static final Label ASSESSMENTS = new Label("Phiếu chấm", "Assessments");
    /** The hidden sheet of the values the drop-down lists offer. */
    static final Label LISTS = new Label("Danh sách", "Lists");

    /** The key of the guidance's id on the about sheet. */
    static final String GUIDANCE = "guidance";
    /** The key of the assessed year on the about sheet. */
    static final String YEAR = "year";

    /** The row of titles of a data sheet (1-based, as a spreadsheet numbers them). */
    static final int TITLE_ROW = 1;
    /** The row of keys of a data sheet. */
    static final int KEY_ROW = 2;
    /** The first row of data. */
    static final int FIRST_DATA_ROW = 3;

    /** What a column holds. */
    enum Role { ID, NAME, KIND, PARENT, RECORD, AGENCY, ASSESSOR, FACT }

    /**
     * A column of a data sheet.
     *
     * @param key    its key, the JSON name: {@code id}, {@code district}, {@code communeScoring.onSiteCommunes},
     *               {@code staffTrained}
     * @param role   what it holds
     * @param title  its title
     * @param fact   the fact (or record field) it holds, else {@code null}
     * @param record for a record field, the record's JSON name ({@code communeScoring}), else {@code null}
     * @param kinds  the kinds of agency whose rows fill it; empty for every kind
     */
    record Column(String key, Role role, Label title, Vocabulary.Fact fact, String record, Set<String> kinds) {
    }

    final Vocabulary vocabulary;
    final boolean english;
    final List<Column> agencyColumns;
    final List<Column> assessmentColumns;

    private FormLayout(Vocabulary vocabulary, boolean english) {
        this.vocabulary = vocabulary;
        this.english = english;
        List<Column> agencies = new ArrayList<>();
        agencies.add(new Column("id", Role.ID, new Label("Mã cơ quan", "Agency id"), null, null, Set.of()));
        agencies.add(new Column("name", Role.NAME, new Label("Tên cơ quan", "Agency name"), null, null, Set.of()));
        agencies.add(new Column("kind", Role.KIND, new Label("Loại cơ quan", "Kind of agency"), null, null, Set.of()));
        Map<String, List<String>> parents = new LinkedHashMap<>(); // a field, and the kinds that fill it
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.belongsTo() != null) {
                parents.computeIfAbsent(k.belongsTo().field(), f -> new ArrayList<>()).add(k.id());
            }
        }
        parents.forEach((field, kinds) -> {
            Vocabulary.Kind first = vocabulary.kind(kinds.get(0)).orElseThrow();
            Label parent = vocabulary.kind(first.belongsTo().kind()).map(Vocabulary.Kind::noun)
                    .orElse(new Label(field, field));
            agencies.add(new Column(field, Role.PARENT, new Label("Mã " + parent.vi() + " quản lý",
                    "Id of its " + parent.en()), null, null, Set.copyOf(kinds)));
        });
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.record() != null) {
                for (Vocabulary.Fact field : k.record().fields()) {
                    agencies.add(new Column(k.record().name() + "." + field.name(), Role.RECORD, field.title(), field,
                            k.record().name(), Set.of(k.id())));
                }
            }
        }
        this.agencyColumns = List.copyOf(agencies);
        List<Column> assessments = new ArrayList<>();
        assessments.add(new Column("agency", Role.AGENCY, new Label("Mã cơ quan", "Agency id"), null, null, Set.of()));
        assessments.add(new Column("assessor", Role.ASSESSOR, new Label("Người chấm", "Assessor"), null, null, Set.of()));
        for (Vocabulary.Fact f : vocabulary.facts()) {
            assessments.add(new Column(f.name(), Role.FACT, f.title(), f, null, f.kinds()));
        }
        this.assessmentColumns = List.copyOf(assessments);
    }

    /** The layout of a guidance's form in one language. */
    static FormLayout of(Vocabulary vocabulary, boolean english) {
        return new FormLayout(vocabulary, english);
    }

    /** A text in the form's language. */
    String t(Label label) {
        return label.text(english);
    }

    /** A text in the form's language. */
    String t(String vi, String en) {
        return english ? en : vi;
    }

    /** The spreadsheet's name of a column (0-based): A, B, …, Z, AA, … */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
