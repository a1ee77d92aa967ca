package org.isoscoring.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The policy officers' tools for a guidance folder, apart from scoring: checking a folder they edit, and the files
 * of a bundled guidance to start one from. Get them with {@link #create()}; they are safe to share between threads.
 *
 * <pre>{@code
 * GuidanceTools tools = GuidanceTools.create();
 * for (Finding f : tools.check(folder)) {
 *     System.out.println(f.toString(false)); // 07-dossier-handling.drl:42:17: <Vietnamese message>
 * }
 * }</pre>
 *
 * A folder without findings scores with {@link ScoringEngine#withRules(Path)}.
 */
public interface GuidanceTools {

    /**
     * Checks a guidance folder: its descriptor and facts, the syntax and compilation of every rule file, and what the
     * compiler cannot see (a rule for every sub-criterion, no award above its maximum, maxima adding up to 100,
     * unique rule names, rating bands covering 0–100 without gaps or overlaps, rule files that only score, every band
     * of every sub-criterion probed for gaps and overlaps).
     *
     * @param folder the guidance folder to check
     * @return every problem, each at its file, line and column, in Vietnamese and English; empty when the folder can
     *         score
     */
    List<Finding> check(Path folder);

    /**
     * The ids of the guidances bundled with the engine, whose {@link #files} can be copied.
     *
     * @return the ids, in the engine's order
     */
    List<String> bundled();

    /**
     * The files of a bundled guidance by name, to copy and edit: {@code guidance.json}, {@code facts.json} and its
     * rule files.
     *
     * @param guidanceId the id of a bundled guidance, one of {@link #bundled()}
     * @return each file's text by its name
     * @throws IllegalArgumentException if no bundled guidance has this id (the message names the bundled ones)
     */
    Map<String, String> files(String guidanceId);

    /**
     * The tools found on the class path through {@link ServiceLoader} (add {@code rules-drools} to it).
     *
     * @return the tools
     * @throws IllegalStateException if there are none
     */
    static GuidanceTools create() {
        return ServiceLoader.load(GuidanceTools.class).findFirst()
                .or(() -> ServiceLoader.load(GuidanceTools.class, GuidanceTools.class.getClassLoader()).findFirst())
                .orElseThrow(() -> new IllegalStateException(
                        "no GuidanceTools on the class path: add the org.isoscoring:rules-drools dependency"));
    }
}
