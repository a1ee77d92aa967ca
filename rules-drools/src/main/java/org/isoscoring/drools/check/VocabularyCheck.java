package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Vocabulary;

/**
 * What {@code check} finds in a guidance's declarations before any rule is read: names that are not identifiers or
 * are declared twice, a fact of an unknown kind, a constraint or a measure naming an undeclared fact, a nesting that
 * loops, a kind no assessor may assess, a final-assessor order that leaves an assessor out, a group of an unknown
 * kind. Each finding names its file, line and column, in Vietnamese and English.
 */
public final class VocabularyCheck {

    private static final Pattern FACT_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** What a result already calls its fields: a group may not take one of these names. */
    private static final Set<String> RESULT_FIELDS = Set.of("guidance", "year", "rulesHash", "assessments",
            "agencies");
    /** What an agency already calls its fields: a kind may not name its parent or record with one of these. */
    private static final Set<String> AGENCY_FIELDS = Set.of("id", "name", "kind");
    /** What the rules already call a value of an assessment. */
    private static final Set<String> SHEET_NAMES = Set.of("agency", "kind", "assessor", "year", "facts", "index");

    private final Vocabulary vocabulary;
    private final JsonFile guidance;
    private final JsonFile facts;
    private final List<Finding> findings;

    private VocabularyCheck(GuidanceInfo info, JsonFile guidance, JsonFile facts, List<Finding> findings) {
        this.vocabulary = info.vocabulary();
        this.guidance = guidance;
        this.facts = facts;
        this.findings = findings;
    }

    /**
     * Checks a guidance's declarations and adds every problem found to {@code findings}.
     *
     * @param info the guidance as read from its descriptor
     * @param guidance {@code guidance.json}, for the place of each problem
     * @param facts {@code facts.json}, for the place of each problem
     * @param findings where the problems are added
     */
    public static void run(GuidanceInfo info, JsonFile guidance, JsonFile facts, List<Finding> findings) {
        VocabularyCheck check = new VocabularyCheck(info, guidance, facts, findings);
        check.titles(info);
        check.choices();
        check.kinds();
        check.facts();
        check.measures();
        check.assessors();
        check.ratings();
        check.groups();
    }

    /** A catalog title for a kind the guidance does not declare (left behind when a kind is removed). */
    private void titles(GuidanceInfo info) {
        for (int c = 0; c < info.criteria().size(); c++) {
            org.isoscoring.api.Criterion criterion = info.criteria().get(c);
            for (String kind : criterion.titleByKind().keySet()) {
                if (vocabulary.kind(kind).isEmpty()) {
                    guidance("/criteria/" + c + "/titleByKind/" + kind, unknownKind(kind));
                }
            }
            for (int s = 0; s < criterion.subCriteria().size(); s++) {
                for (String kind : criterion.subCriteria().get(s).titleByKind().keySet()) {
                    if (vocabulary.kind(kind).isEmpty()) {
                        guidance("/criteria/" + c + "/subCriteria/" + s + "/titleByKind/" + kind, unknownKind(kind));
                    }
                }
            }
        }
    }

    private void choices() {
        Map<String, Integer> seen = new HashMap<>();
        List<Vocabulary.Choice> declared = vocabulary.choices().subList(1, vocabulary.choices().size());
        for (int i = 0; i < declared.size(); i++) {
            Vocabulary.Choice c = declared.get(i);
            String at = "/choices/" + i;
            name(facts, at + "/name", c.name(), TYPE_NAME, "một tên viết hoa chữ đầu như IsoTeam", "a capitalised name "
                    + "such as IsoTeam");
            if (c.name().equals(Vocabulary.JUDGEMENT.name()) || seen.putIfAbsent(c.name(), i) != null) {
                facts(at + "/name", "lựa chọn \"" + c.name() + "\" đã có", "the choice \"" + c.name() + "\" is declared "
                        + "already" + (c.name().equals(Vocabulary.JUDGEMENT.name()) ? " (judgement: FULL, PARTIAL, "
                        + "NONE)" : ""));
            }
            if (c.values().isEmpty()) {
                facts(at + "/values", "lựa chọn \"" + c.name() + "\" không có giá trị nào", "the choice \"" + c.name()
                        + "\" has no value");
            }
            Set<String> ids = new HashSet<>();
            for (int v = 0; v < c.values().size(); v++) {
                String id = c.values().get(v).id();
                name(facts, at + "/values/" + v + "/id", id, ID, "chữ hoa, số và _ như CURRENT", "capitals, digits and _ "
                        + "such as CURRENT");
                if (!ids.add(id)) {
                    facts(at + "/values/" + v + "/id", "giá trị \"" + id + "\" bị lặp", "the value \"" + id
                            + "\" is given twice");
                }
            }
        }
    }

    private void kinds() {
        Map<String, Integer> seen = new HashMap<>();
        List<Vocabulary.Kind> kinds = vocabulary.kinds();
        if (kinds.isEmpty()) {
            guidance("/kinds", "\"kinds\" không có loại cơ quan nào", "\"kinds\" declares no kind of agency");
        }
        for (int i = 0; i < kinds.size(); i++) {
            Vocabulary.Kind k = kinds.get(i);
            String at = "/kinds/" + i;
            name(guidance, at + "/id", k.id(), ID, "chữ hoa, số và _ như COMMUNE", "capitals, digits and _ such as "
                    + "COMMUNE");
            if (seen.putIfAbsent(k.id(), i) != null) {
                guidance(at + "/id", "loại cơ quan \"" + k.id() + "\" đã có", "the kind \"" + k.id() + "\" is declared "
                        + "already");
            }
            if (k.fact() != null) {
                name(guidance, at + "/fact", k.fact(), TYPE_NAME, "một tên viết hoa chữ đầu như District", "a "
                        + "capitalised name such as District");
            }
        }
        Set<String> ids = seen.keySet();
        for (int i = 0; i < kinds.size(); i++) {
            Vocabulary.Kind k = kinds.get(i);
            String at = "/kinds/" + i;
            if (k.belongsTo() != null) {
                if (!ids.contains(k.belongsTo().kind())) {
                    guidance(at + "/belongsTo/kind", unknownKind(k.belongsTo().kind()));
                } else if (loops(k)) {
                    guidance(at + "/belongsTo", "vòng lặp: \"" + k.id() + "\" trực thuộc chính nó qua belongsTo", "the "
                            + "nesting loops: \"" + k.id() + "\" belongs to itself through belongsTo");
                }
                name(guidance, at + "/belongsTo/field", k.belongsTo().field(), FACT_NAME, "một tên như district", "a "
                        + "name such as district");
                if (AGENCY_FIELDS.contains(k.belongsTo().field())) {
                    guidance(at + "/belongsTo/field", "\"" + k.belongsTo().field() + "\" đã là một trường của cơ quan",
                            "\"" + k.belongsTo().field() + "\" is a field of every agency already");
                }
            }
            boolean hasMembers = !vocabulary.membersOf(k.id()).isEmpty();
            if (k.members() != null && !hasMembers) {
                guidance(at + "/members", "không có loại cơ quan nào trực thuộc \"" + k.id() + "\" (belongsTo)", "no "
                        + "kind belongs to \"" + k.id() + "\" (belongsTo)");
            }
            if (k.record() != null) {
                if (AGENCY_FIELDS.contains(k.record().name())) {
                    guidance(at + "/record/name", "\"" + k.record().name() + "\" đã là một trường của cơ quan", "\"" + k.record().name() + "\" is a "
                            + "field of every agency already");
                }
                Set<String> fields = new HashSet<>();
                for (int f = 0; f < k.record().fields().size(); f++) {
                    Vocabulary.Fact field = k.record().fields().get(f);
                    String fat = at + "/record/fields/" + f;
                    name(guidance, fat + "/name", field.name(), FACT_NAME, "một tên như resultsSentOn", "a name such as "
                            + "resultsSentOn");
                    if (!fields.add(field.name())) {
                        guidance(fat + "/name", "trường \"" + field.name() + "\" bị lặp", "the field \"" + field.name()
                                + "\" is declared twice");
                    }
                    if (field.type() == Vocabulary.Type.AGENCIES && !hasMembers) {
                        guidance(fat + "/type", "\"members\" chỉ dùng cho loại cơ quan có cơ quan trực thuộc",
                                "\"members\" lists member agencies, and no kind belongs to \"" + k.id() + "\"");
                    }
                }
            }
        }
    }

    /** Whether following {@code belongsTo} from a kind comes back to it. */
    private boolean loops(Vocabulary.Kind kind) {
        Set<String> visited = new HashSet<>();
        for (Vocabulary.Kind k = kind; k != null && k.belongsTo() != null;
             k = vocabulary.kind(k.belongsTo().kind()).orElse(null)) {
            if (!visited.add(k.id())) {
                return true;
            }
            if (k.belongsTo().kind().equals(kind.id())) {
                return true;
            }
        }
        return false;
    }

    private void facts() {
        List<Vocabulary.Fact> declared = vocabulary.facts();
        if (declared.isEmpty()) {
            facts("/facts", "\"facts\" không có dữ kiện nào", "\"facts\" declares no fact");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            Vocabulary.Fact f = declared.get(i);
            String at = "/facts/" + i;
            name(facts, at + "/name", f.name(), FACT_NAME, "chữ thường đầu tiên, chữ và số như staffTrained", "a name "
                    + "such as staffTrained");
            if (SHEET_NAMES.contains(f.name())) {
                facts(at + "/name", "\"" + f.name() + "\" là tên dành sẵn của phiếu chấm", "\"" + f.name() + "\" is a name every assessment "
                        + "has already");
            }
            if (seen.putIfAbsent(f.name(), i) != null) {
                facts(at + "/name", "dữ kiện \"" + f.name() + "\" đã có (facts[" + seen.get(f.name()) + "])", "the fact \""
                        + f.name() + "\" is declared already (facts[" + seen.get(f.name()) + "])");
            }
            for (String kind : f.kinds()) {
                if (vocabulary.kind(kind).isEmpty()) {
                    facts(at + "/kinds", unknownKind(kind));
                }
            }
            if (f.min() != null && f.type() != Vocabulary.Type.COUNT && f.type() != Vocabulary.Type.DECIMAL) {
                facts(at + "/min", "\"min\" chỉ dùng cho số", "\"min\" is for numbers only");
            }
            if (f.nullable() && f.type() != Vocabulary.Type.DATE) {
                facts(at + "/nullable", "chỉ ngày mới có thể để trống (null)", "only a date may be null (a thing not "
                        + "done)");
            }
        }
        for (int i = 0; i < declared.size(); i++) {
            Vocabulary.Fact f = declared.get(i);
            if (f.partOf() == null) {
                continue;
            }
            String at = "/facts/" + i + "/partOf";
            Vocabulary.Type whole = typeOf(f.partOf());
            if (f.type() != Vocabulary.Type.COUNT && f.type() != Vocabulary.Type.DECIMAL) {
                facts(at, "chỉ một số mới là phần của một số khác", "only a number is part of another");
            } else if (whole == null) {
                facts(at, undeclared(f.partOf()));
            } else if (f.partOf().equals(f.name())) {
                facts(at, "một dữ kiện không là phần của chính nó", "a fact is not part of itself");
            } else if (whole != Vocabulary.Type.COUNT && whole != Vocabulary.Type.DECIMAL) {
                facts(at, "\"" + f.partOf() + "\" không phải là số", "\"" + f.partOf() + "\" is not a number");
            } else if (!carriedWherever(f, f.partOf())) {
                facts(at, "\"" + f.partOf() + "\" không có ở mọi loại cơ quan có \"" + f.name() + "\"",
                        "\"" + f.partOf() + "\" is not carried by every kind that carries \"" + f.name() + "\"");
            }
        }
    }

    private void measures() {
        Map<String, Integer> seen = new HashMap<>();
        List<Vocabulary.Measure> measures = vocabulary.measures();
        for (int i = 0; i < measures.size(); i++) {
            Vocabulary.Measure m = measures.get(i);
            String at = "/measures/" + i;
            name(facts, at + "/name", m.name(), FACT_NAME, "một tên như onTimeRate", "a name such as onTimeRate");
            if (vocabulary.fact(m.name()).isPresent() || SHEET_NAMES.contains(m.name())
                    || seen.putIfAbsent(m.name(), i) != null) {
                facts(at + "/name", "tên \"" + m.name() + "\" đã có", "the name \"" + m.name() + "\" is taken already");
            }
            for (int k = 0; k < m.of().size(); k++) {
                String of = m.of().get(k);
                Vocabulary.Type type = vocabulary.fact(of).map(Vocabulary.Fact::type).orElse(null);
                if (type == null) {
                    type = earlierMeasure(of, i);
                }
                String oat = at + "/of/" + k;
                if (type == null) {
                    boolean measure = vocabulary.measure(of).isPresent();
                    facts(oat, undeclared(of).plus(measure ? " (một số đo chỉ dùng số đo khai báo trước nó)" : "",
                            measure ? " (a measure uses only measures declared before it)" : ""));
                } else if (m.computation() == Vocabulary.Computation.DAYS_BETWEEN
                        ? type != Vocabulary.Type.DATE : type != Vocabulary.Type.COUNT) {
                    boolean days = m.computation() == Vocabulary.Computation.DAYS_BETWEEN;
                    facts(oat, "\"" + of + "\" không phải là " + (days ? "ngày" : "số lượng (count)"),
                            "\"" + of + "\" " + (days ? "is not a date" : "is not a count"));
                }
            }
        }
    }

    private Vocabulary.Type earlierMeasure(String name, int before) {
        for (int i = 0; i < before; i++) {
            Vocabulary.Measure m = vocabulary.measures().get(i);
            if (m.name().equals(name)) {
                return m.computation() == Vocabulary.Computation.RATIO ? Vocabulary.Type.DECIMAL
                        : Vocabulary.Type.COUNT;
            }
        }
        return null;
    }

    private void assessors() {
        List<Vocabulary.Assessor> assessors = vocabulary.assessors();
        if (assessors.isEmpty()) {
            guidance("/assessors", "\"assessors\" không có cấp chấm nào", "\"assessors\" declares no assessor");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < assessors.size(); i++) {
            Vocabulary.Assessor a = assessors.get(i);
            String at = "/assessors/" + i;
            name(guidance, at + "/id", a.id(), ID, "chữ hoa, số và _ như PROVINCE", "capitals, digits and _ such as "
                    + "PROVINCE");
            if (seen.putIfAbsent(a.id(), i) != null) {
                guidance(at + "/id", "cấp chấm \"" + a.id() + "\" đã có", "the assessor \"" + a.id() + "\" is declared "
                        + "already");
            }
            for (String kind : a.assesses()) {
                if (vocabulary.kind(kind).isEmpty()) {
                    guidance(at + "/assesses", unknownKind(kind));
                }
            }
        }
        for (int i = 0; i < vocabulary.kinds().size(); i++) {
            String kind = vocabulary.kinds().get(i).id();
            if (assessors.stream().noneMatch(a -> a.mayAssess(kind))) {
                guidance("/kinds/" + i + "/id", "không cấp chấm nào chấm được \"" + kind + "\" (assessors…assesses)", "no "
                        + "assessor may assess a \"" + kind + "\" (assessors…assesses)");
            }
        }
        List<String> order = vocabulary.finalAssessor();
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            if (!seen.containsKey(id)) {
                guidance("/finalAssessor/" + i, "không có cấp chấm \"" + id + "\" trong \"assessors\""
                        + Descriptor.suggestion(id, seen.keySet(), false), "\"" + id + "\" is not an assessor"
                        + Descriptor.suggestion(id, seen.keySet(), true));
            } else if (!listed.add(id)) {
                guidance("/finalAssessor/" + i, "\"" + id + "\" bị lặp", "\"" + id + "\" is listed twice");
            }
        }
        for (Vocabulary.Assessor a : assessors) {
            if (!order.isEmpty() && !listed.contains(a.id()) && seen.containsKey(a.id())) {
                guidance("/finalAssessor", "thiếu cấp chấm \"" + a.id() + "\": mỗi cấp chấm có một thứ tự", "\"" + a.id()
                        + "\" is missing: every assessor has its place in the order");
            }
        }
    }

    private void ratings() {
        List<Vocabulary.Rating> ratings = vocabulary.ratings();
        if (ratings.isEmpty()) {
            guidance("/ratings", "\"ratings\" không có mức xếp loại nào", "\"ratings\" declares no rating");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            String id = ratings.get(i).id();
            name(guidance, "/ratings/" + i + "/id", id, ID, "chữ hoa, số và _ như EXCELLENT", "capitals, digits and _ "
                    + "such as EXCELLENT");
            if (!seen.add(id)) {
                guidance("/ratings/" + i + "/id", "mức xếp loại \"" + id + "\" đã có", "the rating \"" + id
                        + "\" is declared already");
            }
        }
    }

    private void groups() {
        Set<String> seen = new HashSet<>();
        List<Vocabulary.Group> groups = vocabulary.groups();
        for (int i = 0; i < groups.size(); i++) {
            Vocabulary.Group g = groups.get(i);
            String at = "/groups/" + i;
            name(guidance, at + "/id", g.id(), FACT_NAME, "một tên như districts", "a name such as districts");
            if (RESULT_FIELDS.contains(g.id()) || !seen.add(g.id())) {
                guidance(at + "/id", "tên \"" + g.id() + "\" đã có trong kết quả", "the result has a field \"" + g.id()
                        + "\" already");
            }
            if (g.of() != null && vocabulary.kind(g.of()).isEmpty()) {
                guidance(at + "/of", unknownKind(g.of()));
            }
            if (g.sampleOf() != null && vocabulary.kind(g.sampleOf()).isEmpty()) {
                guidance(at + "/sampleOf", unknownKind(g.sampleOf()));
            } else if (g.sampleOf() != null && g.of() != null) {
                guidance(at + "/sampleOf", "nhóm theo \"" + g.of() + "\" chọn mẫu trong các cơ quan thuộc mỗi " + g.of()
                        + "; \"sampleOf\" chỉ dùng cho nhóm của toàn yêu cầu (không có \"of\")", "a group of "
                        + g.of() + " draws from each one's members; \"sampleOf\" is for a group of the whole request "
                        + "(without \"of\")");
            }
            Set<String> figures = new HashSet<>();
            g.figures().forEach(f -> figures.add(f.name()));
            Set<String> named = new HashSet<>();
            for (int f = 0; f < g.figures().size(); f++) {
                Vocabulary.Figure figure = g.figures().get(f);
                String fat = at + "/figures/" + f;
                name(guidance, fat + "/name", figure.name(), FACT_NAME, "một tên như onSiteRequired", "a name such as "
                        + "onSiteRequired");
                if (!named.add(figure.name()) || "agency".equals(figure.name())) {
                    guidance(fat + "/name", "số liệu \"" + figure.name() + "\" đã có", "the figure \"" + figure.name()
                            + "\" is declared already");
                }
                if (figure.atLeast() != null && !figures.contains(figure.atLeast())) {
                    guidance(fat + "/atLeast", "nhóm \"" + g.id() + "\" không có số liệu \"" + figure.atLeast() + "\"",
                            "the group has no figure \"" + figure.atLeast() + "\"");
                }
            }
        }
    }

    // --- helpers

    private Vocabulary.Type typeOf(String name) {
        return vocabulary.fact(name).map(Vocabulary.Fact::type).orElseGet(() -> vocabulary.measure(name)
                .map(m -> m.computation() == Vocabulary.Computation.RATIO ? Vocabulary.Type.DECIMAL
                        : m.computation() == Vocabulary.Computation.DAYS_BETWEEN ? Vocabulary.Type.DATE
                        : Vocabulary.Type.COUNT).orElse(null));
    }

    /** Whether every kind that carries {@code part} carries the facts {@code whole} is (or is made of). */
    private boolean carriedWherever(Vocabulary.Fact part, String whole) {
        List<String> wholes = new ArrayList<>();
        vocabulary.measure(whole).ifPresentOrElse(m -> wholes.addAll(m.of()), () -> wholes.add(whole));
        for (String w : wholes) {
            Vocabulary.Fact fact = vocabulary.fact(w).orElse(null);
            if (fact == null) {
                continue;
            }
            for (Vocabulary.Kind k : vocabulary.kinds()) {
                if (part.carriedBy(k.id()) && !fact.carriedBy(k.id())) {
                    return false;
                }
            }
        }
        return true;
    }

    private Text unknownKind(String kind) {
        List<String> known = vocabulary.kinds().stream().map(Vocabulary.Kind::id).toList();
        return new Text("không có loại cơ quan \"" + kind + "\" trong \"kinds\"" + Descriptor.suggestion(kind, known,
                false), "\"" + kind + "\" is not a declared kind " + known + Descriptor.suggestion(kind, known, true));
    }

    private Text undeclared(String name) {
        List<String> known = new ArrayList<>();
        vocabulary.facts().forEach(f -> known.add(f.name()));
        vocabulary.measures().forEach(m -> known.add(m.name()));
        return new Text("không có dữ kiện hay số đo \"" + name + "\"" + Descriptor.suggestion(name, known, false),
                "\"" + name + "\" is not a declared fact or measure" + Descriptor.suggestion(name, known, true));
    }

    private void name(JsonFile file, String at, String value, Pattern form, String exampleVi, String exampleEn) {
        if (!"?".equals(value) && !form.matcher(value).matches()) {
            findings.add(file.at(at, "\"" + value + "\" không phải tên hợp lệ: " + exampleVi,
                    "\"" + value + "\" is not a valid name: " + exampleEn));
        }
    }

    private void guidance(String at, String vi, String en) {
        findings.add(guidance.at(at, vi, en));
    }

    private void guidance(String at, Text message) {
        guidance(at, message.vi(), message.en());
    }

    private void facts(String at, String vi, String en) {
        findings.add(facts.at(at, vi, en));
    }

    private void facts(String at, Text message) {
        facts(at, message.vi(), message.en());
    }
}
