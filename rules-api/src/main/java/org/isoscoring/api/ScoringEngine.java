package org.isoscoring.api;

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
     * Scores a request: every assessment, every agency's final result, every district's report.
     *
     * @throws RequestRejectedException with every problem of the request, if it cannot be scored
     * @throws RulesException           if the guidance's rules are defective
     */
    ScoringResult evaluate(ScoringRequest request);

    /** The guidances this engine can score with. */
    List<GuidanceInfo> guidances();

    /**
     * The engine found on the class path through {@link ServiceLoader} (add {@code rules-drools} to it).
     *
     * @throws IllegalStateException if there is none
     */
    static ScoringEngine create() {
        return ServiceLoader.load(ScoringEngine.class).findFirst()
                .or(() -> ServiceLoader.load(ScoringEngine.class, ScoringEngine.class.getClassLoader()).findFirst())
                .orElseThrow(() -> new IllegalStateException(
                        "no ScoringEngine on the class path: add the org.isoscoring:rules-drools dependency"));
    }
}
