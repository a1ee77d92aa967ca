package org.isoscoring.drools;

import org.isoscoring.drools.check.GuidanceCheck;
import org.isoscoring.drools.check.Descriptor;
import org.isoscoring.drools.check.CompileErrors;
import org.isoscoring.drools.check.Bisect;
import org.isoscoring.drools.check.DrlText;
import org.isoscoring.drools.check.BandProbe;
import org.isoscoring.drools.check.RatingProbe;

import org.isoscoring.rules.Subtotal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Finding;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.RulesException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/**
 * A guidance ready to score: its descriptor, its compiled rules and the hash of its files. Built once, then
 * shared by every thread.
 */
public final class Guidance {

    /** The package the rule files of a guidance declare. */
    public static final String RULES_PACKAGE = "iso.rules";

    /**
     * Where a rule file of package {@code pkg} goes in an in-memory Drools project.
     *
     * @param pkg the package the rule file declares, for example {@link #RULES_PACKAGE}
     * @param file the rule file's name, for example {@code 01-leadership.drl}
     * @return the file's path in the project, under {@code src/main/resources}
     */
    public static String rulePath(String pkg, String file) {
        return "src/main/resources/" + pkg.replace('.', '/') + "/" + file;
    }

    /** The officers' scenario file a guidance folder may carry; it is not part of the rules or their hash. */
    static final String SCENARIOS = "scenarios.csv";

    /** Rule files are compiled and run with JDK classes outside scoring refused. */
    private static final ClassLoader GUARD = new GuardedClassLoader(Guidance.class.getClassLoader());

    private final Descriptor descriptor;
    private final KieBase kieBase;
    private final String rulesHash;
    private final GuidanceCheck check;
    private final List<Criterion> subCriteria;
    private final List<String> criterionIds;
    private final boolean tallies;
    private final Direct direct;
    private final Types types;
    private final Map<String, Integer> ranks = new java.util.HashMap<>();

    private Guidance(Descriptor descriptor, Compiled compiled, String rulesHash, GuidanceCheck check,
                     Set<String> awardsOnly) {
        this.descriptor = descriptor;
        this.kieBase = compiled.kieBase();
        this.types = compiled.types();
        List<String> order = descriptor.info().vocabulary().finalAssessor();
        for (int i = 0; i < order.size(); i++) {
            ranks.put(order.get(i), order.size() - i);
        }

        this.rulesHash = rulesHash;
        this.check = check;
        this.subCriteria = descriptor.info().subCriteria();
        this.criterionIds = List.copyOf(subCriteria.stream().map(Criterion::id).toList()); // copied by none
        this.tallies = Settled.mark(kieBase, criterionIds);
        // after the marks: only settled rules are taken
        this.direct = Direct.take(kieBase, compiled.models(), awardsOnly);
    }

    /**
     * Compiled rules, the classes of the guidance's vocabulary they were compiled with, and their executable model
     * ({@code null} if it cannot be had: then {@link Direct} fires none of them).
     */
    record Compiled(KieBase kieBase, Types types, List<org.drools.model.Model> models) {
    }

    /**
     * How the engine makes this guidance's facts.
     *
     * @return the classes of the guidance's vocabulary the rules were compiled with
     */
    public Types types() {
        return types;
    }

    /**
     * An assessor's rank among the final assessors: higher is more final ({@link BaseSheet#getRank()}).
     *
     * @param assessor the assessor's id, as the descriptor declares it
     * @return the rank, or {@code 0} for an assessor who is not a final assessor
     */
    public int rank(String assessor) {
        return ranks.getOrDefault(assessor, 0);
    }

    /**
     * Every sub-criterion of the catalog, in catalog order (made once).
     *
     * @return the sub-criteria; the same list at every call
     */
    public List<Criterion> subCriteria() {
        return subCriteria;
    }

    /**
     * Whether a rule matches {@link Tally}: then each session needs one per assessment, after the rules that match
     * assessments only have fired (decision 53).
     */
    boolean tallies() {
        return tallies;
    }

    /**
     * The rules each session fires on its assessments itself, without the network (decision 54); the knowledge
     * base has every other rule.
     *
     * @return the rules fired without the network; none when the executable model cannot be had
     */
    public Direct direct() {
        return direct;
    }

    /**
     * The ids of {@link #subCriteria()}, in the same order: the keys of every assessment's points.
     *
     * @return the sub-criteria's ids, an unmodifiable list
     */
    public List<String> criterionIds() {
        return criterionIds;
    }

    /**
     * What was checked before the rules were compiled.
     *
     * @return the check and what its parser read; {@code null} for rules precompiled when the jar was built
     */
    public GuidanceCheck check() {
        return check;
    }

    /** The deeper check of {@code check}: probes every band of every sub-criterion for gaps and overlaps. */
    List<Finding> probeBands() {
        return BandProbe.findings(this, check);
    }

    /**
     * The guidance as the API shows it: its id, title, years, catalog and vocabulary, read from its descriptor.
     *
     * @return the descriptor's information
     */
    public GuidanceInfo info() {
        return descriptor.info();
    }

    /**
     * The knowledge base sessions are made of: every rule but those of {@link #direct()}.
     *
     * @return the compiled knowledge base, shared by every thread
     */
    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * Every rule of the guidance: those of the knowledge base, then those fired without the network.
     *
     * @return a new list of the rules
     */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> rules.addAll(p.getRules()));
        rules.addAll(direct.rules());
        return rules;
    }

    String rulesHash() {
        return rulesHash;
    }

    /**
     * Loads a bundled guidance from the class path, for example {@code bac-giang-2022}: the rules precompiled when
     * this jar was built (see {@link Precompile}), when they were compiled from exactly these files; otherwise the
     * files, compiled now.
     */
    static Guidance bundled(String id) {
        SortedMap<String, String> files = bundledFiles(id);
        String origin = "bundled guidance " + id;
        Precompiled precompiled = Precompiled.find(id);
        if (precompiled != null && precompiled.rulesHash().equals(hash(rulesOnly(files)))) {
            List<Finding> findings = new ArrayList<>();
            Descriptor descriptor = descriptor(files, findings);
            if (!findings.isEmpty()) {
                throw defects(origin, findings);
            }
            return new Guidance(descriptor, precompiled.compiled(), precompiled.rulesHash(), null,
                    precompiled.awardsOnly());
        }
        return build(files, origin);
    }

    /** The descriptor of a bundled guidance, read without compiling its rules. */
    static GuidanceInfo bundledInfo(String id) {
        List<Finding> findings = new ArrayList<>();
        Descriptor descriptor = Descriptor.parse(bundledFiles(id), findings);
        if (descriptor == null) {
            throw defects("bundled guidance " + id, findings);
        }
        return descriptor.info();
    }

    /**
     * The files of a bundled guidance, by name.
     *
     * @param id the guidance's id, the name of its guidance folder under {@code /guidances/} on the class path
     * @return the folder's files (descriptor, rule files and scenarios), their text by file name
     * @throws IllegalArgumentException when no guidance of this id is bundled
     */
    public static SortedMap<String, String> bundledFiles(String id) {
        URL url = Guidance.class.getResource("/guidances/" + id + "/" + Descriptor.FILE);
        if (url == null) {
            throw new IllegalArgumentException("no bundled guidance " + id);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath("/guidances/" + id));
            }
            return read(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read bundled guidance " + id, e);
        }
    }

    /** Loads a guidance folder: {@code guidance.json} and its {@code *.drl} files. */
    static Guidance fromFolder(Path folder, String origin) {
        try {
            return build(read(folder), origin);
        } catch (IOException e) {
            throw new RulesException(origin, List.of(new Finding(folder.toString(), 0, 0, "không đọc được (tệp phải là văn "
                    + "bản UTF-8): " + e, "cannot be read (files must be UTF-8 text): " + e)));
        }
    }

    private static SortedMap<String, String> read(Path folder) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".drl") || name.equals(Descriptor.FILE) || name.equals(Descriptor.FACTS)
                        || name.equals(SCENARIOS)) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    files.put(name, text.startsWith("\uFEFF") ? text.substring(1) : text); // Notepad and Excel write a BOM
                }
            }
        }
        return files;
    }

    /** Builds a guidance from its files by name, after every check; defects are a {@link RulesException}. */
    static Guidance build(SortedMap<String, String> files, String origin) {
        List<Finding> findings = new ArrayList<>();
        Descriptor descriptor = descriptor(files, findings);
        if (files.keySet().stream().noneMatch(n -> n.endsWith(".drl"))) {
            findings.add(new Finding(origin, 0, 0, "không có tệp quy tắc .drl nào", "no .drl rule file"));
        }
        GuidanceCheck check = GuidanceCheck.run(files, descriptor);
        findings.addAll(check.findings());
        if (!findings.isEmpty()) {
            throw defects(origin, findings);
        }
        Map<String, DrlText> texts = new TreeMap<>();
        check.parsedFiles().forEach(f -> texts.put(f.name(), f.text()));
        Compiled compiled = compile(files, texts, origin, descriptor.info().vocabulary());
        Guidance guidance = new Guidance(descriptor, compiled, hash(rulesOnly(files)), check, check.awardsOnly());
        List<Finding> bands = RatingProbe.findings(guidance, check);
        if (!bands.isEmpty()) {
            throw defects(origin, bands);
        }
        return guidance;
    }

    private static Descriptor descriptor(SortedMap<String, String> files, List<Finding> findings) {
        return Descriptor.parse(files, findings);
    }

    static RulesException defects(String origin, List<Finding> findings) {
        return new RulesException(origin, findings);
    }

    static Compiled compile(SortedMap<String, String> files, Map<String, DrlText> texts, String origin,
                            org.isoscoring.api.Vocabulary vocabulary) {
        inlineLambdas();
        KieServices ks = KieServices.get();
        // Every build has its own release id: two builds at once with the default id get each other's rules.
        ReleaseId releaseId = ks.newReleaseId("org.isoscoring.guidance", "g" + UUID.randomUUID(), "1.0.0");
        // Every build has its own package too: the classes written for a guidance's vocabulary then never meet those
        // of another build (a failed one included), whose names are the same (Sheet, Judgement, …).
        String pkg = RULES_PACKAGE + ".g" + BUILDS.incrementAndGet();
        module(inPackage(files, pkg), texts, origin, releaseId, pkg, vocabulary);
        try {
            org.kie.api.runtime.KieContainer container = ks.newKieContainer(releaseId, GUARD);
            return new Compiled(container.getKieBase(), types(container.getClassLoader(), pkg),
                    Models.of(container.getClassLoader(), releaseId));
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            throw defects(origin, List.of(new Finding("", 0, 0, "không nạp được quy tắc đã biên dịch: " + e,
                    "the compiled rules cannot be loaded: " + e)));
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Has the executable model keep the rules' lambdas inside its generated classes instead of one class each: a
     * folder then compiles in about 4 s instead of 5 from a cold JVM (the Java compiler has fewer classes to write).
     * Drools reads this only as a system property; it is set once, unless the application set it itself.
     */
    private static void inlineLambdas() {
        if (System.getProperty(EXTERNALISE_LAMBDAS) == null) {
            System.setProperty(EXTERNALISE_LAMBDAS, "false");
        }
    }

    static final String EXTERNALISE_LAMBDAS = "drools.externaliseCanonicalModelLambda";

    /**
     * Compiles the rule files, which declare package {@code pkg}, into an executable-model module of the given
     * release id, or throws their defects.
     */
    static KieModule module(SortedMap<String, String> files, Map<String, DrlText> texts, String origin,
                            ReleaseId releaseId, String pkg, org.isoscoring.api.Vocabulary vocabulary) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                kfs.write(rulePath(pkg, name), text);
            }
        });
        // the classes of the guidance's vocabulary (Sheet, its enums, …), and the engine's own rule of the subtotal
        Sources.of(vocabulary, pkg).forEach((name, source) ->
                kfs.write("src/main/java/" + pkg.replace('.', '/') + "/" + name, source));
        kfs.write(rulePath(pkg, ENGINE_RULES), engineRules(pkg));
        KieBuilder builder;
        try {
            synchronized (BUILDING) { // two builds at once confuse the generated enums of their vocabularies
                builder = ks.newKieBuilder(kfs, GUARD).buildAll(ExecutableModelProject.class);
            }
        } catch (RuntimeException | LinkageError e) {
            throw defects(origin, Bisect.crash(files, e));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw defects(origin, new CompileErrors(texts).map(errors).stream().map(f -> new Finding(f.file(),
                    f.line(), f.column(), f.messageVi().replace(pkg + ".", ""), f.messageEn().replace(pkg + ".", "")))
                    .toList());
        }
        return builder.getKieModule();
    }

    /**
     * Held while the rules of a guidance are compiled: Drools' model compiler, run for two guidances at once in one
     * JVM, mixes up the enums their vocabularies declare under the same names (a NullPointerException in its enum
     * coercion), so folders are compiled one at a time. Loading and scoring are not held.
     */
    public static final Object BUILDING = new Object();

    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A message without the package of the build that made it ({@code iso.rules.g12} reads {@code iso.rules}).
     *
     * @param message a message of the rule compiler or engine; may be {@code null}
     * @return the message with {@link #RULES_PACKAGE} for each build's package, or {@code null} for {@code null}
     */
    public static String withoutBuild(String message) {
        return message == null ? null : message.replaceAll("\\biso\\.rules\\.g\\d+", RULES_PACKAGE);
    }

    /**
     * The rule files with their package line naming {@code pkg} (on the same line: places are unchanged).
     *
     * @param files a guidance folder's files, their text by file name
     * @param pkg the package each rule file is to declare
     * @return a new map of the same files; only the {@code .drl} files are changed
     */
    public static SortedMap<String, String> inPackage(SortedMap<String, String> files, String pkg) {
        SortedMap<String, String> renamed = new TreeMap<>();
        files.forEach((name, text) -> renamed.put(name, name.endsWith(".drl")
                ? text.replaceFirst("(?m)^package\\s+[\\w.]+\\s*;", "package " + pkg + ";") : text));
        return renamed;
    }

    /** The engine's own rule file, compiled with every guidance's: it adds up the criteria (decision 53). */
    static final String ENGINE_RULES = "00-engine-subtotal.drl";

    /**
     * The engine's rule of the subtotal: the settled awards of an assessment (its {@link Tally}) and its other awards
     * ({@link Award} facts), once every sub-criterion has one. It is the engine's, not the officers': a rule file
     * reads the {@link Subtotal}.
     */
    static String engineRules(String pkg) {
        return "package " + pkg + ";\n\n"
                + "import java.math.BigDecimal;\n"
                + "import org.isoscoring.drools.Award;\n"
                + "import org.isoscoring.drools.Catalog;\n"
                + "import org.isoscoring.rules.Subtotal;\n"
                + "import org.isoscoring.drools.Tally;\n\n"
                + "rule \"Điểm các tiêu chí: cộng khi mọi tiêu chí thành phần đã có điểm\"\n"
                + "when\n"
                + "    Catalog( $n : subCriteria )\n"
                + "    Tally( $s : sheet, $k : count, $settled : points )\n"
                + "    accumulate( Award( sheet == $s, $p : points ); $sum : sum( $p ), $count : count(); "
                + "$count + $k == $n )\n"
                + "then\n"
                + "    insertLogical(new Subtotal($s, $settled.add((BigDecimal) $sum)));\n"
                + "end\n";
    }

    /**
     * How the engine makes the facts of the guidance compiled in package {@code pkg}, from its generated class.
     *
     * @param loader the class loader that has the classes compiled with the rules
     * @param pkg the package the rules were compiled in
     * @return a new instance of the generated class
     * @throws ReflectiveOperationException when the class cannot be found or made
     */
    public static Types types(ClassLoader loader, String pkg) throws ReflectiveOperationException {
        return (Types) Class.forName(pkg + "." + Sources.TYPES, true, loader).getConstructor().newInstance();
    }

    /** The files that make the rules, whose hash a result carries: all but the officers' scenarios. */
    static SortedMap<String, String> rulesOnly(SortedMap<String, String> files) {
        SortedMap<String, String> rules = new TreeMap<>(files);
        rules.remove(SCENARIOS);
        return rules;
    }

    static String hash(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
