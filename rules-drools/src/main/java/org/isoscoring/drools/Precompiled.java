package org.isoscoring.drools;

import org.isoscoring.drools.check.GuidanceCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * The rules of a bundled guidance as {@link Precompile} compiled them when the jar was built: classes of the
 * executable model, on the class path, so that no rule file is compiled at start-up.
 *
 * @param rulesHash  the hash of the files they were compiled from
 * @param models     the names of the model classes
 * @param pkg        the package they, and the classes of the guidance's vocabulary, were compiled in
 * @param awardsOnly the names of the rules whose consequence only gives awards ({@link GuidanceCheck#awardsOnly()})
 */
record Precompiled(String rulesHash, List<String> models, String pkg, Set<String> awardsOnly) {

    /** The key prefix of the rules whose consequence only gives awards: {@code awardsOnly.0}, {@code awardsOnly.1}... */
    static final String AWARDS_ONLY = "awardsOnly.";

    /** Where the description of a bundled guidance's precompiled rules is, by guidance id. */
    static String resource(String id) {
        return "META-INF/isoscoring/" + id + ".properties";
    }

    /** The precompiled rules of a bundled guidance, or {@code null} if this jar has none. */
    static Precompiled find(String id) {
        try (InputStream in = Precompiled.class.getClassLoader().getResourceAsStream(resource(id))) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            String hash = p.getProperty("rulesHash");
            String models = p.getProperty("models");
            String pkg = p.getProperty("package");
            Set<String> awardsOnly = new TreeSet<>();
            for (int i = 0; p.getProperty(AWARDS_ONLY + i) != null; i++) {
                awardsOnly.add(p.getProperty(AWARDS_ONLY + i));
            }
            return hash == null || models == null || pkg == null ? null
                    : new Precompiled(hash, List.of(models.split(",")), pkg, Set.copyOf(awardsOnly));
        } catch (IOException e) {
            return null;
        }
    }

    /** A knowledge base of the model classes, the classes of the guidance's vocabulary, and the models. */
    Guidance.Compiled compiled() {
        try {
            List<Model> instances = Models.instances(Precompiled.class.getClassLoader(), models);
            // the knowledge base is made of these very models: Direct fires their consequences
            return new Guidance.Compiled(KieBaseBuilder.createKieBaseFromModel(instances),
                    Guidance.types(Precompiled.class.getClassLoader(), pkg), instances);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("the precompiled rules of this jar cannot be loaded: " + e, e);
        }
    }
}
