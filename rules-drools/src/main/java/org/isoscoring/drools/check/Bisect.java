package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;

/**
 * When the rule compiler crashes instead of reporting an error, finds the rule it crashed on: each file alone,
 * then each rule of a crashing file alone.
 */
public final class Bisect {

    private Bisect() {
    }

    /**
     * Finds the rules the compiler crashes on, by compiling each rule file alone, then each rule of a crashing file.
     *
     * @param files a guidance folder's files, their text by file name
     * @param whole what the compiler threw on the whole folder
     * @return a finding for each rule that crashes the compiler; when no file crashes alone, one finding that
     *         describes {@code whole}
     */
    public static List<Finding> crash(SortedMap<String, String> files, Throwable whole) {
        List<Finding> findings = new ArrayList<>();
        for (var e : files.entrySet()) {
            if (!e.getKey().endsWith(".drl") || crashes(e.getKey(), e.getValue()) == null) {
                continue;
            }
            findings.addAll(rules(e.getKey(), e.getValue()));
        }
        if (findings.isEmpty()) {
            findings.add(new Finding("", 0, 0, "trình biên dịch quy tắc bị lỗi: " + describe(whole, false),
                    "the rule compiler failed: " + describe(whole, true)));
        }
        return findings;
    }

    private static List<Finding> rules(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        PackageDescr descr;
        try {
            descr = new DrlParser().parse(false, text);
        } catch (DroolsParserException e) {
            return List.of(new Finding(file, 0, 0, "trình biên dịch quy tắc bị lỗi", "the rule compiler failed"));
        }
        List<RuleDescr> rules = descr == null ? List.of() : descr.getRules();
        int firstRule = rules.isEmpty() ? text.length() : rules.get(0).getStartCharacter();
        String header = text.substring(0, Math.max(0, firstRule));
        for (RuleDescr rule : rules) {
            String alone = header + text.substring(rule.getStartCharacter(), Math.min(text.length(), rule.getEndCharacter() + 1));
            Throwable crash = crashes(file, alone);
            if (crash != null) {
                findings.add(new Finding(file, rule.getLine(), rule.getColumn() + 1, "trình biên dịch không dịch được "
                        + "quy tắc \"" + rule.getName() + "\": " + describe(crash, false), "the rule compiler fails on this rule: "
                        + describe(crash, true)));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(file, 0, 0, "trình biên dịch quy tắc bị lỗi", "the rule compiler failed on this file"));
        }
        return findings;
    }

    /** The exception the compiler throws on this file alone, or {@code null}. */
    private static Throwable crashes(String file, String text) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.isoscoring.bisect", "b" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        kfs.write(Guidance.rulePath(Guidance.RULES_PACKAGE, file), text);
        try {
            synchronized (Guidance.BUILDING) {
                ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e;
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static String describe(Throwable e, boolean english) {
        if (e instanceof NumberFormatException) {
            return (english ? "is a number compared with a text? (" : "một số được so sánh với một chuỗi? (")
                    + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst()
                .orElse(""));
    }
}
