package org.isoscoring.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Assessor;
import org.isoscoring.api.DistrictReport;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.Facts;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.drools.BaseFacts;

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
 *       district with the facts of case A and appraised by the province with those of case B).</li>
 *   <li>{@code expect}: {@code name=value} separated by {@code ;} — a sub-criterion's points ({@code 7.1=8}),
 *       {@code subtotal}, {@code penalty}, {@code total}, {@code rating}; for a district also
 *       {@code onSiteRequired}, {@code provinceSampleSize}, {@code communesAtLeast80}, {@code overScoredCommunes}
 *       (how many) and {@code districtPenalty}.</li>
 * </ul>
 *
 * The scored assessment is the agency's {@code PROVINCE} assessment.
 */
public final class Scenarios {

    /** One row. */
    public record Case(int line, String name, AgencyKind kind, String base, Map<String, String> facts,
                       Map<String, String> expect) {
    }

    /** What a case found: empty {@code failures} when it passed. */
    public record Outcome(Case scenario, List<String> failures) {
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
    private static final List<String> DISTRICT_KEYS = List.of("communes", "onSite", "resultsSentOn", "resultsDeadline",
            "communesBelow80", "appraised");
    private static final List<String> DISTRICT_EXPECT = List.of("onSiteRequired", "provinceSampleSize",
            "communesAtLeast80", "overScoredCommunes", "districtPenalty");

    private final Path file;
    private final List<Case> cases;

    private Scenarios(Path file, List<Case> cases) {
        this.file = file;
        this.cases = cases;
    }

    /** Reads a scenario file. */
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
            AgencyKind kind;
            try {
                kind = cells.get(1).isBlank() ? AgencyKind.DEPARTMENT
                        : AgencyKind.valueOf(cells.get(1).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(at + "loại cơ quan / kind \"" + cells.get(1).trim() + "\" is not one of DEPARTMENT, DISTRICT, "
                        + "COMMUNE, PUBLIC_SERVICE_UNIT");
                continue;
            }
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

    public List<Case> cases() {
        return cases;
    }

    /** Runs every case with the engine; the year is the first the engine's guidance covers. */
    public List<Outcome> run(ScoringEngine engine) {
        int year = engine.guidances().get(0).years().get(0);
        Map<String, Map<String, Object>> factsOf = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            List<String> failures = new ArrayList<>();
            Map<String, Object> own = factsFor(c, factsOf, year);
            factsOf.put(c.name(), own);
            try {
                outcomes.add(new Outcome(c, check(c, engine.evaluate(ScoringJson.readRequest(request(c, own, factsOf,
                        year))))));
            } catch (RequestRejectedException e) {
                e.problems().forEach(p -> failures.add("dữ kiện không hợp lệ / invalid facts: " + p));
                outcomes.add(new Outcome(c, failures));
            } catch (RulesException e) {
                e.messages().forEach(m -> failures.add("quy tắc lỗi / defective rules: " + m));
                outcomes.add(new Outcome(c, failures));
            }
        }
        return outcomes;
    }

    /** The failures as lines {@code file:line: "case": ...}, for people. */
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

    private static Map<String, Object> factsFor(Case c, Map<String, Map<String, Object>> known, int year) {
        Map<String, Object> facts = new LinkedHashMap<>(switch (c.base()) {
            case "perfect" -> json(BaseFacts.allMet(year));
            case "worst" -> json(BaseFacts.noneMet(year));
            default -> known.get(c.base());
        });
        c.facts().forEach((k, v) -> {
            if (!(c.kind() == AgencyKind.DISTRICT && DISTRICT_KEYS.contains(k))) {
                facts.put(k, value(years(v, year)));
            }
        });
        return facts;
    }

    /** Dates may be written relative to the guidance's year: {@code {year}-03-31}, {@code {year-1}-12-31}. */
    static String years(String value, int year) {
        return value.replace("{year}", String.valueOf(year)).replace("{year-1}", String.valueOf(year - 1))
                .replace("{year+1}", String.valueOf(year + 1));
    }

    private static String request(Case c, Map<String, Object> own, Map<String, Map<String, Object>> known, int year) {
        StringBuilder agencies = new StringBuilder();
        StringBuilder assessments = new StringBuilder();
        if (c.kind() == AgencyKind.DISTRICT) {
            Map<String, String> d = c.facts();
            int n = Integer.parseInt(d.getOrDefault("communes", "3"));
            int onSite = Integer.parseInt(d.getOrDefault("onSite", String.valueOf(n)));
            int below = Integer.parseInt(d.getOrDefault("communesBelow80", "0"));
            String sent = years(d.getOrDefault("resultsSentOn", year + "-11-10"), year);
            String deadline = years(d.getOrDefault("resultsDeadline", year + "-11-15"), year);
            String onSiteIds = java.util.stream.IntStream.rangeClosed(1, Math.min(onSite, n))
                    .mapToObj(i -> "\"X" + i + "\"").collect(Collectors.joining(","));
            agencies.append("{\"id\":\"H\",\"kind\":\"DISTRICT\",\"communeScoring\":{\"onSiteCommunes\":[").append(onSiteIds)
                    .append("],\"resultsSentOn\":").append(sent.equals("null") ? "null" : "\"" + sent + "\"")
                    .append(",\"resultsDeadline\":\"").append(deadline).append("\"}}");
            Map<String, Object> district = new LinkedHashMap<>(own);
            Facts.PUBLIC_OVERSIGHT_FACTS.forEach(district::remove);
            assessments.append(assessment("H", Assessor.PROVINCE, district));
            String[] appraised = d.containsKey("appraised") ? d.get("appraised").split("/") : null;
            for (int i = 1; i <= n; i++) {
                agencies.append(",{\"id\":\"X").append(i).append("\",\"kind\":\"COMMUNE\",\"district\":\"H\"}");
                Map<String, Object> facts = i > n - below ? json(BaseFacts.noneMet(year)) : json(BaseFacts.allMet(year));
                if (i == 1 && appraised != null) {
                    facts = known.getOrDefault(appraised[0].trim(), facts);
                    assessments.append(',').append(assessment("X1", Assessor.PROVINCE,
                            known.getOrDefault(appraised[appraised.length - 1].trim(), facts)));
                }
                assessments.append(',').append(assessment("X" + i, Assessor.DISTRICT, facts));
            }
        } else {
            if (c.kind() == AgencyKind.COMMUNE) {
                agencies.append("{\"id\":\"H\",\"kind\":\"DISTRICT\",\"communeScoring\":{\"onSiteCommunes\":[],"
                        + "\"resultsSentOn\":null,\"resultsDeadline\":\"").append(year).append("-11-15\"}},")
                        .append("{\"id\":\"A\",\"kind\":\"COMMUNE\",\"district\":\"H\"}");
            } else {
                agencies.append("{\"id\":\"A\",\"kind\":\"").append(c.kind()).append("\"}");
            }
            assessments.append(assessment("A", Assessor.PROVINCE, own));
        }
        return "{\"year\":" + year + ",\"agencies\":[" + agencies + "],\"assessments\":[" + assessments + "]}";
    }

    private static String assessment(String agency, Assessor assessor, Map<String, Object> facts) {
        return "{\"agency\":\"" + agency + "\",\"assessor\":\"" + assessor + "\",\"facts\":{" + facts.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + literal(e.getValue())).collect(Collectors.joining(",")) + "}}";
    }

    private static String literal(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<String> check(Case c, ScoringResult result) {
        String agency = c.kind() == AgencyKind.DISTRICT ? "H" : "A";
        AssessmentResult sheet = result.assessment(agency, Assessor.PROVINCE).orElseThrow();
        Optional<DistrictReport> report = result.district("H");
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
                    case "rating" -> sheet.rating().name();
                    case "onSiteRequired" -> report.map(r -> String.valueOf(r.onSiteRequired())).orElse("—");
                    case "provinceSampleSize" -> report.map(r -> String.valueOf(r.provinceSampleSize())).orElse("—");
                    case "communesAtLeast80" -> report.map(r -> String.valueOf(r.communesAtLeast80())).orElse("—");
                    case "overScoredCommunes" -> report.map(r -> String.valueOf(r.overScoredCommunes().size())).orElse("—");
                    case "districtPenalty" -> report.map(r -> Report.points(r.penalty())).orElse("—");
                    default -> null;
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
        facts.byName().forEach((k, v) -> out.put(k, v instanceof Enum<?> e ? e.name()
                : v instanceof java.time.LocalDate d ? d.toString() : v));
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
