package org.isoscoring.drools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestChecks;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/**
 * The Drools engine behind {@link ScoringEngine}, found through {@link java.util.ServiceLoader}. The bundled
 * guidances are compiled once per JVM, on first use, and shared by every engine and every thread; each call
 * scores in a session of its own. {@link #withRules(Path)} gives an engine bound to one guidance folder.
 */
public final class DroolsScoringEngine implements ScoringEngine {

    /** The guidances bundled in this jar, by id. */
    static final List<String> BUNDLED = List.of("bac-giang-2022", "two-tier-2026-example");

    private static final Map<String, Guidance> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, GuidanceInfo> INFO = new ConcurrentHashMap<>();

    /** The guidance of a folder this engine is bound to, or {@code null} for the bundled ones. */
    private final Guidance folder;

    /** For {@link java.util.ServiceLoader}; prefer {@link ScoringEngine#create()}. */
    public DroolsScoringEngine() {
        this(null);
    }

    private DroolsScoringEngine(Guidance folder) {
        this.folder = folder;
    }

    @Override
    public ScoringResult evaluate(ScoringRequest request) {
        GuidanceInfo info = guidanceFor(request.guidance(), request.year());
        Guidance guidance = folder != null ? folder : compiled(info.id());
        RequestChecks.requireValid(request, info);
        return Evaluation.run(guidance, request);
    }

    @Override
    public GuidanceInfo guidanceFor(String guidance, int year) {
        List<Problem> problems = new ArrayList<>();
        GuidanceInfo info = folder != null ? covering(folder.info(), year, problems) : bundledFor(guidance, year,
                problems);
        if (!problems.isEmpty()) {
            throw new RequestRejectedException(problems);
        }
        return info;
    }

    @Override
    public List<GuidanceInfo> guidances() {
        return folder != null ? List.of(folder.info()) : BUNDLED.stream().map(DroolsScoringEngine::info).toList();
    }

    @Override
    public ScoringEngine preload() {
        if (folder == null) {
            BUNDLED.forEach(DroolsScoringEngine::compiled);
        }
        return this;
    }

    @Override
    public ScoringEngine withRules(Path dir) {
        return new DroolsScoringEngine(load(dir));
    }

    /** Reads, checks and compiles a guidance folder; its defects are a {@link RulesException}. */
    static Guidance load(Path dir) {
        if (!Files.isDirectory(dir)) {
            String vi = "không phải thư mục";
            String en = "not a folder";
            if (BUNDLED.contains(dir.toString())) {
                vi += " — \"" + dir + "\" là bộ tiêu chí có sẵn: không cần --rules (yêu cầu ghi \"guidance\"), hoặc "
                        + "chép nó bằng new-guidance để sửa";
                en += " — \"" + dir + "\" is a bundled guidance: it needs no --rules (name it in the request's "
                        + "\"guidance\"), or copy it with new-guidance to edit it";
            }
            throw new RulesException(dir.toString(), List.of(new Finding(dir.toString(), 0, 0, vi, en)));
        }
        return Guidance.fromFolder(dir, dir.toString());
    }

    private static Guidance compiled(String id) {
        return COMPILED.computeIfAbsent(id, Guidance::bundled);
    }

    private static GuidanceInfo info(String id) {
        return INFO.computeIfAbsent(id, Guidance::bundledInfo);
    }

    private static GuidanceInfo covering(GuidanceInfo guidance, int year, List<Problem> problems) {
        if (!guidance.covers(year)) {
            problems.add(new Problem("year", "guidance " + guidance.id() + " covers " + years(guidance)
                    + ", not " + year, "bộ tiêu chí " + guidance.id() + " áp dụng cho năm "
                    + years(guidance) + ", không phải " + year));
        }
        return guidance;
    }

    /** The bundled guidance that scores a request of this guidance and year, or {@code null} with a problem. */
    private static GuidanceInfo bundledFor(String named, int year, List<Problem> problems) {
        if (named != null) {
            if (!BUNDLED.contains(named)) {
                problems.add(new Problem("guidance", "unknown guidance \"" + named + "\" (bundled: "
                        + String.join(", ", BUNDLED) + ")", "không có bộ tiêu chí \"" + named
                        + "\" (các bộ có sẵn: " + String.join(", ", BUNDLED) + ")"));
                return null;
            }
            return covering(info(named), year, problems);
        }
        for (String id : BUNDLED) {
            if (info(id).covers(year)) {
                return info(id);
            }
        }
        problems.add(new Problem("year", "no bundled guidance covers " + year + " (bundled: "
                + BUNDLED.stream().map(id -> id + " for " + years(info(id)))
                .collect(Collectors.joining(", ")) + ")", "không có bộ tiêu chí có sẵn nào áp dụng cho năm "
                + year + " (các bộ có sẵn: " + BUNDLED.stream().map(id -> id + " cho năm "
                + years(info(id))).collect(Collectors.joining(", ")) + ")"));
        return null;
    }

    private static String years(GuidanceInfo info) {
        return info.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
