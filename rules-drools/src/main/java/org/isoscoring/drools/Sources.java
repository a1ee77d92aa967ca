package org.isoscoring.drools;

import org.isoscoring.rules.Ratio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isoscoring.api.Vocabulary;

/**
 * The Java classes of a guidance's vocabulary, written as source and compiled with its rule files, in their package:
 * {@code Sheet} (an assessment, with a getter for every fact and measure), the enums of its kinds, assessors, ratings
 * and choices ({@code AgencyKind.DISTRICT}, {@code Judgement.FULL}), a fact class for each kind that names one
 * ({@code District}), and {@code Total}, {@code FinalAssessment}, {@code FinalResult} with the assessment's kind,
 * assessor and parent. So a rule reads {@code Sheet( onTimeRate.atLeast(98) )} over whatever facts the folder
 * declares, and the engine's own classes ({@link BaseSheet}, …) hold the mechanism only.
 */
public final class Sources {

    /** The class the engine makes a guidance's facts with: {@link Types}. */
    static final String TYPES = "GuidanceTypes";

    private final Vocabulary vocabulary;
    private final String pkg;

    private Sources(Vocabulary vocabulary, String pkg) {
        this.vocabulary = vocabulary;
        this.pkg = pkg;
    }

    /** The sources by file name ({@code Sheet.java}), for the rules of package {@code pkg}. */
    static Map<String, String> of(Vocabulary vocabulary, String pkg) {
        return new Sources(vocabulary, pkg).all();
    }

    /**
     * The names the generated classes take in the rules' package: a rule file may not declare one of them.
     *
     * @param vocabulary the guidance's vocabulary
     * @return the names, the engine's own first ({@code Sheet}, {@code AgencyKind}, …), then those of the choices
     *         and of the kinds' facts ({@code District})
     */
    public static Set<String> classNames(Vocabulary vocabulary) {
        Set<String> names = new LinkedHashSet<>(List.of("Sheet", "AgencyKind", "Assessor", "Rating", "Total",
                "FinalAssessment", "FinalResult", TYPES));
        vocabulary.choices().forEach(c -> names.add(c.name()));
        vocabulary.kinds().stream().filter(k -> k.fact() != null).forEach(k -> names.add(k.fact()));
        return names;
    }

    private Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("AgencyKind.java", enumeration("AgencyKind", "The kinds of agency of the guidance.",
                vocabulary.kinds().stream().map(Vocabulary.Kind::id).toList()));
        files.put("Assessor.java", enumeration("Assessor", "Who assesses, in the guidance.",
                vocabulary.assessors().stream().map(Vocabulary.Assessor::id).toList()));
        files.put("Rating.java", enumeration("Rating", "The rating scale of the guidance.",
                vocabulary.ratings().stream().map(Vocabulary.Rating::id).toList()));
        for (Vocabulary.Choice c : vocabulary.choices()) {
            files.put(c.name() + ".java", enumeration(c.name(), "The values of " + c.name() + ".", c.ids()));
        }
        files.put("Sheet.java", sheet());
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.fact() != null) {
                files.put(k.fact() + ".java", unit(k));
            }
        }
        files.put("Total.java", derived("Total", "BaseTotal", "An assessment's total after the penalty.",
                "org.isoscoring.drools.BaseSheet sheet, java.math.BigDecimal value, java.math.BigDecimal penalty",
                "sheet, value, penalty"));
        files.put("FinalAssessment.java", derived("FinalAssessment", "BaseFinalAssessment",
                "Marks the assessment that is final for its agency.", "org.isoscoring.drools.BaseSheet sheet",
                "sheet"));
        files.put("FinalResult.java", derived("FinalResult", "BaseFinalResult",
                "An agency's final result: the total and rating of its final assessment.",
                "org.isoscoring.drools.BaseSheet sheet, java.math.BigDecimal total, Object rating",
                "sheet, total, (Rating) rating") + "");
        files.put(TYPES + ".java", types());
        return files;
    }

    private String header(String what) {
        return "// Written by iso-scoring from the guidance's declarations; not edited by hand.\n"
                + "package " + pkg + ";\n\n/** " + what + " */\n";
    }

    private String enumeration(String name, String what, List<String> values) {
        StringBuilder s = new StringBuilder(header(what));
        s.append("public enum ").append(name).append(" {\n    ").append(String.join(", ", values)).append(";\n\n");
        s.append("    /** The value of this id (without reflection, which rule files may not use). */\n");
        s.append("    public static ").append(name).append(" of(String id) {\n        switch (id) {\n");
        for (String v : values) {
            s.append("            case \"").append(v).append("\": return ").append(v).append(";\n");
        }
        s.append("            default: throw new IllegalArgumentException(\"no ").append(name)
                .append(" \" + id);\n        }\n    }\n}\n");
        return s.toString();
    }

    /** The Java type of a fact in the rules: boxed when some kinds do not carry it (it is then null). */
    private static String javaType(Vocabulary.Fact f, boolean boxed) {
        return switch (f.type()) {
            case COUNT -> boxed ? "Integer" : "int";
            case DECIMAL -> "java.math.BigDecimal";
            case DATE -> "java.time.LocalDate";
            case BOOLEAN -> boxed ? "Boolean" : "boolean";
            case CHOICE -> f.choice().name();
            case AGENCIES -> "java.util.List<String>";
        };
    }

    private static boolean boxed(Vocabulary.Fact f) {
        return !f.kinds().isEmpty() || f.nullable();
    }

    private static String getter(String name, String type) {
        return ("boolean".equals(type) ? "is" : "get") + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** How a fact's value is read from {@code facts} into its field. */
    private static String read(Vocabulary.Fact f, String facts) {
        return value(f, facts + ".get(\"" + f.name() + "\")");
    }

    /** How a fact's value, {@code get}, becomes its field. */
    private static String value(Vocabulary.Fact f, String get) {
        return switch (f.type()) {
            case COUNT -> boxed(f) ? "(Integer) " + get : "intOf(" + get + ")";
            case DECIMAL -> "(java.math.BigDecimal) " + get;
            case DATE -> "(java.time.LocalDate) " + get;
            case BOOLEAN -> boxed(f) ? "(Boolean) " + get : "Boolean.TRUE.equals(" + get + ")";
            case CHOICE -> get + " == null ? null : " + f.choice().name() + ".of((String) " + get + ")";
            case AGENCIES -> "listOf(" + get + ")";
        };
    }

    private String sheet() {
        StringBuilder s = new StringBuilder(header("An assessment as the rules see it (phiếu chấm): every fact of the "
                + "guidance under its JSON name, and the measures the rules compare."));
        s.append("public final class Sheet extends org.isoscoring.drools.BaseSheet {\n\n");
        s.append("    /** The facts' names, in the order the guidance declares them. */\n");
        s.append("    private static final java.util.List<String> NAMES = java.util.List.of(")
                .append(String.join(", ", vocabulary.facts().stream().map(f -> "\"" + f.name() + "\"").toList()))
                .append(");\n\n");
        s.append("    private final AgencyKind kind;\n    private final Assessor assessor;\n");
        for (Vocabulary.Fact f : vocabulary.facts()) {
            s.append("    private final ").append(javaType(f, boxed(f))).append(' ').append(f.name()).append(";\n");
        }
        for (Vocabulary.Measure m : vocabulary.measures()) {
            if (m.computation() == Vocabulary.Computation.DAYS_BETWEEN) {
                s.append("    private final Integer ").append(m.name()).append(";\n");
            }
        }
        s.append("\n    public Sheet(int index, String agency, String kind, String assessor, String parent, int year, "
                + "int rank, org.isoscoring.api.Facts facts) {\n");
        s.append("        super(index, agency, kind, assessor, parent, year, rank, facts);\n");
        s.append("        this.kind = AgencyKind.of(kind);\n        this.assessor = Assessor.of(assessor);\n");
        s.append("        Object[] v = facts.values(NAMES);\n");
        for (int i = 0; i < vocabulary.facts().size(); i++) {
            Vocabulary.Fact f = vocabulary.facts().get(i);
            s.append("        this.").append(f.name()).append(" = ").append(value(f, "v[" + i + "]")).append(";\n");
        }
        for (Vocabulary.Measure m : vocabulary.measures()) {
            if (m.computation() == Vocabulary.Computation.DAYS_BETWEEN) {
                s.append("        this.").append(m.name()).append(" = daysBetween(").append(value(m.of().get(0)))
                        .append(", ").append(value(m.of().get(1))).append(");\n");
            }
        }
        s.append("    }\n\n");
        s.append("    public AgencyKind getKind() {\n        return kind;\n    }\n\n");
        s.append("    public Assessor getAssessor() {\n        return assessor;\n    }\n\n");
        parents(s, "this");
        for (Vocabulary.Fact f : vocabulary.facts()) {
            String type = javaType(f, boxed(f));
            s.append("    public ").append(type).append(' ').append(getter(f.name(), type)).append("() {\n        return ")
                    .append(f.name()).append(";\n    }\n\n");
        }
        for (Vocabulary.Measure m : vocabulary.measures()) {
            String cap = Character.toUpperCase(m.name().charAt(0)) + m.name().substring(1);
            switch (m.computation()) {
                case RATIO -> s.append("    public org.isoscoring.rules.Ratio get").append(cap).append("() {\n")
                        .append("        return new org.isoscoring.rules.Ratio(").append(count(m.of().get(0)))
                        .append(", ").append(count(m.of().get(1))).append(");\n    }\n\n");
                case DIFFERENCE -> s.append("    public int get").append(cap).append("() {\n        return ")
                        .append(count(m.of().get(0))).append(" - ").append(count(m.of().get(1)))
                        .append(";\n    }\n\n");
                case DAYS_BETWEEN -> s.append("    public Integer get").append(cap).append("() {\n        return ")
                        .append(m.name()).append(";\n    }\n\n");
            }
        }
        s.append("    @Override\n    public Object quote(String name) {\n        switch (name) {\n");
        for (Vocabulary.Fact f : vocabulary.facts()) {
            s.append("            case \"").append(f.name()).append("\": return ").append(f.name()).append(";\n");
        }
        for (Vocabulary.Measure m : vocabulary.measures()) {
            String cap = Character.toUpperCase(m.name().charAt(0)) + m.name().substring(1);
            s.append("            case \"").append(m.name()).append("\": return get").append(cap).append("();\n");
        }
        s.append("            default: return super.quote(name);\n        }\n    }\n}\n");
        return s.toString();
    }

    /** The value of a fact or measure inside {@code Sheet}, as a field or getter call. */
    private String value(String name) {
        if (vocabulary.fact(name).isPresent()) {
            return name;
        }
        Vocabulary.Measure m = vocabulary.measure(name).orElseThrow();
        return "get" + Character.toUpperCase(m.name().charAt(0)) + m.name().substring(1) + "()";
    }

    /** A count inside {@code Sheet}: a fact some kinds do not carry counts as 0 for them. */
    private String count(String name) {
        Vocabulary.Fact f = vocabulary.fact(name).orElse(null);
        return f != null && boxed(f) ? "(" + name + " == null ? 0 : " + name + ")" : value(name);
    }

    /** A getter for each field that names the agency one belongs to ({@code getDistrict()}). */
    private void parents(StringBuilder s, String sheet) {
        Map<String, List<String>> kindsByField = new LinkedHashMap<>();
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.belongsTo() != null) {
                kindsByField.computeIfAbsent(k.belongsTo().field(), f -> new ArrayList<>()).add(k.id());
            }
        }
        kindsByField.forEach((field, kinds) -> {
            List<String> tests = kinds.stream().map(k -> sheet + ".getKind() == AgencyKind." + k).toList();
            s.append("    /** The agency it belongs to, for ").append(String.join(", ", kinds))
                    .append("; otherwise null. */\n    public String ").append(getter(field, "String"))
                    .append("() {\n        return ").append(String.join(" || ", tests)).append(" ? ").append(sheet)
                    .append(".getParent() : null;\n    }\n\n");
        });
    }

    private String unit(Vocabulary.Kind k) {
        StringBuilder s = new StringBuilder(header("An agency of kind " + k.id() + " as the rules see it."));
        s.append("public final class ").append(k.fact()).append(" extends org.isoscoring.drools.BaseUnit {\n\n");
        List<String[]> fields = new ArrayList<>(); // name, type, read
        if (k.members() != null) {
            fields.add(new String[] {k.members().count(), "int", "members"});
        }
        if (k.record() != null) {
            for (Vocabulary.Fact f : k.record().fields()) {
                if (f.type() == Vocabulary.Type.AGENCIES) {
                    fields.add(new String[] {f.name(), javaType(f, true), read(f, "record")});
                    if (f.countAs() != null) {
                        fields.add(new String[] {f.countAs(), "int", "distinct(record.get(\"" + f.name() + "\"))"});
                    }
                } else {
                    fields.add(new String[] {f.name(), javaType(f, boxed(f)), read(f, "record")});
                }
            }
        }
        for (String[] f : fields) {
            s.append("    private final ").append(f[1]).append(' ').append(f[0]).append(";\n");
        }
        s.append("\n    public ").append(k.fact()).append("(String agency, String kind, String parent, int members, "
                + "org.isoscoring.api.Facts record) {\n        super(agency, kind, parent);\n");
        for (String[] f : fields) {
            s.append("        this.").append(f[0]).append(" = ").append(f[2]).append(";\n");
        }
        s.append("    }\n\n    public AgencyKind getKind() {\n        return AgencyKind.of(kindId());\n    }\n\n");
        for (String[] f : fields) {
            s.append("    public ").append(f[1]).append(' ').append(getter(f[0], f[1])).append("() {\n        return ")
                    .append(f[0]).append(";\n    }\n\n");
        }
        s.append("    @Override\n    public Object quote(String name) {\n        switch (name) {\n");
        for (String[] f : fields) {
            s.append("            case \"").append(f[0]).append("\": return ").append(f[0]).append(";\n");
        }
        s.append("            default: return super.quote(name);\n        }\n    }\n}\n");
        return s.toString();
    }

    private String derived(String name, String base, String what, String parameters, String arguments) {
        StringBuilder s = new StringBuilder(header(what));
        s.append("public final class ").append(name).append(" extends org.isoscoring.drools.").append(base)
                .append(" {\n\n    public ").append(name).append('(').append(parameters).append(") {\n        super(")
                .append(arguments).append(");\n    }\n\n");
        s.append("    public AgencyKind getKind() {\n        return ((Sheet) getSheet()).getKind();\n    }\n\n");
        s.append("    public Assessor getAssessor() {\n        return ((Sheet) getSheet()).getAssessor();\n    }\n\n");
        if ("FinalResult".equals(name)) {
            s.append("    @Override\n    public Rating getRating() {\n        return (Rating) super.getRating();\n"
                    + "    }\n\n");
        }
        parents(s, "((Sheet) getSheet())");
        s.append("}\n");
        return s.toString();
    }

    private String types() {
        StringBuilder s = new StringBuilder(header("How the engine makes this guidance's facts."));
        s.append("public final class ").append(TYPES).append(" implements org.isoscoring.drools.Types {\n\n");
        s.append("    @Override\n    public org.isoscoring.drools.BaseSheet sheet(int index, String agency, String kind, "
                + "String assessor, String parent, int year, int rank, org.isoscoring.api.Facts facts) {\n"
                + "        return new Sheet(index, agency, kind, assessor, parent, year, rank, facts);\n    }\n\n");
        s.append("    @Override\n    public org.isoscoring.drools.BaseUnit unit(String agency, String kind, String parent, "
                + "int members, org.isoscoring.api.Facts record) {\n        switch (kind) {\n");
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.fact() != null) {
                s.append("            case \"").append(k.id()).append("\": return new ").append(k.fact())
                        .append("(agency, kind, parent, members, record);\n");
            }
        }
        s.append("            default: return null;\n        }\n    }\n\n");
        s.append("    @Override\n    public org.isoscoring.drools.BaseTotal total(org.isoscoring.drools.BaseSheet sheet, "
                + "java.math.BigDecimal value, java.math.BigDecimal penalty) {\n"
                + "        return new Total(sheet, value, penalty);\n    }\n}\n");
        return s.toString();
    }
}
