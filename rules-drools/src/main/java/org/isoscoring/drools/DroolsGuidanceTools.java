package org.isoscoring.drools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.RulesException;

/**
 * The officers' tools of the Drools engine, found through {@link java.util.ServiceLoader}: a folder is checked as
 * {@link DroolsScoringEngine#withRules(Path)} reads it, then its bands are probed.
 */
public final class DroolsGuidanceTools implements GuidanceTools {

    /** For {@link java.util.ServiceLoader}; prefer {@link GuidanceTools#create()}. */
    public DroolsGuidanceTools() {
    }

    @Override
    public List<Finding> check(Path folder) {
        try {
            return List.copyOf(DroolsScoringEngine.load(folder).probeBands());
        } catch (RulesException e) {
            return e.findings();
        }
    }

    @Override
    public List<String> bundled() {
        return DroolsScoringEngine.BUNDLED;
    }

    @Override
    public Map<String, String> files(String guidanceId) {
        if (!DroolsScoringEngine.BUNDLED.contains(guidanceId)) {
            throw new IllegalArgumentException("unknown guidance \"" + guidanceId + "\" (bundled: "
                    + String.join(", ", DroolsScoringEngine.BUNDLED) + ")");
        }
        return Guidance.bundledFiles(guidanceId);
    }
}
