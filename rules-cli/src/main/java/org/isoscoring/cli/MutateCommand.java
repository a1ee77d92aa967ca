package org.isoscoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Checks that the scenarios pin the rules: small changes to the rules must make some scenario fail. */
@Command(name = "mutate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Kiểm tra các tình huống có ghim chặt quy tắc không / Checks that the scenarios pin the rules.",
                "Changes the rule files one small change at a time (each number in a rule nudged down and up, each "
                        + "comparison flipped between strict and non-strict, each point value ± 0.5), runs the "
                        + "scenarios against each, and lists the changes no scenario catches, with file and line.",
                "Exit status 1 when a change survives. It builds the rules once per change: a few minutes for a "
                        + "whole guidance; --file limits it to one rule file."})
final class MutateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The guidance folder.")
    private Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIOS",
            description = "The scenario file (CSV); default: DIR/scenarios.csv.")
    private Path scenarios;

    @Option(names = "--file", paramLabel = "NAME", description = "Only change this rule file, e.g. 07-dossier-handling.drl.")
    private String only;

    @Option(names = "--threads", paramLabel = "N", description = "Mutants built at once (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    /** What happened to one mutant. */
    enum Fate { KILLED_BY_SCENARIO, REJECTED_BY_CHECK, SURVIVED }

    @Override
    public Integer call() throws Exception {
        Scenarios cases = Scenarios.read(scenarios != null ? scenarios : dir.resolve("scenarios.csv"));
        SortedMap<String, String> files = Mutator.files(dir);
        if (only != null && !files.containsKey(only)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no rule file " + only + " in " + dir);
        }
        var baseline = cases.run(ScoringEngine.create().withRules(dir));
        if (!baseline.stream().allMatch(Scenarios.Outcome::passed)) {
            spec.commandLine().getErr().print(cases.report(baseline));
            spec.commandLine().getErr().println("Các tình huống phải đạt trước khi thử đột biến / the scenarios must pass "
                    + "before mutation testing.");
            return Main.FAILED;
        }
        List<Mutator.Mutant> mutants = new ArrayList<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl") && (only == null || only.equals(name))) {
                mutants.addAll(Mutator.mutants(name, text));
            }
        });
        var err = spec.commandLine().getErr();
        err.println(mutants.size() + " đột biến / mutants, " + threads + " luồng / threads …");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<Fate>> fates = new ArrayList<>();
        try {
            for (Mutator.Mutant m : mutants) {
                fates.add(pool.submit(() -> fate(files, m, cases)));
            }
            List<Mutator.Mutant> survivors = new ArrayList<>();
            int killed = 0;
            int rejected = 0;
            for (int i = 0; i < mutants.size(); i++) {
                switch (fates.get(i).get()) {
                    case KILLED_BY_SCENARIO -> killed++;
                    case REJECTED_BY_CHECK -> rejected++;
                    default -> survivors.add(mutants.get(i));
                }
            }
            var out = spec.commandLine().getOut();
            out.println(mutants.size() + " đột biến / mutants: " + killed + " bị tình huống phát hiện / killed by a "
                    + "scenario, " + rejected + " bị check từ chối / rejected by check, " + survivors.size()
                    + " sống sót / survive");
            survivors.sort(Comparator.comparing(Mutator.Mutant::file).thenComparingInt(Mutator.Mutant::offset));
            for (Mutator.Mutant m : survivors) {
                out.println("  sống sót / survives: " + m.describe() + "   (" + line(files.get(m.file()), m.line()) + ")");
            }
            return survivors.isEmpty() ? 0 : Main.FAILED;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Fate fate(SortedMap<String, String> files, Mutator.Mutant m, Scenarios cases) throws IOException {
        Path tmp = Files.createTempDirectory("iso-mutant");
        try {
            SortedMap<String, String> changed = new TreeMap<>(files);
            changed.put(m.file(), m.apply(files.get(m.file())));
            for (var e : changed.entrySet()) {
                Files.writeString(tmp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            ScoringEngine engine;
            try {
                engine = ScoringEngine.create().withRules(tmp);
            } catch (RulesException e) {
                return Fate.REJECTED_BY_CHECK;
            }
            return cases.run(engine).stream().allMatch(Scenarios.Outcome::passed) ? Fate.SURVIVED
                    : Fate.KILLED_BY_SCENARIO;
        } finally {
            try (Stream<Path> list = Files.list(tmp)) {
                list.forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Files.deleteIfExists(tmp);
        }
    }

    private static String line(String text, int line) {
        return text.lines().skip(line - 1L).findFirst().orElse("").trim();
    }
}
