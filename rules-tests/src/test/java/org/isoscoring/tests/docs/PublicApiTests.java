package org.isoscoring.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isoscoring.api.GuidanceTools;
import org.isoscoring.api.ScoringEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md tells a provincial system's developer what rules-api offers: its list of public types, and their count,
 * are those of the compiled module, so the API cannot grow or shrink without the page saying so.
 */
@DisplayName("The public API of rules-api, as docs/api.md lists it")
class PublicApiTests {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern TYPE = Pattern.compile("`(org\\.isoscoring\\.api(?:\\.[a-z]\\w*)*(?:\\.[A-Z]\\w*)+)`");
    private static final Pattern COUNT = Pattern.compile("\\*\\*(\\d+) public types\\*\\*");

    /** Where rules-api's classes are: its jar, or its target/classes in the build. */
    private static Path apiClasses() throws URISyntaxException {
        return Path.of(ScoringEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Every public type of rules-api that a caller can reach: public, and nested only in public types. */
    private static Set<String> compiledPublicTypes() throws Exception {
        Path location = apiClasses();
        if (Files.isDirectory(location)) {
            return publicTypes(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return publicTypes(jar.getPath("/"));
        }
    }

    private static Set<String> publicTypes(Path classes) throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String binary = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (binary.equals("module-info") || binary.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(binary, false, ScoringEngine.class.getClassLoader());
                if (reachable(type)) {
                    names.add(type.getCanonicalName());
                }
            }
        }
        return names;
    }

    private static boolean reachable(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static String apiPage() throws IOException {
        return Files.readString(ROOT.resolve("docs/api.md"), StandardCharsets.UTF_8);
    }

    /** The types the page lists in its section "Public types". */
    private static Set<String> documentedTypes() throws IOException {
        String page = apiPage();
        int start = page.indexOf("## Public types");
        int end = page.indexOf("\n## ", start + 1);
        assertThat(start).as("docs/api.md has a section \"## Public types\"").isNotNegative();
        Matcher m = TYPE.matcher(page.substring(start, end < 0 ? page.length() : end));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    @DisplayName("given the compiled rules-api, when its public types are listed, then docs/api.md lists exactly "
            + "them and gives their number")
    void listedTypesAreThePublicOnes() throws Exception {
        Set<String> compiled = compiledPublicTypes();
        assertThat(compiled).as("rules-api's public types (built in target/classes)").isNotEmpty();

        assertThat(documentedTypes()).as("the types of docs/api.md's section \"Public types\"")
                .containsExactlyElementsOf(compiled);
        Matcher count = COUNT.matcher(apiPage());
        assertThat(count.find()).as("docs/api.md says \"**N public types**\"").isTrue();
        assertThat(Integer.parseInt(count.group(1))).isEqualTo(compiled.size());
        assertThat(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
                .as("the README's count of the API's types").contains("its " + compiled.size() + " public types");
    }

    @Test
    @DisplayName("given rules-api's module-info, then it exports the packages the page lists and nothing of Drools")
    void moduleExportsWhatThePageLists() throws Exception {
        ModuleReference module = ModuleFinder.of(apiClasses()).findAll().stream().findFirst().orElseThrow();
        ModuleDescriptor descriptor = module.descriptor();
        assertThat(descriptor.name()).isEqualTo("org.isoscoring.api");
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> packagesOfDocumentedTypes = documentedTypes().stream()
                .map(name -> name.replaceAll("\\.[A-Z].*$", "")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).isEqualTo(packagesOfDocumentedTypes);
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .noneMatch(name -> name.startsWith("org.drools") || name.startsWith("org.kie"));
        assertThat(descriptor.uses()).contains(ScoringEngine.class.getName(), GuidanceTools.class.getName());
    }
}
