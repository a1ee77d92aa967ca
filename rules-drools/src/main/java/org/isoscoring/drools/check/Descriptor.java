package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Label;
import org.isoscoring.api.Vocabulary;

/**
 * A guidance's descriptor: {@code guidance.json} (id, title, years, sources, the catalog, the kinds of agency, the
 * assessors, the ratings and the group figures) and {@code facts.json} (the facts an assessor records, the measures
 * the rules compute from them and the choices of choice facts). Every problem names its file, line and column.
 *
 * @param info the guidance as the API shows it
 */
public record Descriptor(GuidanceInfo info) {

    /** The name of a guidance folder's descriptor file. */
    public static final String FILE = "guidance.json";
    /** The name of the file in which a guidance folder declares its facts. */
    public static final String FACTS = "facts.json";

    /** The fact types an officer writes besides the name of a declared choice. */
    public static final Map<String, Vocabulary.Type> TYPES = Map.of("count", Vocabulary.Type.COUNT,
            "decimal", Vocabulary.Type.DECIMAL, "date", Vocabulary.Type.DATE, "boolean", Vocabulary.Type.BOOLEAN,
            "judgement", Vocabulary.Type.CHOICE);

    /**
     * Reads the descriptor of a folder's files; {@code null} with findings when it cannot be read.
     *
     * @param files a guidance folder's files, their text by file name
     * @param findings where every problem found is added, each at its file, line and column
     * @return the descriptor, or {@code null} when a file is missing or broken or a problem was found
     */
    public static Descriptor parse(SortedMap<String, String> files, List<Finding> findings) {
        String guidance = files.get(FILE);
        if (guidance == null) {
            findings.add(new Finding(FILE, 0, 0, "thiếu tệp mô tả", "missing: a guidance folder has a descriptor "
                    + "guidance.json"));
            return null;
        }
        String facts = files.get(FACTS);
        if (facts == null) {
            findings.add(new Finding(FACTS, 0, 0, "thiếu tệp dữ kiện", "missing: a guidance folder declares its facts "
                    + "in facts.json (docs/officers-guide.md)"));
            return null;
        }
        int before = findings.size();
        JsonFile g = JsonFile.read(FILE, guidance, findings);
        JsonFile f = JsonFile.read(FACTS, facts, findings);
        if (g == null || f == null) {
            return null;
        }
        Reader reader = new Reader(findings);
        GuidanceInfo info = reader.info(g, f);
        VocabularyCheck.run(info, g, f, findings); // also after a value of the wrong form: every finding at once
        return findings.size() > before ? null : new Descriptor(info);
    }

    /** Reads the two files, with a finding for every value of the wrong form. */
    private static final class Reader {

        private final List<Finding> findings;
        private JsonFile file;

        Reader(List<Finding> findings) {
            this.findings = findings;
        }

        GuidanceInfo info(JsonFile g, JsonFile f) {
            file = g;
            JsonNode root = g.root();
            known(root, "", Set.of("id", "title", "titleEn", "years", "sources", "criteria", "kinds", "assessors",
                    "finalAssessor", "ratings", "groups", "notice", "noticeEn"));
            String id = text(root, "", "id", true);
            String title = text(root, "", "title", true);
            List<Integer> years = new ArrayList<>();
            JsonNode yearNodes = root.get("years");
            if (yearNodes == null || !yearNodes.isArray() || yearNodes.isEmpty()) {
                problem(yearNodes == null ? "" : "/years", "\"years\" thiếu hoặc không có năm nào", "\"years\" is missing or "
                        + "lists no year, such as [2022]");
            } else {
                for (int i = 0; i < yearNodes.size(); i++) {
                    JsonNode y = yearNodes.get(i);
                    if (y.isIntegralNumber() && y.canConvertToInt()) {
                        years.add(y.intValue());
                    } else {
                        problem("/years/" + i, "một năm là số nguyên như 2022", "a year is a whole number such as 2022");
                    }
                }
            }
            List<String> sources = texts(root, "", "sources");
            List<Criterion> criteria = new ArrayList<>();
            each(root, "", "criteria", true, (c, at) -> criteria.add(criterion(c, at, true)));
            if (criteria.isEmpty() && root.has("criteria")) {
                problem("/criteria", "\"criteria\" không có tiêu chí nào", "\"criteria\" lists no criterion");
            }
            List<Vocabulary.Kind> kinds = new ArrayList<>();
            each(root, "", "kinds", true, (k, at) -> kinds.add(kind(k, at)));
            List<Vocabulary.Assessor> assessors = new ArrayList<>();
            each(root, "", "assessors", true, (a, at) -> assessors.add(new Vocabulary.Assessor(
                    known(a, at, Set.of("id", "title", "titleEn", "assesses")) ? text(a, at, "id", true) : "?",
                    label(a, at, "title", true), new LinkedHashSet<>(texts(a, at, "assesses")))));
            List<String> finalAssessor = texts(root, "", "finalAssessor");
            if (!root.has("finalAssessor")) {
                problem("", "thiếu \"finalAssessor\": các cấp chấm theo thứ tự ưu tiên khi lấy kết quả cuối cùng, "
                        + "cao nhất trước", "missing \"finalAssessor\": the assessors whose assessment is final, "
                        + "highest first");
            }
            List<Vocabulary.Rating> ratings = new ArrayList<>();
            each(root, "", "ratings", true, (r, at) -> ratings.add(new Vocabulary.Rating(
                    known(r, at, Set.of("id", "title", "titleEn")) ? text(r, at, "id", true) : "?",
                    label(r, at, "title", true))));
            List<Vocabulary.Group> groups = new ArrayList<>();
            each(root, "", "groups", false, (gr, at) -> groups.add(group(gr, at)));

            file = f;
            JsonNode facts = f.root();
            known(facts, "", Set.of("facts", "measures", "choices", "examples"));
            List<Vocabulary.Choice> choices = new ArrayList<>(List.of(Vocabulary.JUDGEMENT));
            each(facts, "", "choices", false, (c, at) -> choices.add(choice(c, at)));
            List<Vocabulary.Fact> declared = new ArrayList<>();
            each(facts, "", "facts", true, (x, at) -> declared.add(fact(x, at, choices, false)));
            List<Vocabulary.Measure> measures = new ArrayList<>();
            each(facts, "", "measures", false, (m, at) -> measures.add(measure(m, at)));
            List<Vocabulary.Example> examples = new ArrayList<>();
            each(facts, "", "examples", false, (e, at) -> examples.add(example(e, at, declared)));
            // the records' fields are facts too, read with the choices of facts.json
            file = g;
            List<Vocabulary.Kind> typed = new ArrayList<>();
            JsonNode kindNodes = root.path("kinds");
            for (int i = 0; i < kinds.size(); i++) {
                typed.add(withRecord(kinds.get(i), kindNodes.get(i), "/kinds/" + i, choices));
            }
            return new GuidanceInfo(id, title, years, sources, criteria, new Vocabulary(choices, declared, measures,
                    typed, assessors, finalAssessor, ratings, groups, examples),
                    root.has("notice") ? label(root, "", "notice", true) : null);
        }

        private Criterion criterion(JsonNode c, String at, boolean withSubs) {
            Set<String> fields = withSubs ? Set.of("id", "max", "title", "titleEn", "titleByKind", "subCriteria")
                    : Set.of("id", "max", "title", "titleEn", "titleByKind");
            known(c, at, fields);
            List<Criterion> subs = new ArrayList<>();
            if (withSubs) {
                each(c, at, "subCriteria", true, (s, sat) -> subs.add(criterion(s, sat, false)));
            }
            BigDecimal max = BigDecimal.ZERO;
            if (c.path("max").isNumber()) {
                max = c.get("max").decimalValue();
            } else {
                problem(at + "/max", "\"max\" thiếu hoặc không phải số" + in(c, false), "\"max\" is missing or not a number"
                        + in(c, true));
            }
            Map<String, Label> byKind = new java.util.LinkedHashMap<>();
            JsonNode titles = c.get("titleByKind");
            if (titles != null && isObject(titles, at + "/titleByKind")) {
                for (Iterator<String> kinds = titles.fieldNames(); kinds.hasNext(); ) {
                    String kind = kinds.next();
                    String kat = at + "/titleByKind/" + kind;
                    if (isObject(titles.get(kind), kat)) {
                        known(titles.get(kind), kat, Set.of("title", "titleEn"));
                        byKind.put(kind, label(titles.get(kind), kat, "title", true));
                    }
                }
            }
            return new Criterion(text(c, at, "id", true), max, label(c, at, "title", true), byKind, subs);
        }

        private Vocabulary.Kind kind(JsonNode k, String at) {
            known(k, at, Set.of("id", "title", "titleEn", "noun", "nounEn", "fact", "belongsTo", "members", "record",
                    "assessedAtLeastOnce"));
            Vocabulary.BelongsTo belongsTo = null;
            JsonNode b = k.get("belongsTo");
            if (b != null && isObject(b, at + "/belongsTo")) {
                known(b, at + "/belongsTo", Set.of("kind", "field"));
                belongsTo = new Vocabulary.BelongsTo(text(b, at + "/belongsTo", "kind", true),
                        text(b, at + "/belongsTo", "field", true));
            }
            Vocabulary.Members members = null;
            JsonNode m = k.get("members");
            if (m != null && isObject(m, at + "/members")) {
                known(m, at + "/members", Set.of("count", "atLeast"));
                members = new Vocabulary.Members(text(m, at + "/members", "count", true),
                        whole(m, at + "/members", "atLeast", 0));
            }
            String noun = k.has("noun") ? text(k, at, "noun", true) : null;
            return new Vocabulary.Kind(text(k, at, "id", true), label(k, at, "title", true),
                    noun == null ? null : new Label(noun, k.has("nounEn") ? text(k, at, "nounEn", true) : noun),
                    k.has("fact") ? text(k, at, "fact", true) : null, belongsTo, members, null,
                    bool(k, at, "assessedAtLeastOnce"));
        }

        private Vocabulary.Kind withRecord(Vocabulary.Kind kind, JsonNode k, String at, List<Vocabulary.Choice> choices) {
            JsonNode r = k == null ? null : k.get("record");
            if (r == null || !isObject(r, at + "/record")) {
                return kind;
            }
            String rat = at + "/record";
            known(r, rat, Set.of("name", "fields"));
            List<Vocabulary.Fact> fields = new ArrayList<>();
            each(r, rat, "fields", true, (x, fat) -> fields.add(fact(x, fat, choices, true)));
            return new Vocabulary.Kind(kind.id(), kind.title(), kind.noun(), kind.fact(), kind.belongsTo(),
                    kind.members(), new Vocabulary.AgencyRecord(text(r, rat, "name", true), fields),
                    kind.assessedAtLeastOnce());
        }

        private Vocabulary.Group group(JsonNode g, String at) {
            known(g, at, Set.of("id", "of", "title", "titleEn", "figures", "sampleOf"));
            List<Vocabulary.Figure> figures = new ArrayList<>();
            each(g, at, "figures", true, (x, fat) -> {
                known(x, fat, Set.of("name", "type", "title", "titleEn", "atLeast"));
                String type = text(x, fat, "type", true);
                Vocabulary.Type t = switch (type) {
                    case "count" -> Vocabulary.Type.COUNT;
                    case "points", "decimal" -> Vocabulary.Type.DECIMAL;
                    case "agencies" -> Vocabulary.Type.AGENCIES;
                    default -> {
                        problem(fat + "/type", "kiểu \"" + type + "\" không dùng được cho một số liệu; dùng count, "
                                + "points hoặc agencies", "a figure's type is count, points or agencies, not \"" + type
                                + "\"");
                        yield Vocabulary.Type.COUNT;
                    }
                };
                figures.add(new Vocabulary.Figure(text(x, fat, "name", true), t, label(x, fat, "title", true),
                        x.has("atLeast") ? text(x, fat, "atLeast", true) : null));
            });
            return new Vocabulary.Group(text(g, at, "id", true), g.has("of") ? text(g, at, "of", true) : null,
                    label(g, at, "title", true), figures, g.has("sampleOf") ? text(g, at, "sampleOf", true) : null);
        }

        private Vocabulary.Choice choice(JsonNode c, String at) {
            known(c, at, Set.of("name", "values"));
            List<Vocabulary.Value> values = new ArrayList<>();
            each(c, at, "values", true, (v, vat) -> {
                known(v, vat, Set.of("id", "title", "titleEn"));
                String id = text(v, vat, "id", true);
                values.add(new Vocabulary.Value(id, v.has("title") ? label(v, vat, "title", true) : new Label(id, id)));
            });
            return new Vocabulary.Choice(text(c, at, "name", true), values);
        }

        private Vocabulary.Fact fact(JsonNode x, String at, List<Vocabulary.Choice> choices, boolean field) {
            known(x, at, field ? Set.of("name", "type", "nullable", "min", "countAs", "title", "titleEn", "help",
                    "helpEn") : Set.of("name", "type", "nullable", "kinds", "min", "partOf", "title", "titleEn", "help",
                    "helpEn"));
            String name = text(x, at, "name", true);
            String type = text(x, at, "type", true);
            Vocabulary.Type t = TYPES.get(type);
            Vocabulary.Choice choice = null;
            if ("judgement".equals(type)) {
                choice = Vocabulary.JUDGEMENT;
            } else if (field && "members".equals(type)) {
                t = Vocabulary.Type.AGENCIES;
            } else if (t == null) {
                choice = choices.stream().filter(c -> c.name().equals(type)).findFirst().orElse(null);
                t = Vocabulary.Type.CHOICE;
                if (choice == null && !"?".equals(type)) {
                    List<String> known = new ArrayList<>(TYPES.keySet().stream().sorted().toList());
                    if (field) {
                        known.add("members");
                    }
                    choices.stream().skip(1).map(Vocabulary.Choice::name).forEach(known::add);
                    problem(at + "/type", "kiểu \"" + type + "\" không có; dùng một trong " + known + " (hoặc khai báo "
                            + "trong \"choices\")" + suggestion(type, known, false), "unknown type \"" + type + "\": one of " + known + " (or declare it "
                            + "in \"choices\")" + suggestion(type, known, true));
                }
                if (choice == null) {
                    t = Vocabulary.Type.COUNT;
                }
            }
            BigDecimal min = null;
            if (x.has("min")) {
                if (x.get("min").isNumber()) {
                    min = x.get("min").decimalValue();
                } else {
                    problem(at + "/min", "\"min\" phải là một số", "\"min\" must be a number");
                }
            }
            return new Vocabulary.Fact(name, t, choice, bool(x, at, "nullable"), new LinkedHashSet<>(texts(x, at,
                    "kinds")), min, x.has("partOf") ? text(x, at, "partOf", true) : null,
                    x.has("countAs") ? text(x, at, "countAs", true) : null, label(x, at, "title", true),
                    x.has("help") ? label(x, at, "help", true) : null);
        }

        private Vocabulary.Example example(JsonNode e, String at, List<Vocabulary.Fact> declared) {
            known(e, at, Set.of("name", "title", "titleEn", "facts"));
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
            JsonNode given = e.get("facts");
            if (given == null || !given.isObject()) {
                problem(at, "một ví dụ có \"facts\": { … } với mọi dữ kiện", "an example has \"facts\": { … } with "
                        + "every fact");
            } else {
                Set<String> names = new java.util.HashSet<>();
                declared.forEach(f -> names.add(f.name()));
                known(given, at + "/facts", names);
                for (Vocabulary.Fact f : declared) {
                    String fat = at + "/facts/" + f.name();
                    JsonNode v = given.get(f.name());
                    if (v == null) {
                        problem(at + "/facts", "thiếu dữ kiện \"" + f.name() + "\"", "missing the fact \"" + f.name()
                                + "\"");
                        continue;
                    }
                    Object value = exampleValue(f, v, fat);
                    if (value != Quotable.UNKNOWN) {
                        values.put(f.name(), value);
                    }
                }
            }
            return new Vocabulary.Example(text(e, at, "name", true), label(e, at, "title", true), values);
        }

        /** An example's value as its fact's type has it; a date of the year stays written ({@code {year}-03-15}). */
        private Object exampleValue(Vocabulary.Fact f, JsonNode v, String at) {
            boolean ok;
            Object value = null;
            if (v.isNull()) {
                ok = f.nullable() || !f.kinds().isEmpty();
            } else {
                switch (f.type()) {
                    case COUNT -> {
                        ok = v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0;
                        value = ok ? v.intValue() : null;
                    }
                    case DECIMAL -> {
                        ok = v.isNumber();
                        value = ok ? v.decimalValue() : null;
                    }
                    case BOOLEAN -> {
                        ok = v.isBoolean();
                        value = ok ? v.booleanValue() : null;
                    }
                    case CHOICE -> {
                        ok = v.isTextual() && f.choice().has(v.asText());
                        value = ok ? v.asText() : null;
                    }
                    case DATE -> {
                        ok = v.isTextual() && v.asText().matches("(\\{year([+-]\\d+)?}|\\d{4})-\\d{2}-\\d{2}");
                        if (ok) {
                            try {
                                Vocabulary.Example.date(v.asText(), 2000);
                                value = v.asText().startsWith("{") ? v.asText() : java.time.LocalDate.parse(v.asText());
                            } catch (RuntimeException e) {
                                ok = false;
                            }
                        }
                    }
                    default -> ok = false;
                }
            }
            if (!ok) {
                String choices = f.type() == Vocabulary.Type.CHOICE ? String.join(", ", f.choice().ids()) : "";
                String form = switch (f.type()) {
                    case CHOICE -> choices;
                    case DATE -> "{year}-03-15";
                    case COUNT -> "0, 1, 2 …";
                    case BOOLEAN -> "true, false";
                    default -> "3.5";
                };
                boolean choice = f.type() == Vocabulary.Type.CHOICE;
                problem(at, "giá trị không hợp với kiểu của \"" + f.name() + "\": " + (choice ? "một trong " : "") + form,
                        "the value does not fit the type of \"" + f.name() + "\": " + (choice ? "one of " : "") + form);
                return Quotable.UNKNOWN;
            }
            return value;
        }

        private Vocabulary.Measure measure(JsonNode m, String at) {
            known(m, at, Set.of("name", "type", "of", "title", "titleEn"));
            String type = text(m, at, "type", true);
            Vocabulary.Computation computation = switch (type) {
                case "ratio" -> Vocabulary.Computation.RATIO;
                case "difference" -> Vocabulary.Computation.DIFFERENCE;
                case "daysBetween" -> Vocabulary.Computation.DAYS_BETWEEN;
                default -> {
                    if (!"?".equals(type)) {
                        List<String> types = List.of("ratio", "difference", "daysBetween");
                        problem(at + "/type", "cách tính \"" + type + "\" không có; dùng ratio, difference hoặc "
                                + "daysBetween" + suggestion(type, types, false), "unknown measure type \"" + type
                                + "\": ratio, difference or daysBetween" + suggestion(type, types, true));
                    }
                    yield Vocabulary.Computation.RATIO;
                }
            };
            List<String> of = texts(m, at, "of");
            if (of.size() != 2) {
                problem(at + "/of", "\"of\" ghi đúng hai dữ kiện, như [\"dossiersOnTime\", \"dossiersResolved\"]",
                        "names exactly two facts, such as [\"dossiersOnTime\", \"dossiersResolved\"]");
            }
            return new Vocabulary.Measure(text(m, at, "name", true), computation, of, label(m, at, "title", true));
        }

        // --- values of the right form, or a finding where they are not

        private interface Each {
            void accept(JsonNode node, String at);
        }

        private void each(JsonNode parent, String at, String field, boolean required, Each each) {
            JsonNode list = parent.get(field);
            if (list == null) {
                if (required) {
                    problem(at, "thiếu \"" + field + "\"" + in(parent, false), "missing \"" + field + "\"" + in(parent, true));
                }
                return;
            }
            if (!list.isArray()) {
                problem(at + "/" + field, "\"" + field + "\" phải là một danh sách [ … ]", "\"" + field + "\" must be a list [ … ]");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String iat = at + "/" + field + "/" + i;
                if (item.isObject()) {
                    each.accept(item, iat);
                } else {
                    problem(iat, "cần một đối tượng { … }", "expected an object { … }");
                }
            }
        }

        private boolean isObject(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "cần một đối tượng { … }", "expected an object { … }");
                return false;
            }
            return true;
        }

        private List<String> texts(JsonNode parent, String at, String field) {
            List<String> texts = new ArrayList<>();
            JsonNode list = parent.get(field);
            if (list == null) {
                return texts;
            }
            if (!list.isArray()) {
                problem(at + "/" + field, "\"" + field + "\" phải là một danh sách chuỗi [\"…\"]", "must be a list of "
                        + "texts [\"…\"]");
                return texts;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isTextual()) {
                    texts.add(list.get(i).asText());
                } else {
                    problem(at + "/" + field + "/" + i, "cần một chuỗi", "expected a text");
                }
            }
            return texts;
        }

        private String text(JsonNode node, String at, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                if (required || value != null) {
                    problem(value == null ? at : at + "/" + field, "\"" + field + "\" thiếu hoặc không phải chuỗi"
                            + in(node, false), "\"" + field + "\" is missing or not a text" + in(node, true));
                }
                return "?";
            }
            return value.asText();
        }

        private Label label(JsonNode node, String at, String field, boolean required) {
            String vi = text(node, at, field, required);
            JsonNode en = node.get(field + "En");
            if (en != null && !en.isTextual()) {
                problem(at + "/" + field + "En", "\"" + field + "En\" phải là chuỗi", "\"" + field + "En\" must be a text");
            }
            return new Label(vi, en != null && en.isTextual() && !en.asText().isBlank() ? en.asText() : null);
        }

        private boolean bool(JsonNode node, String at, String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                return false;
            }
            if (!value.isBoolean()) {
                problem(at + "/" + field, "\"" + field + "\" là true hoặc false", "\"" + field + "\" is true or false");
                return false;
            }
            return value.booleanValue();
        }

        private int whole(JsonNode node, String at, String field, int otherwise) {
            JsonNode value = node.get(field);
            if (value == null) {
                return otherwise;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                problem(at + "/" + field, "\"" + field + "\" là một số nguyên từ 0", "\"" + field + "\" is a whole number from 0");
                return otherwise;
            }
            return value.intValue();
        }

        /** A finding for each field the descriptor does not know; {@code true} to go on reading the object. */
        private boolean known(JsonNode node, String at, Set<String> fields) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.contains(name)) {
                    problem(at + "/" + name, "trường \"" + name + "\" không có ở đây" + suggestion(name, fields, false),
                            "unknown field \"" + name + "\"" + suggestion(name, fields, true));
                }
            }
            return true;
        }

        private void problem(String pointer, String vi, String en) {
            findings.add(file.at(pointer, vi, en));
        }

        /** {@code (ở X)} or {@code (in X)}: the object a problem is in, by its id or name, else "". */
        private static String in(JsonNode node, boolean english) {
            JsonNode id = node.has("id") ? node.get("id") : node.get("name");
            return id != null && id.isTextual() ? (english ? " (in " : " (ở ") + id.asText() + ")" : "";
        }
    }

    /**
     * {@code (có phải là "x"?)} or {@code (did you mean "x"?)} for a name close to a known one, else "".
     *
     * @param name a name the officer wrote that is not known
     * @param known the names that are known
     * @param english whether the suggestion is in English, else in Vietnamese
     * @return the suggestion, with a leading space, for the first known name (in order) that differs from
     *         {@code name} only in case or by at most two edits; {@code ""} when there is none
     */
    public static String suggestion(String name, java.util.Collection<String> known, boolean english) {
        return known.stream().filter(k -> k.equalsIgnoreCase(name) || distance(k.toLowerCase(Locale.ROOT),
                        name.toLowerCase(Locale.ROOT)) <= 2).sorted().findFirst()
                .map(k -> english ? " (did you mean \"" + k + "\"?)" : " (có phải là \"" + k + "\"?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1]
                        + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
