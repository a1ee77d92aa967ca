package org.isoscoring.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/**
 * The guidances a service scores with, loaded once at start and shared by every request: the bundled ones, or the
 * folders it was given, each compiled by its own engine. A folder that fails to load does not stop the service: it
 * is {@link #unavailable()}, a request for it is answered 503 with the folder's problems, and the others are served.
 *
 * <p>It is an engine itself, so that a request is read by the vocabulary of the guidance that scores it
 * ({@link org.isoscoring.api.ScoringJson#readRequest(java.io.InputStream, ScoringEngine)}).
 */
final class Guidances implements ScoringEngine {

    /**
     * A folder that failed to load: where it is, the id its descriptor gives (if it could be read), why: each problem
     * at its file, line and column, in both languages.
     */
    record Unavailable(Path folder, String id, List<Finding> problems) {
    }

    /** Thrown when a request names (or its year falls to) a guidance whose folder failed to load. */
    static final class UnavailableException extends RuntimeException {
        private final transient Unavailable folder;

        UnavailableException(Unavailable folder) {
            super("guidance " + folder.id() + " is unavailable", null, false, false);
            this.folder = folder;
        }

        Unavailable folder() {
            return folder;
        }
    }

    private final ScoringEngine bundled;
    private final Map<String, ScoringEngine> folders;
    private final List<GuidanceInfo> infos;
    private final List<Unavailable> unavailable;

    private final java.util.concurrent.CompletableFuture<Void> loaded;

    private Guidances(ScoringEngine bundled, Map<String, ScoringEngine> folders, List<Unavailable> unavailable) {
        this.bundled = bundled;
        // The bundled rules are precompiled: they load in the background while the service already listens, and
        // the first request for one waits for just that one (the engine loads a guidance once, whoever asks first).
        this.loaded = bundled == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : java.util.concurrent.CompletableFuture.runAsync(bundled::preload, task -> {
                    Thread thread = new Thread(task, "iso-scoring-load");
                    thread.setDaemon(true);
                    thread.start();
                });
        this.folders = folders;
        this.infos = bundled != null ? bundled.guidances()
                : folders.values().stream().map(e -> e.guidances().get(0)).toList();
        this.unavailable = List.copyOf(unavailable);
    }

    /**
     * Loads the bundled guidances (no folders) or the folders.
     *
     * @throws IllegalArgumentException when two folders declare the same guidance id
     */
    static Guidances load(List<Path> rules) {
        if (rules.isEmpty()) {
            return new Guidances(ScoringEngine.create(), Map.of(), List.of());
        }
        Map<String, ScoringEngine> loaded = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        List<Unavailable> failed = new ArrayList<>();
        for (Path folder : rules) {
            try {
                ScoringEngine engine = ScoringEngine.create().withRules(folder);
                String id = engine.guidances().get(0).id();
                if (loaded.containsKey(id)) {
                    throw new IllegalArgumentException("--rules " + folder + ": guidance \"" + id + "\" is already "
                            + "served from " + from.get(id) + " / bộ tiêu chí \"" + id + "\" đã được phục vụ từ "
                            + from.get(id));
                }
                loaded.put(id, engine);
                from.put(id, folder);
            } catch (RulesException e) {
                failed.add(new Unavailable(folder, declaredId(folder), e.findings()));
            }
        }
        return new Guidances(null, loaded, failed);
    }

    /** The id a folder's descriptor declares, if it can be read at all; else the folder's name. */
    private static String declaredId(Path folder) {
        try {
            var id = new ObjectMapper().readTree(folder.resolve("guidance.json").toFile()).get("id");
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // the folder's problems say why; the folder's name stands for it
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /** Whether every guidance's rules are loaded (a bundled one is loaded in the background at start). */
    boolean ready() {
        return loaded.isDone();
    }

    /** Whether the bundled rules failed to load in the background (a defective jar). */
    boolean failedToLoad() {
        return loaded.isCompletedExceptionally();
    }

    /** Completes when every guidance's rules are loaded. */
    java.util.concurrent.CompletableFuture<Void> loaded() {
        return loaded;
    }

    /** The folders that failed to load, with their problems. */
    List<Unavailable> unavailable() {
        return unavailable;
    }

    /** The guidance of this id the service scores with, if any. */
    java.util.Optional<GuidanceInfo> info(String id) {
        return infos.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The failed folder of this id, if any. */
    java.util.Optional<Unavailable> failed(String id) {
        return unavailable.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public ScoringResult evaluate(ScoringRequest request) {
        return engineFor(guidanceFor(request.guidance(), request.year()).id()).evaluate(request);
    }

    private ScoringEngine engineFor(String id) {
        return bundled != null ? bundled : folders.get(id);
    }

    @Override
    public List<GuidanceInfo> guidances() {
        return infos;
    }

    @Override
    public GuidanceInfo guidanceFor(String guidance, int year) {
        if (bundled != null) {
            return bundled.guidanceFor(guidance, year);
        }
        if (guidance != null) {
            ScoringEngine engine = folders.get(guidance);
            if (engine != null) {
                return engine.guidanceFor(guidance, year); // checks the year
            }
            failed(guidance).ifPresent(u -> {
                throw new UnavailableException(u);
            });
            throw new RequestRejectedException(List.of(new Problem("guidance", "unknown guidance \"" + guidance
                    + "\" (served: " + served() + ")", "không có bộ tiêu chí \"" + guidance + "\" (đang phục vụ: "
                    + served() + ")")));
        }
        List<GuidanceInfo> covering = infos.stream().filter(g -> g.covers(year)).toList();
        if (covering.size() == 1) {
            return covering.get(0);
        }
        if (covering.isEmpty()) {
            List<Unavailable> mayCover = unavailable;
            if (mayCover.size() == 1 && infos.isEmpty()) {
                throw new UnavailableException(mayCover.get(0));
            }
            throw new RequestRejectedException(List.of(new Problem("year", "no served guidance covers " + year
                    + " (served: " + served() + ")", "không có bộ tiêu chí nào đang phục vụ áp dụng cho năm " + year
                    + " (đang phục vụ: " + served() + ")")));
        }
        String ids = covering.stream().map(GuidanceInfo::id).collect(Collectors.joining(", "));
        throw new RequestRejectedException(List.of(new Problem("guidance", "several served guidances cover " + year
                + " (" + ids + "): name one in \"guidance\"", "nhiều bộ tiêu chí đang phục vụ áp dụng cho năm " + year
                + " (" + ids + "): hãy ghi một bộ trong \"guidance\"")));
    }

    private String served() {
        List<String> ids = new ArrayList<>(infos.stream().map(g -> g.id() + " " + g.years()).toList());
        unavailable.forEach(u -> ids.add(u.id() + " (unavailable / không dùng được)"));
        return ids.isEmpty() ? "none / không có" : String.join(", ", ids);
    }

    @Override
    public ScoringEngine withRules(Path folder) {
        return ScoringEngine.create().withRules(folder);
    }

}
