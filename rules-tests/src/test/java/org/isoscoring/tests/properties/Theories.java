package org.isoscoring.tests.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.tests.support.SeedReporter;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.api.Pair;

/**
 * What the properties of {@link GuidanceProperties} and {@link TwoTierProperties} share: a theory with its seed fixed
 * and printed, a failure report that names the seed, the replay command and the shrunk counterexample (saved as
 * FORMAT.md JSON and, for a property of single requests, minimized by removing agencies and assessments while the
 * request stays valid and still fails), and the figures of a result by a stable key, to compare two results.
 *
 * <p>Guidance-neutral: nothing here knows a kind, an assessor or a figure by name.
 */
final class Theories {

    /** Examples per property ({@code -DQT_EXAMPLES}), shrink cycles ({@code -DQT_SHRINKS}). */
    static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", 100);
    static final int SHRINKS = Integer.getInteger("QT_SHRINKS", 100);

    private Theories() {
    }

    /**
     * A theory of {@code examples} examples with the seed of {@code -DQT_SEED} (else a fresh one), printed before it
     * runs. {@code test} is the JUnit selector that replays it ({@code TwoTierProperties#engineAgreesWithReference});
     * with a {@code check} of single requests a counterexample is also minimized.
     */
    static QuickTheory theory(String test, int examples, Consumer<ScoringRequest> check) {
        String fromProperty = System.getProperty("QT_SEED");
        long seed = fromProperty != null ? Long.parseLong(fromProperty.trim()) : System.nanoTime();
        System.out.println("[" + test + "] seed " + seed + " (replay: -Dtest='" + test.replace("$", "*")
                + "' -DQT_SEED=" + seed + "), " + examples + " examples");
        return QuickTheory.qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(SHRINKS)
                .withReporter(new Reporter(test, check));
    }

    /** Fails with every violation (at most 40 shown) when there is one. */
    static void assertNone(List<String> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " violation(s):\n" + violations.stream().limit(40)
                    .collect(Collectors.joining("\n")));
        }
    }

    /** Points as written in a result: {@code 0}, {@code 2.5}, {@code 80}. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Every figure of a result by a stable key: each assessment's points, subtotal, penalty, total and rating (by
     * position, or with {@code byKey} by agency and assessor), each agency's final assessor, total and rating, and
     * every figure of every group's reports (with the ids of the groups present).
     */
    static Map<String, String> figures(ScoringResult result, boolean byKey) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("guidance", result.guidance());
        f.put("year", String.valueOf(result.year()));
        f.put("assessments.size", String.valueOf(result.assessments().size()));
        for (int i = 0; i < result.assessments().size(); i++) {
            AssessmentResult a = result.assessments().get(i);
            String key = (byKey ? "" : "assessments[" + i + "] ") + a.agency() + "/" + a.assessor();
            f.put(key + " sub-criteria", String.join(",", a.points().keySet()));
            a.points().forEach((id, p) -> f.put(key + " " + id, plain(p)));
            f.put(key + " subtotal", plain(a.subtotal()));
            f.put(key + " penalty", plain(a.penalty()));
            f.put(key + " total", plain(a.total()));
            f.put(key + " rating", a.rating());
        }
        f.put("agencies", result.agencies().stream().map(AgencyResult::agency).collect(Collectors.joining(",")));
        for (AgencyResult a : result.agencies()) {
            f.put("agencies " + a.agency(), a.finalAssessor() + " " + plain(a.total()) + " " + a.rating());
        }
        f.put("groups", String.join(",", result.groups().keySet()));
        result.groups().forEach((group, reports) -> {
            f.put("groups " + group, reports.stream().map(r -> String.valueOf(r.agency()))
                    .collect(Collectors.joining(",")));
            for (GroupReport r : reports) {
                String key = "groups " + group + (r.agency() == null ? "" : " " + r.agency());
                f.put(key + " figures", String.join(",", r.figures().keySet()));
                r.figures().forEach((name, value) -> f.put(key + " " + name,
                        value instanceof BigDecimal b ? plain(b) : String.valueOf(value)));
            }
        });
        return f;
    }

    /**
     * The figures that differ, {@code key: first vs second} (at most 60), followed by the facts of the first four
     * agencies concerned, so that a disagreement can be judged on the spot.
     */
    static List<String> differences(ScoringRequest request, Map<String, String> first, Map<String, String> second) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(first.keySet());
        keys.addAll(second.keySet());
        Set<String> agencies = new LinkedHashSet<>();
        for (String key : keys) {
            String a = first.get(key);
            String b = second.get(key);
            if (!Objects.equals(a, b)) {
                out.add("  " + key + ": " + a + " vs " + b);
                for (String word : key.split(" ")) {
                    int slash = word.indexOf('/');
                    agencies.add(slash > 0 ? word.substring(0, slash) : word);
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        List<String> limited = new ArrayList<>(out.subList(0, Math.min(out.size(), 60)));
        if (out.size() > 60) {
            limited.add("  ... " + (out.size() - 60) + " more");
        }
        int shown = 0;
        for (Agency agency : request.agencies()) {
            if (!agencies.contains(agency.id()) || shown++ >= 4) {
                continue;
            }
            limited.add("  agency " + agency);
            for (Assessment a : request.assessments()) {
                if (a.agency().equals(agency.id())) {
                    limited.add("    " + a.assessor() + " facts " + a.facts());
                }
            }
        }
        return limited;
    }

    /** Saves a request as FORMAT.md JSON under {@code target/quicktheories/}; its path. */
    static String save(String name, ScoringRequest request) {
        try {
            Path dir = Path.of("target", "quicktheories");
            Files.createDirectories(dir);
            Path file = dir.resolve(name.replace('#', '-').replace('$', '-') + ".json");
            Files.writeString(file, Requests.write(request), StandardCharsets.UTF_8);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short description of a request: its guidance, year, agencies by kind and assessments by assessor. */
    static String describe(ScoringRequest request) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        request.agencies().forEach(a -> kinds.merge(a.kind(), 1, Integer::sum));
        Map<String, Integer> assessors = new LinkedHashMap<>();
        request.assessments().forEach(a -> assessors.merge(a.assessor(), 1, Integer::sum));
        return "request " + request.guidance() + "/" + request.year() + " of " + request.agencies().size()
                + " agencies " + kinds + ", " + request.assessments().size() + " assessments " + assessors;
    }

    /** The failure report: seed, replay command, shrunk value, saved (and minimized) request. */
    private static final class Reporter extends SeedReporter {

        private final String test;
        private final Consumer<ScoringRequest> check;

        Reporter(String test, Consumer<ScoringRequest> check) {
            this.test = test;
            this.check = check;
        }

        @Override
        protected String message(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                                 AsString<Object> asString) {
            StringBuilder m = new StringBuilder();
            m.append("Property ").append(test).append(" falsified after ").append(examplesUsed)
                    .append(" example(s)\nSeed was ").append(seed)
                    .append("; replay with: mvn -B -pl rules-tests test -Dtest='").append(test.replace("$", "*"))
                    .append("' -DQT_SEED=").append(seed).append('\n')
                    .append("Smallest falsifying value (QuickTheories): ").append(asString.asString(smallest))
                    .append('\n');
            ScoringRequest request = smallest instanceof ScoringRequest r ? r
                    : smallest instanceof Pair<?, ?> p && p._1 instanceof ScoringRequest r1 ? r1 : null;
            if (request != null) {
                m.append("Its request is saved as ").append(save(test + "-" + seed, request)).append('\n');
            }
            if (request != null && check != null && smallest instanceof ScoringRequest) {
                ScoringRequest minimal = minimize(request);
                m.append("Minimized to a ").append(describe(minimal)).append(", saved as ")
                        .append(save(test + "-" + seed + "-minimal", minimal)).append('\n');
                Throwable minimalCause = failure(minimal);
                m.append("It fails with:\n").append(minimalCause == null ? "(no failure?)" : minimalCause.getMessage())
                        .append('\n');
            }
            if (cause != null) {
                m.append("\nCause (on the QuickTheories counterexample) was:\n").append(cause.getMessage());
            }
            return m.toString();
        }

        /** Removes agencies (with their assessments) and single assessments while valid and failing. */
        private ScoringRequest minimize(ScoringRequest request) {
            ScoringRequest current = request;
            int budget = 2000;
            boolean progress = true;
            while (progress && budget > 0) {
                progress = false;
                List<ScoringRequest> candidates = new ArrayList<>();
                for (Agency agency : current.agencies()) {
                    ScoringRequest r = current;
                    candidates.add(new ScoringRequest(r.guidance(), r.year(),
                            r.agencies().stream().filter(a -> a != agency).toList(),
                            r.assessments().stream().filter(a -> !a.agency().equals(agency.id())).toList()));
                }
                for (Assessment assessment : current.assessments()) {
                    ScoringRequest r = current;
                    candidates.add(new ScoringRequest(r.guidance(), r.year(), r.agencies(),
                            r.assessments().stream().filter(a -> a != assessment).toList()));
                }
                for (ScoringRequest candidate : candidates) {
                    if (budget-- <= 0) {
                        break;
                    }
                    if (Requests.problems(candidate).isEmpty() && failure(candidate) != null) {
                        current = candidate;
                        progress = true;
                        break;
                    }
                }
            }
            return current;
        }

        private Throwable failure(ScoringRequest request) {
            try {
                check.accept(request);
                return null;
            } catch (AssertionError | RuntimeException e) {
                return e;
            }
        }
    }
}
