package org.isoscoring.drools;

import org.isoscoring.drools.check.GuidanceCheck;
import org.isoscoring.drools.check.DrlText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.isoscoring.api.RulesException;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * Build step of this module (run by Maven after compiling, see its pom): checks every bundled guidance as
 * {@code check} would, compiles its rules into classes of the executable model, and writes them into the
 * module's classes with a {@link Precompiled} description. At run time the bundled rules then load in a fraction
 * of a second instead of being compiled from DRL for seconds.
 *
 * <p>The rules are compiled under a package of their own ({@code org.isoscoring.precompiled.bac_giang_2022}), so
 * that their classes never meet the classes of a guidance folder compiled at run time (package {@code iso.rules}).
 */
final class Precompile {

    private Precompile() {
    }

    /** {@code java org.isoscoring.drools.Precompile CLASSES_DIR}. */
    public static void main(String[] args) throws IOException {
        // One class per lambda, in the jar: loaded like any class (and archived by class data sharing), where
        // lambdas kept inline would each be spun at run time (that suits a folder compiled once, not a jar).
        System.setProperty(Guidance.EXTERNALISE_LAMBDAS, "true");
        // The same classes from every build (reproducible jars): Drools builds a package's rules on several
        // threads once it has enough of them, and its generated names (GENERATED_$pattern_Subtotal$45$) count in
        // the order the threads get there; one thread numbers them in the rule files' order.
        System.setProperty("drools.parallelRulesBuildThreshold", String.valueOf(Integer.MAX_VALUE));
        System.setProperty("drools.parallelLambdaExternalization", "false");
        Path classes = Path.of(args[0]);
        for (String id : DroolsScoringEngine.BUNDLED) {
            try {
                write(id, classes);
            } catch (RulesException e) {
                System.err.println("bundled guidance " + id + " is defective:");
                e.messages().forEach(m -> System.err.println("  " + m));
                System.exit(1);
            }
        }
    }

    private static void write(String id, Path classes) throws IOException {
        SortedMap<String, String> files = Guidance.bundledFiles(id);
        String origin = "bundled guidance " + id;
        // every check, as when the guidance is loaded from its files
        Guidance built = Guidance.build(files, origin);
        GuidanceCheck check = built.check();
        String pkg = "org.isoscoring.precompiled." + id.replaceAll("[^A-Za-z0-9]", "_");
        SortedMap<String, String> renamed = Guidance.inPackage(files, pkg);
        Map<String, DrlText> texts = new TreeMap<>();
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.isoscoring.precompiled", id, "1.0.0");
        var vocabulary = built.info().vocabulary();
        byte[] kjar = ((InternalKieModule) Guidance.module(renamed, texts, origin, releaseId, pkg, vocabulary))
                .getBytes();
        List<String> models = new ArrayList<>();
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().endsWith(".class")) {
                    Path target = classes.resolve(e.getName());
                    Files.createDirectories(target.getParent());
                    Files.write(target, bytes);
                    count++;
                } else if (e.getName().endsWith("/drools-model")) {
                    new String(bytes, StandardCharsets.UTF_8).lines().map(String::trim)
                            .filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add);
                }
            }
        }
        if (models.isEmpty() || models.stream().anyMatch(m -> !m.startsWith(pkg + "."))) {
            throw new IllegalStateException("unexpected model classes for " + id + ": " + models);
        }
        Path description = classes.resolve(Precompiled.resource(id));
        Files.createDirectories(description.getParent());
        Files.writeString(description, "# Written by org.isoscoring.drools.Precompile when this jar was built.\n"
                + "rulesHash=" + Guidance.hash(Guidance.rulesOnly(files)) + "\n"
                + "models=" + String.join(",", models) + "\n" + "package=" + pkg + "\n" + awardsOnly(check),
                StandardCharsets.UTF_8);
        if (count == 0) { // silent when it worked, as a quiet build (-q) should be
            throw new IllegalStateException("no classes were compiled for " + id);
        }
    }

    /** The rules whose consequence only gives awards, one property each (in name order: the jar is reproducible). */
    private static String awardsOnly(GuidanceCheck check) {
        StringBuilder lines = new StringBuilder();
        int i = 0;
        for (String name : check.awardsOnly()) {
            lines.append(Precompiled.AWARDS_ONLY).append(i++).append('=').append(escaped(name)).append('\n');
        }
        return lines.toString();
    }

    /** A property value as {@link java.util.Properties} reads it back (the file is read as UTF-8). */
    private static String escaped(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case ' ' -> s.append(i == 0 ? "\\ " : " ");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
