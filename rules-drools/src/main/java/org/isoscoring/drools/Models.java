package org.isoscoring.drools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.builder.ReleaseId;

/**
 * The executable model of compiled rules ({@link Model}: its rules, their conditions and consequences), as Drools
 * publishes it: the model classes a module lists in its {@code META-INF/kie/GROUP/ARTIFACT/drools-model} file, each
 * made by its public constructor. {@link Direct} fires some rules with their consequences.
 */
final class Models {

    private Models() {
    }

    /**
     * The models of the module {@code releaseId} whose classes {@code loader} loads (a {@code KieContainer}'s), or
     * {@code null} when they cannot be had.
     */
    static List<Model> of(ClassLoader loader, ReleaseId releaseId) {
        try (InputStream in = loader.getResourceAsStream(CanonicalKieModule.getModelFileWithGAV(releaseId))) {
            if (in == null) {
                return null;
            }
            List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.contains(":")).toList(); // not "Drools-Model-Version:…"
            return names.isEmpty() ? null : instances(loader, names);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** New instances of the model classes {@code names}, loaded by {@code loader}. */
    static List<Model> instances(ClassLoader loader, List<String> names) throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>(names.size());
        for (String name : names) {
            models.add((Model) Class.forName(name.trim(), true, loader).getConstructor().newInstance());
        }
        return List.copyOf(models);
    }
}
