package org.isoscoring.api;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Scores requests with the bundled guidances. Get one with {@link #create()}; it is safe to share between
 * threads, and building it is the expensive part, so keep it.
 *
 * <pre>{@code
 * ScoringEngine engine = ScoringEngine.create();
 * ScoringResult result = engine.evaluate(request);
 * }</pre>
 */
public interface ScoringEngine {

    /**
     * Scores a request: every assessment, every agency's final result, every group report its guidance declares.
     *
     * @param request the request, read by {@link ScoringJson} or built in Java
     * @return the result: every assessment's score and explanations, the agencies ranked, the group reports
     * @throws RequestRejectedException with every problem of the request, if it cannot be scored
     * @throws RulesException           if the guidance's rules are defective
     */
    ScoringResult evaluate(ScoringRequest request);

    /**
     * The guidances this engine can score with.
     *
     * @return their declarations: id, title, years, catalog and vocabulary; one for an engine with a folder
     */
    List<GuidanceInfo> guidances();

    /**
     * The guidance that scores a request naming this guidance and year: the one it names, or without a name the one
     * that covers the year; an engine {@link #withRules with a folder} always gives the folder's. A request is read
     * and checked by its vocabulary ({@link ScoringJson#readRequest(String, ScoringEngine)}, {@link RequestChecks}).
     *
     * @param guidance the id the request names, or {@code null}
     * @param year     the assessed year
     * @return the guidance that scores the request
     * @throws RequestRejectedException when no guidance of this engine scores it, placed at {@code guidance} or
     *                                  {@code year}
     */
    GuidanceInfo guidanceFor(String guidance, int year);

    /**
     * Loads the rules of every guidance this engine scores with now, instead of on the first {@link #evaluate}: a
     * server calls it at start-up, and the command line while it reads the request.
     *
     * @return this engine
     * @throws RulesException if the rules are defective
     */
    default ScoringEngine preload() {
        return this;
    }

    /**
     * An engine that scores every request with the guidance in a folder ({@code guidance.json} and its
     * {@code .drl} files), read and compiled now, without rebuilding anything. The request's {@code guidance}
     * is ignored (the folder's guidance scores it); its {@code year} must be one the folder covers. The folder
     * is checked as by {@link GuidanceTools#check(Path)}.
     *
     * @param folder the guidance folder
     * @return an engine that scores with that folder's guidance only
     * @throws RulesException with every problem of the folder, each a {@link Finding} at its file, line and column
     */
    ScoringEngine withRules(Path folder);

    /**
     * The engine found on the class path through {@link ServiceLoader} (add {@code rules-drools} to it).
     *
     * @return the engine, to keep and share
     * @throws IllegalStateException if there is none
     */
    static ScoringEngine create() {
        return ServiceLoader.load(ScoringEngine.class).findFirst()
                .or(() -> ServiceLoader.load(ScoringEngine.class, ScoringEngine.class.getClassLoader()).findFirst())
                .orElseThrow(() -> new IllegalStateException(
                        "no ScoringEngine on the class path: add the org.isoscoring:rules-drools dependency"));
    }
}
