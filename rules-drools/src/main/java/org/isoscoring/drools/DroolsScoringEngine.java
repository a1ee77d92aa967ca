package org.isoscoring.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestChecks;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/**
 * The Drools engine behind {@link ScoringEngine}, found through {@link java.util.ServiceLoader}. The bundled
 * guidances are compiled once per JVM, on first use, and shared by every engine and every thread; each call
 * scores in a session of its own.
 */
public final class DroolsScoringEngine implements ScoringEngine {

    /** The guidances bundled in this jar, by id. */
    static final List<String> BUNDLED = List.of("bac-giang-2022");

    private static final Map<String, Guidance> COMPILED = new ConcurrentHashMap<>();

    /** For {@link java.util.ServiceLoader}; prefer {@link ScoringEngine#create()}. */
    public DroolsScoringEngine() {
    }

    @Override
    public ScoringResult evaluate(ScoringRequest request) {
        List<Problem> problems = new ArrayList<>(RequestChecks.problems(request));
        String id = guidanceFor(request, problems);
        if (!problems.isEmpty()) {
            throw new RequestRejectedException(problems);
        }
        return Evaluation.run(compiled(id), request);
    }

    @Override
    public List<GuidanceInfo> guidances() {
        return BUNDLED.stream().map(id -> compiled(id).info()).toList();
    }

    private static Guidance compiled(String id) {
        return COMPILED.computeIfAbsent(id, Guidance::bundled);
    }

    /** The id of the guidance that scores the request, or {@code null} with a problem. */
    private static String guidanceFor(ScoringRequest request, List<Problem> problems) {
        String named = request.guidance();
        if (named != null) {
            if (!BUNDLED.contains(named)) {
                problems.add(new Problem("guidance", "unknown guidance \"" + named + "\" (bundled: "
                        + String.join(", ", BUNDLED) + ")"));
                return null;
            }
            GuidanceInfo info = compiled(named).info();
            if (!info.covers(request.year())) {
                problems.add(new Problem("year", "guidance " + named + " covers " + years(info) + ", not "
                        + request.year()));
                return null;
            }
            return named;
        }
        for (String id : BUNDLED) {
            if (compiled(id).info().covers(request.year())) {
                return id;
            }
        }
        problems.add(new Problem("year", "no bundled guidance covers " + request.year() + " (bundled: "
                + BUNDLED.stream().map(id -> id + " for " + years(compiled(id).info()))
                .collect(Collectors.joining(", ")) + ")"));
        return null;
    }

    private static String years(GuidanceInfo info) {
        return info.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
