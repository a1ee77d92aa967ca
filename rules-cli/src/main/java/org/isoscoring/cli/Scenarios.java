package org.isoscoring.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringResult;

/**
 * Scenario tests an officer writes in a spreadsheet and saves as CSV. Each row is a named case: what kind of
 * agency, which base facts it starts from, the facts it changes, and what it expects.
 *
 * <pre>
 * case,kind,base,facts,expect
 * "7.1 đúng 98%",DEPARTMENT,perfect,"dossiersOnTime=98; dossiersResolved=100","7.1=10"
 * </pre>
 *
 * <ul>
 *   <li>Dates may be written relative to the guidance's first year: {@code {year}-03-31}, {@code {year-1}-12-31},
 *       {@code {year+1}-01-01}, so that the scenarios keep working when {@code years} changes.</li>
 *   <li>{@code base}: {@code perfect} (facts that earn every point), {@code worst} (facts that earn none), or the
 *       name of an earlier case, whose facts (after its changes) this case starts from.</li>
 *   <li>{@code facts}: {@code name=value} separated by {@code ;} — facts as in FORMAT.md. For a {@code DISTRICT}
 *       also: {@code communes=N} (3), {@code onSite=K} (all), {@code resultsSentOn}, {@code resultsDeadline}
 *       (2022-11-10, 2022-11-15 for the year 2022), {@code communesBelow80=K} (that many communes get the worst
 *       facts, the others the perfect ones), {@code appraised=CASE_A/CASE_B} (the first commune is scored by the
 *       district with the facts of case A and appraised by the province with those of case B). In general, for a
 *       kind with members: the number of members under the name the guidance gives it ({@code communes}), the
 *       fields of its record, {@code communesBelow80} and {@code appraised}, the first member being scored by the
 *       assessor of members and by the most final assessor.</li>
 *   <li>For a kind without members (a department, or a commune of a guidance without districts), also — unless the
 *       guidance declares a fact of that name: {@code appraised=CASE_A/CASE_B}: the agency is assessed twice, by the
 *       least final assessor that may assess its kind ({@code SELF}) with the facts of case A, and by the most final
 *       ({@code PROVINCE}) with those of case B, both cases written above (the case's own facts are then not used);
 *       {@code others=N}: the request has N more agencies of the same kind ({@code A2} …), each assessed by the least
 *       final assessor only, with the {@code perfect} facts.</li>
 *   <li>{@code expect}: {@code name=value} separated by {@code ;} — a sub-criterion's points ({@code 7.1=8}),
 *       {@code subtotal}, {@code penalty}, {@code total}, {@code rating}; the figures of the report of the case's
 *       agency in the group of its kind (for a district of {@code bac-giang-2022}: {@code onSiteRequired},
 *       {@code provinceSampleSize}, {@code communesAtLeast80}, {@code overScoredCommunes}, and
 *       {@code districtPenalty} for its {@code penalty}); and the figures of the report of the whole request, of a
 *       group without {@code of} ({@code communes}, {@code provinceAppraised}, …). A figure that lists agencies is
 *       compared as how many it lists.</li>
 * </ul>
 *
 * The scored assessment is the case's agency's assessment by the most final assessor that may assess its kind
 * ({@code PROVINCE}).
 */
public final class Scenarios {

    /** One row. */
    public record Case(int line, String name, String kind, String base, Map<String, String> facts,
                       Map<String, String> expect) {
    }

    /** What a case found: empty {@code failures} when it passed. */
    public record Outcome(Case scenario, List<String> failures) {
        /**
         * Whether the case passed.
         *
         * @return {@code true} when it has no failure
         */
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** A scenario file that cannot be read, with the line of each problem. */
    public static final class ScenarioFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScenarioFileException(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<String> HEADER = List.of("case", "kind", "base", "facts", "expect");
    /** The keys of a case of an agency with members, besides its record's fields and its number of members. */
    private static final List<String> MEMBER_KEYS = List.of("communesBelow80", "appraised");
    /** The keys of a case of an agency without members that set up its request rather than a fact. */
    private static final List<String> OWN_KEYS = List.of("appraised", "others");

    private final Path file;
    private final List<Case> cases;

    private Scenarios(Path file, List<Case> cases) {
        this.file = file;
        this.cases = cases;
    }

    /**
     * Reads a scenario file: a header {@code case,kind,base,facts,expect}, then one case a line; blank lines and lines
     * starting with {@code #} are skipped.
     *
     * @param file the CSV file, in UTF-8
     * @return its cases, in file order
     * @throws ScenarioFileException with every problem found, each at its line; or when the file cannot be read
     */
    public static Scenarios read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFileException(file + ": không đọc được / cannot be read: " + e.getMessage());
        }
        List<Case> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean header = false;
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String at = file.getFileName() + ":" + (i + 1) + ": ";
            List<String> cells = cells(line);
            if (!header) {
                if (!cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
                    problems.add(at + "dòng tiêu đề phải là / the header must be: " + String.join(",", HEADER));
                }
                header = true;
                continue;
            }
            if (cells.size() != HEADER.size()) {
                problems.add(at + "cần " + HEADER.size() + " cột, có " + cells.size() + " / expected " + HEADER.size()
                        + " columns, found " + cells.size());
                continue;
            }
            String name = cells.get(0).trim();
            String kind = cells.get(1).isBlank() ? null : cells.get(1).trim().toUpperCase(Locale.ROOT);
            String base = cells.get(2).isBlank() ? "perfect" : cells.get(2).trim();
            if (!base.equals("perfect") && !base.equals("worst") && !names.containsKey(base)) {
                problems.add(at + "base \"" + base + "\" không phải perfect, worst hay tên một tình huống phía trên / is "
                        + "not perfect, worst or the name of a case above");
            }
            Integer previous = names.putIfAbsent(name, i + 1);
            if (previous != null) {
                problems.add(at + "tên tình huống \"" + name + "\" bị trùng (dòng " + previous + ") / the case name is used twice");
            }
            Map<String, String> facts = pairs(cells.get(3), at, problems);
            Map<String, String> expect = pairs(cells.get(4), at, problems);
            cases.add(new Case(i + 1, name, kind, base, facts, expect));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFileException(String.join("\n", problems));
        }
        return new Scenarios(file, cases);
    }

    /**
     * The cases of the file.
     *
     * @return the cases, in file order
     */
    public List<Case> cases() {
        return cases;
    }

    /**
     * Runs every case with the engine; the year is the first the engine's guidance covers.
     *
     * @param engine the engine to score with; its first guidance is the one the cases are written for
     * @return one outcome per case, in file order; a case that cannot be scored fails with the reason
     */
    public List<Outcome> run(ScoringEngine engine) {
        GuidanceInfo guidance = engine.guidances().get(0);
        Setting setting = new Setting(guidance.vocabulary(), guidance.years().get(0));
        Map<String, Map<String, Object>> factsOf = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            List<String> failures = new ArrayList<>();
            Vocabulary.Kind kind = setting.kind(c);
            if (kind == null) {
                String kinds = setting.vocabulary.kinds().stream().map(Vocabulary.Kind::id)
                        .collect(Collectors.joining(", "));
                failures.add("loại cơ quan / kind \"" + c.kind() + "\" không có trong bộ tiêu chí / is not one of " + kinds);
                outcomes.add(new Outcome(c, failures));
                continue;
            }
            Map<String, Object> own = setting.factsFor(c, kind, factsOf);
            factsOf.put(c.name(), own);
            try {
                outcomes.add(new Outcome(c, setting.check(c, kind, engine.evaluate(ScoringJson.readRequest(
                        setting.request(c, kind, own, factsOf), engine)))));
            } catch (RequestRejectedException e) {
                e.problems().forEach(p -> failures.add("dữ kiện không hợp lệ / invalid facts: " + p));
                outcomes.add(new Outcome(c, failures));
            } catch (RulesException e) {
                e.messages().forEach(m -> failures.add("quy tắc lỗi / defective rules: " + m));
                outcomes.add(new Outcome(c, failures));
            } catch (IllegalArgumentException e) {
                failures.add(e.getMessage());
                outcomes.add(new Outcome(c, failures));
            }
        }
        return outcomes;
    }

    /**
     * The failures as lines {@code file:line: "case": ...}, for people.
     *
     * @param outcomes the outcomes of {@link #run}
     * @return one line per failure, then a last line {@code N passed, M failed}
     */
    public String report(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
            for (String f : o.failures()) {
                out.append(file.getFileName()).append(':').append(o.scenario().line()).append(": \"")
                        .append(o.scenario().name()).append("\": ").append(f).append('\n');
            }
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.append(outcomes.size() - failed).append(" passed, ").append(failed).append(" failed\n");
        return out.toString();
    }

    /**
     * How the cases become requests under one guidance: an agency {@code A} of the case's kind, scored by the most
     * final assessor that may assess it; for a kind that belongs to another, with a parent {@code H}; for a kind
     * with members, as {@code H} with members {@code X1…Xn} (the case's {@code communes=N}, or the name the guidance
     * gives the number of members), each scored by the assessor of its members.
     */
    private static final class Setting {

        private final Vocabulary vocabulary;
        private final int year;

        Setting(Vocabulary vocabulary, int year) {
            this.vocabulary = vocabulary;
            this.year = year;
        }

        Vocabulary.Kind kind(Case c) {
            return c.kind() == null ? vocabulary.kinds().get(0) : vocabulary.kind(c.kind()).orElse(null);
        }

        private Map<String, Object> example(String name) {
            return json(vocabulary.example(name).map(e -> e.facts(year))
                    .orElseThrow(() -> new IllegalArgumentException("facts.json không có ví dụ \"" + name
                            + "\" / facts.json has no example \"" + name + "\"")));
        }

        Map<String, Object> factsFor(Case c, Vocabulary.Kind kind, Map<String, Map<String, Object>> known) {
            Map<String, Object> facts = new LinkedHashMap<>(switch (c.base()) {
                case "perfect", "worst" -> example(c.base());
                default -> known.get(c.base());
            });
            c.facts().forEach((k, v) -> {
                if (!unitKey(kind, k)) {
                    facts.put(k, value(years(v, year)));
                }
            });
            return facts;
        }

        /** Whether a case's key sets up its agency's members or record, or its request, rather than a fact. */
        private boolean unitKey(Vocabulary.Kind kind, String key) {
            if (vocabulary.membersOf(kind.id()).isEmpty()) {
                return ownKey(key);
            }
            if (MEMBER_KEYS.contains(key) || kind.members() != null && kind.members().count().equals(key)) {
                return true;
            }
            return kind.record() != null && kind.record().fields().stream()
                    .anyMatch(f -> f.name().equals(key) || key.equals(f.countAs()));
        }

        /** Whether a key of a case of an agency without members sets up its request: not when it is a fact's name. */
        private boolean ownKey(String key) {
            return OWN_KEYS.contains(key) && vocabulary.fact(key).isEmpty();
        }

        /** The least final assessor that may assess the kind ({@code SELF}). */
        private String least(String kind) {
            List<String> order = new ArrayList<>(vocabulary.finalAssessor());
            Collections.reverse(order);
            return order.stream().filter(id -> vocabulary.assessor(id).map(a -> a.mayAssess(kind)).orElse(false))
                    .findFirst().orElseThrow();
        }

        /** A whole number from 0 a case gives a key. */
        private static int count(String key, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(key + "=" + value.trim() + ": cần một số nguyên từ 0 / must be a whole "
                    + "number from 0");
        }

        /** The facts of a case named in {@code appraised}, which must be written above. */
        private static Map<String, Object> named(String name, Map<String, Map<String, Object>> known) {
            Map<String, Object> facts = known.get(name.trim());
            if (facts == null) {
                throw new IllegalArgumentException("appraised: \"" + name.trim() + "\" không phải tên một tình huống phía "
                        + "trên / is not the name of a case above");
            }
            return facts;
        }

        /** The assessor of a case: the most final one that may assess the kind. */
        private String top(String kind) {
            return vocabulary.finalAssessor().stream().filter(id -> vocabulary.assessor(id).map(a -> a.mayAssess(kind))
                    .orElse(false)).findFirst().orElseThrow();
        }

        /** The assessor of an agency's members: the most final one that may assess only some kinds, them included. */
        private String ofMembers(String kind) {
            return vocabulary.finalAssessor().stream().filter(id -> vocabulary.assessor(id)
                    .map(a -> !a.assesses().isEmpty() && a.mayAssess(kind)).orElse(false)).findFirst()
                    .orElse(top(kind));
        }

        /** Only the facts the kind carries. */
        private Map<String, Object> carried(String kind, Map<String, Object> facts) {
            Map<String, Object> out = new LinkedHashMap<>(facts);
            vocabulary.facts().stream().filter(f -> !f.carriedBy(kind)).forEach(f -> out.remove(f.name()));
            return out;
        }

        /** A record: the case's values, else every member listed, null for a date that may be null, else a date. */
        private String record(Vocabulary.Kind kind, Map<String, String> given, List<String> members) {
            List<String> fields = new ArrayList<>();
            for (Vocabulary.Fact f : kind.record().fields()) {
                Object value;
                if (f.type() == Vocabulary.Type.AGENCIES) {
                    int k = f.countAs() != null && given.containsKey(f.countAs())
                            ? Integer.parseInt(given.get(f.countAs()).trim()) : members.size();
                    value = members.subList(0, Math.min(k, members.size()));
                } else if (given.containsKey(f.name())) {
                    value = value(years(given.get(f.name()), year));
                } else {
                    value = switch (f.type()) {
                        case DATE -> f.nullable() && members.isEmpty() ? null : year + (f.nullable() ? "-11-10" : "-11-15");
                        case COUNT -> 0;
                        case BOOLEAN -> false;
                        case DECIMAL -> BigDecimal.ZERO;
                        case CHOICE -> f.choice().ids().get(0);
                        default -> null;
                    };
                }
                fields.add("\"" + f.name() + "\":" + literal(value));
            }
            return "\"" + kind.record().name() + "\":{" + String.join(",", fields) + "}";
        }

        private static String agency(String id, String kind, String parentField, String parent, String record) {
            return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\"" + (parent == null ? "" : ",\"" + parentField
                    + "\":\"" + parent + "\"") + (record == null ? "" : "," + record) + "}";
        }

        String request(Case c, Vocabulary.Kind kind, Map<String, Object> own, Map<String, Map<String, Object>> known) {
            List<String> agencies = new ArrayList<>();
            List<String> assessments = new ArrayList<>();
            List<Vocabulary.Kind> memberKinds = vocabulary.membersOf(kind.id());
            if (!memberKinds.isEmpty()) {
                Vocabulary.Kind member = memberKinds.get(0);
                Map<String, String> d = c.facts();
                String count = kind.members() != null ? kind.members().count() : "communes";
                int n = Integer.parseInt(d.getOrDefault(count, "3").trim());
                int below = Integer.parseInt(d.getOrDefault("communesBelow80", "0").trim());
                List<String> ids = java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "X" + i).toList();
                agencies.add(agency("H", kind.id(), null, null, kind.record() == null ? null : record(kind, d, ids)));
                assessments.add(assessment("H", top(kind.id()), carried(kind.id(), own)));
                String[] appraised = d.containsKey("appraised") ? d.get("appraised").split("/") : null;
                for (int i = 1; i <= n; i++) {
                    agencies.add(agency("X" + i, member.id(), member.belongsTo().field(), "H", member.record() == null
                            ? null : record(member, Map.of(), List.of())));
                    Map<String, Object> facts = carried(member.id(), i > n - below ? example("worst")
                            : example("perfect"));
                    if (i == 1 && appraised != null) {
                        facts = carried(member.id(), known.getOrDefault(appraised[0].trim(), facts));
                        assessments.add(assessment("X1", top(member.id()), carried(member.id(),
                                known.getOrDefault(appraised[appraised.length - 1].trim(), facts))));
                    }
                    assessments.add(assessment("X" + i, ofMembers(member.id()), facts));
                }
            } else {
                if (kind.belongsTo() != null) {
                    Vocabulary.Kind parent = vocabulary.kind(kind.belongsTo().kind()).orElseThrow();
                    agencies.add(agency("H", parent.id(), null, null, parent.record() == null ? null
                            : record(parent, Map.of(), List.of())));
                    agencies.add(agency("A", kind.id(), kind.belongsTo().field(), "H", null));
                } else {
                    agencies.add(agency("A", kind.id(), null, null, kind.record() == null ? null
                            : record(kind, c.facts(), List.of())));
                }
                Map<String, String> d = c.facts();
                if (ownKey("appraised") && d.containsKey("appraised")) {
                    String[] cases = d.get("appraised").split("/");
                    String least = least(kind.id());
                    if (cases.length != 2 || least.equals(top(kind.id()))) {
                        throw new IllegalArgumentException("appraised: cần dạng TÌNH-HUỐNG-A/TÌNH-HUỐNG-B và hai cấp chấm "
                                + "chấm được " + kind.id() + " / must be CASE_A/CASE_B, and two assessors must be able to "
                                + "assess a " + kind.id());
                    }
                    assessments.add(assessment("A", least, carried(kind.id(), named(cases[0], known))));
                    assessments.add(assessment("A", top(kind.id()), carried(kind.id(), named(cases[1], known))));
                } else {
                    assessments.add(assessment("A", top(kind.id()), carried(kind.id(), own)));
                }
                int others = ownKey("others") ? count("others", d.getOrDefault("others", "0")) : 0;
                for (int i = 2; i <= others + 1; i++) {
                    agencies.add(kind.belongsTo() != null ? agency("A" + i, kind.id(), kind.belongsTo().field(), "H", null)
                            : agency("A" + i, kind.id(), null, null, kind.record() == null ? null
                            : record(kind, Map.of(), List.of())));
                    assessments.add(assessment("A" + i, least(kind.id()), carried(kind.id(), example("perfect"))));
                }
            }
            return "{\"year\":" + year + ",\"agencies\":[" + String.join(",", agencies) + "],\"assessments\":["
                    + String.join(",", assessments) + "]}";
        }

        List<String> check(Case c, Vocabulary.Kind kind, ScoringResult result) {
            boolean members = !vocabulary.membersOf(kind.id()).isEmpty();
            String agency = members ? "H" : "A";
            AssessmentResult sheet = result.assessment(agency, top(kind.id())).orElseThrow();
            Optional<GroupReport> report = vocabulary.groups().stream().filter(g -> kind.id().equals(g.of()))
                    .findFirst().flatMap(g -> result.report(g.id(), agency));
            List<GroupReport> whole = vocabulary.groups().stream().filter(g -> g.of() == null)
                    .flatMap(g -> result.group(g.id()).stream().filter(r -> r.agency() == null)).toList();
            List<String> failures = new ArrayList<>();
            c.expect().forEach((key, expected) -> {
                String actual;
                String rule = "";
                if (sheet.points().containsKey(key)) {
                    actual = Report.points(sheet.points().get(key));
                    Explanation e = sheet.explanation(key);
                    rule = " — quy tắc / rule \"" + e.rule() + "\": " + e.reason();
                } else {
                    actual = switch (key) {
                        case "subtotal" -> Report.points(sheet.subtotal());
                        case "penalty" -> Report.points(sheet.penalty());
                        case "total" -> Report.points(sheet.total());
                        case "rating" -> sheet.rating();
                        default -> report.map(r -> figure(r, key.equals("districtPenalty") ? "penalty" : key))
                                .or(() -> whole.stream().map(r -> figure(r, key)).filter(Objects::nonNull)
                                        .findFirst())
                                .orElse(null);
                    };
                }
                if (actual == null) {
                    failures.add("không biết kỳ vọng / unknown expectation \"" + key + "\"");
                } else if (!same(expected, actual)) {
                    failures.add(key + ": kỳ vọng / expected " + expected + ", thực tế / actual " + actual + rule);
                }
            });
            return failures;
        }

        /** A figure of a report as a scenario compares it: a number, or how many agencies it lists. */
        private static String figure(GroupReport report, String name) {
            Object value = report.figure(name);
            if (value instanceof List<?> ids) {
                return String.valueOf(ids.size());
            }
            if (value instanceof BigDecimal d) {
                return Report.points(d);
            }
            return value == null ? null : String.valueOf(value);
        }
    }

    /** Dates may be written relative to the guidance's year: {@code {year}-03-31}, {@code {year-1}-12-31}. */
    static String years(String value, int year) {
        return value.replace("{year}", String.valueOf(year)).replace("{year-1}", String.valueOf(year - 1))
                .replace("{year+1}", String.valueOf(year + 1));
    }

    private static String assessment(String agency, String assessor, Map<String, Object> facts) {
        return "{\"agency\":\"" + agency + "\",\"assessor\":\"" + assessor + "\",\"facts\":{" + facts.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + literal(e.getValue())).collect(Collectors.joining(",")) + "}}";
    }

    private static String literal(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return "[" + list.stream().map(Scenarios::literal).collect(Collectors.joining(",")) + "]";
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean same(String expected, String actual) {
        try {
            return new BigDecimal(expected.trim()).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException e) {
            return expected.trim().equalsIgnoreCase(actual);
        }
    }


    private static Object value(String raw) {
        String v = raw.trim();
        if (v.equals("null")) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        if (v.matches("-?\\d+")) {
            return new java.math.BigInteger(v);
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return new BigDecimal(v);
        }
        return v;
    }

    private static Map<String, Object> json(Facts facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.asMap().forEach((k, v) -> out.put(k, v instanceof java.time.LocalDate d ? d.toString() : v));
        return out;
    }

    private static Map<String, String> pairs(String cell, String at, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problems.add(at + "\"" + part.trim() + "\" phải có dạng tên=giá trị / must be name=value");
                continue;
            }
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    /** The cells of one CSV line: commas separate, double quotes enclose, "" is a quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
