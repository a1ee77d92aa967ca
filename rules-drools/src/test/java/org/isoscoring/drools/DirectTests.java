package org.isoscoring.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.TypeMetaData;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules fire without Drools' network (decision 54): those that match one assessment alone and only give
 * settled awards. Every other rule stays in the knowledge base, a guidance still lists every rule, and scoring
 * gives the same results, and the same errors, with direct firing on and off ({@code -Disoscoring.direct=false}).
 */
@DisplayName("Rules fired without the network")
class DirectTests {

    private static final String ID = "bac-giang-2022";
    private static final String BAND = "7.1 Tỷ lệ hồ sơ đúng hạn ≥ 98% → 10";
    private static final String BAND_FILE = "07-dossier-handling.drl";
    private static final String BAND_CONDITIONS = "$s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) )";
    private static final String BAND_AWARD = """
            award(kcontext, $s, "10", "{dossiersOnTime}/{dossiersResolved} hồ sơ giải quyết đúng hạn: {onTimeRate} ≥ 98%",
                        "{dossiersOnTime}/{dossiersResolved} dossiers resolved on time: {onTimeRate} ≥ 98%");""";
    private static final String DISTRICT_FILE = "15-district-guidance-of-communes.drl";
    /** The bundled guidance's 128 rules: 106 bands of criteria 1 to 15, 8 district rules, 14 others. */
    private static final int RULES = 128;
    /** The engine's own rule, compiled with every guidance's files: the subtotal ({@link Guidance#ENGINE_RULES}). */
    private static final int ENGINE = 1;
    /** The bands of criteria 1 to 15 (all but the district's 15.1 and 15.2): the rules fired directly. */
    private static final int DIRECT = 106;
    /** The rules the two-tier example fires directly. */
    private static final int TWO_TIER_DIRECT = 111;

    private static final ScoringRequest EXAMPLE = ScoringJson.readRequest(Path.of(System.getProperty("project.root",
            "..")).toAbsolutePath().normalize().resolve("docs/examples/bac-giang-2022.json"),
            new DroolsScoringEngine());

    private static Set<String> names(Collection<? extends Rule> rules) {
        return rules.stream().map(Rule::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the rules left in the knowledge base. */
    private static Set<String> network(Guidance guidance) {
        return guidance.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(Rule::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the rules fired without the network. */
    private static Set<String> direct(Guidance guidance) {
        return names(guidance.direct().rules());
    }

    /** The name of the engine's own subtotal rule, in the knowledge base of every guidance. */
    private static Set<String> engineRule() {
        return ruleNames(new TreeMap<>(Map.of(Guidance.ENGINE_RULES, Guidance.engineRules(Guidance.RULES_PACKAGE))),
                false).get(Guidance.ENGINE_RULES);
    }

    /** The guidance's own {@code Sheet}, the class its rule files were compiled with. */
    private static Class<?> sheetClass(Guidance guidance) {
        return guidance.types().sheet(0, "SO-A", "DEPARTMENT", "SELF", null, 2022, 0,
                guidance.info().vocabulary().example("perfect").orElseThrow().facts(2022)).getClass();
    }

    /** The names of the rules of the rule files, and of those with a {@code @criterion}, by file. */
    private static Map<String, Set<String>> ruleNames(SortedMap<String, String> files, boolean criterionOnly) {
        Pattern rule = Pattern.compile(criterionOnly ? "(?m)^rule \"([^\"]+)\"\\s*\n\\s*@criterion"
                : "(?m)^rule \"([^\"]+)\"");
        Map<String, Set<String>> byFile = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                Matcher m = rule.matcher(text);
                Set<String> found = new TreeSet<>();
                while (m.find()) {
                    found.add(m.group(1));
                }
                byFile.put(name, found);
            }
        });
        return byFile;
    }

    /** Runs {@code action} with {@code -Disoscoring.direct} set to {@code value} ({@code null}: not set). */
    private static <T> T withSwitch(String value, Supplier<T> action) {
        String before = System.getProperty(Direct.SWITCH);
        try {
            if (value == null) {
                System.clearProperty(Direct.SWITCH);
            } else {
                System.setProperty(Direct.SWITCH, value);
            }
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(Direct.SWITCH);
            } else {
                System.setProperty(Direct.SWITCH, before);
            }
        }
    }

    /** The bundled files with the rule that starts with {@code from} in {@code file} replaced by {@code to}. */
    private static SortedMap<String, String> bundledWith(String file, String from, String to) {
        SortedMap<String, String> files = new TreeMap<>(Guidance.bundledFiles(ID));
        String text = files.get(file);
        int start = text.indexOf(from);
        assertTrue(start >= 0, from);
        int end = text.indexOf("end\n", start) + "end".length();
        files.put(file, text.substring(0, start) + to + text.substring(end));
        return files;
    }

    /** The bundled files with the band {@link #BAND} written with these attributes, conditions and consequence. */
    private static SortedMap<String, String> withBand(String attributes, String conditions, String consequence) {
        return bundledWith(BAND_FILE, "rule \"" + BAND + "\"", "rule \"" + BAND + "\"\n    @criterion(\"7.1\")\n"
                + (attributes.isEmpty() ? "" : "    " + attributes + "\n") + "when\n    " + conditions + "\nthen\n    "
                + consequence + "\nend");
    }

    /** What the example province scores with these files, with direct firing on or off: its JSON, or its defects. */
    private static String scored(SortedMap<String, String> files, boolean direct) {
        Guidance guidance = withSwitch(direct ? null : "false", () -> Guidance.build(files, "test folder"));
        assertEquals(direct, direct(guidance).contains(BAND), "direct firing " + (direct ? "on" : "off"));
        return outcome(guidance);
    }

    /** What the example province scores with this guidance: its JSON, or its defects. */
    private static String outcome(Guidance guidance) {
        try {
            return ScoringJson.writeResult(Evaluation.run(guidance, EXAMPLE));
        } catch (RulesException e) {
            return "defects: " + String.join("\n", e.messages());
        }
    }

    @Nested
    @DisplayName("in the bundled guidance")
    class Bundled {

        private final Guidance guidance = Guidance.bundled(ID);
        private final SortedMap<String, String> files = Guidance.bundledFiles(ID);

        @Test
        @DisplayName("a band on an assessment's own facts fires directly, and is no longer in the knowledge base")
        void bandFiresDirectly() {
            assertTrue(direct(guidance).contains(BAND));
            assertFalse(network(guidance).contains(BAND));
            String pkg = guidance.direct().rules().stream().filter(r -> r.getName().equals(BAND)).findFirst()
                    .orElseThrow().getPackageName();
            assertNull(guidance.kieBase().getRule(pkg, BAND));
        }

        @Test
        @DisplayName("none of the eight district rules of 15.1 and 15.2 fires directly: they match a district's figures too")
        void districtRulesStay() {
            Set<String> district = ruleNames(files, true).get(DISTRICT_FILE);
            assertEquals(8, district.size(), "four rules of 15.1 and four of 15.2");
            assertTrue(district.stream().noneMatch(direct(guidance)::contains));
            assertTrue(network(guidance).containsAll(district));
        }

        @Test
        @DisplayName("exactly the 106 bands of criteria 1 to 15 fire directly, and none of them is left in the knowledge base")
        void exactlyTheBands() {
            Set<String> bands = new TreeSet<>();
            ruleNames(files, true).forEach((file, names) -> {
                if (!file.equals(DISTRICT_FILE)) {
                    bands.addAll(names);
                }
            });
            assertEquals(DIRECT, bands.size());
            assertEquals(bands, direct(guidance));
            assertEquals(DIRECT, guidance.direct().size());
            Set<String> left = new TreeSet<>(network(guidance));
            left.retainAll(direct(guidance));
            assertEquals(Set.of(), left);
        }

        @Test
        @DisplayName("the rules on assessments that do not fire directly derive other facts, or match more than one pattern")
        void otherRulesOnAssessments() {
            // 21: the final assessment of an agency is derived, not awarded (it also asks "not Sheet"); 24:
            // an accumulate over a district's communes; 15.1 and 15.2 of a district: three and two patterns, and
            // awards that quote the district's figures
            Class<?> sheet = sheetClass(guidance);
            Set<String> onSheets = new TreeSet<>();
            for (Rule rule : guidance.rules()) {
                if (Settled.matches(((RuleImpl) rule).getLhs(), sheet, false)
                        && !guidance.direct().rules().contains(rule)) {
                    onSheets.add(rule.getName());
                }
            }
            Set<String> expected = new TreeSet<>(ruleNames(files, true).get(DISTRICT_FILE));
            expected.addAll(ruleNames(files, false).get("21-final-assessor.drl"));
            expected.remove("Kết quả cuối cùng: tổng điểm và xếp loại của phiếu cuối cùng"); // on FinalAssessment
            expected.addAll(ruleNames(files, false).get("24-district-sampling.drl"));
            expected.remove("Báo cáo chấm điểm cấp xã của huyện"); // on the district's figures, not on assessments
            assertEquals(expected, onSheets);
            assertEquals(8 + 1 + 1, onSheets.size());
        }

        @Test
        @DisplayName("still lists every rule of the files, once, and the engine's own subtotal rule")
        void listsEveryRule() {
            Set<String> all = new TreeSet<>();
            int count = 0;
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (f.getKey().endsWith(".drl")) {
                    count += f.getValue().split("\nrule \"", -1).length - 1;
                }
            }
            ruleNames(files, false).values().forEach(all::addAll);
            assertEquals(RULES, count);
            assertEquals(RULES, all.size());
            all.addAll(engineRule());
            List<Rule> rules = guidance.rules();
            assertEquals(RULES + ENGINE, rules.size());
            assertEquals(all, names(rules));
            assertEquals(RULES + ENGINE, network(guidance).size() + guidance.direct().size());
            assertTrue(network(guidance).containsAll(engineRule()), "the subtotal is fired by the network");
        }

        @Test
        @DisplayName("gives settled awards, with the band's sub-criterion, in every rule it fires directly")
        void settledMarks() {
            assertTrue(guidance.tallies());
            for (Rule rule : guidance.direct().rules()) {
                Settled.Mark mark = Settled.of(rule);
                assertTrue(mark.settled(), rule.getName());
                assertTrue(mark.position() >= 0, rule.getName());
                assertEquals(rule.getName().substring(0, rule.getName().indexOf(' ')), mark.criterion(), rule.getName());
            }
        }

        @Test
        @DisplayName("fires directly the same rules when precompiled as when its files are compiled now")
        void precompiledAsBuilt() {
            Guidance built = Guidance.build(files, "test folder");
            assertEquals(direct(guidance), direct(built));
            assertEquals(network(guidance), network(built));
            assertEquals(ScoringJson.writeResult(Evaluation.run(built, EXAMPLE)),
                    ScoringJson.writeResult(Evaluation.run(guidance, EXAMPLE)));
        }
    }

    @Nested
    @DisplayName("takes the consequences from the executable model's published rules (no reflection)")
    class PublishedModel {

        /** The rules each bundled guidance fires directly: its bands, all but those of a district's figures. */
        private static final Map<String, Integer> BUNDLED = Map.of(ID, DIRECT, "two-tier-2026-example", TWO_TIER_DIRECT);

        /** Everything slf4j-simple writes to the standard error while {@code action} runs. */
        private static String logged(Runnable action) {
            PrintStream before = System.err;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.setErr(before);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private static int count(String text, String part) {
            return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
        }

        /**
         * Fails when Drools no longer publishes the consequences where {@link Direct} reads them (another Drools):
         * then every rule would stay in the network and scoring would be half as fast, with no other test failing.
         */
        @ParameterizedTest(name = "{0}: precompiled, compiled from its files and from a folder copy (--rules DIR)")
        @CsvSource({"bac-giang-2022", "two-tier-2026-example"})
        void everyBundledGuidance(String id, @TempDir Path dir) throws IOException {
            // given the bundled guidance, and a copy of its files in a folder
            for (Map.Entry<String, String> file : Guidance.bundledFiles(id).entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            int fallbacks = Direct.FALLBACKS.get();
            // when it is loaded the three ways
            Guidance precompiled = Guidance.bundled(id);
            Guidance built = Guidance.build(Guidance.bundledFiles(id), "test folder");
            Guidance folder = Guidance.fromFolder(dir, dir.toString());
            // then each fires its bands directly, found in the models, and none fell back to the network
            int expected = BUNDLED.get(id);
            assertTrue(expected > 0);
            assertEquals(expected, precompiled.direct().size(), "precompiled");
            assertEquals(expected, built.direct().size(), "compiled from its files");
            assertEquals(expected, folder.direct().size(), "a folder");
            assertEquals(direct(precompiled), direct(folder));
            assertEquals(fallbacks, Direct.FALLBACKS.get(), "no fallback to the network");
        }

        @Test
        @DisplayName("without the models, or with models that lack a rule, every rule stays in the network, said once "
                + "in Vietnamese and English")
        void fallsBack() {
            // given knowledge bases with every rule in them, and the awards-only rules of the bundled guidance
            Set<String> awardsOnly = Precompiled.find(ID).awardsOnly();
            Model empty = new Model() {
                @Override
                public String getName() {
                    return "empty";
                }

                @Override
                public List<Global> getGlobals() {
                    return List.of();
                }

                @Override
                public List<org.drools.model.Rule> getRules() {
                    return List.of();
                }

                @Override
                public List<Query> getQueries() {
                    return List.of();
                }

                @Override
                public List<TypeMetaData> getTypeMetaDatas() {
                    return List.of();
                }

                @Override
                public List<org.drools.model.EntryPoint> getEntryPoints() {
                    return List.of();
                }
            };
            List<List<Model>> unusable = new java.util.ArrayList<>();
            unusable.add(null);
            unusable.add(List.of());
            unusable.add(List.of(empty));
            unusable.add(Precompiled.find("two-tier-2026-example").compiled().models()); // another guidance's rules
            int before = Direct.FALLBACKS.get();
            String log = logged(() -> {
                for (List<Model> models : unusable) {
                    Guidance network = withSwitch("false", () -> Guidance.bundled(ID));
                    // when the rules to fire directly are taken with these models
                    Direct direct = Direct.take(network.kieBase(), models, awardsOnly);
                    // then none is, and the knowledge base keeps every rule
                    assertEquals(0, direct.size());
                    assertEquals(RULES + ENGINE, network(network).size());
                }
            });
            assertEquals(before + 4, Direct.FALLBACKS.get());
            String warning = "every rule stays in the network; the results are the same, but scoring is about half "
                    + "as fast";
            assertEquals(before == 0 ? 1 : 0, count(log, warning), log);
            if (before == 0) {
                assertTrue(log.contains("WARN"), log);
                assertTrue(log.contains("mọi quy tắc ở lại trong mạng Rete"), log);
            }
        }
    }

    @Nested
    @DisplayName("with -Disoscoring.direct=false")
    class SwitchedOff {

        @Test
        @DisplayName("a guidance built from files fires no rule directly: every rule is in the knowledge base")
        void built() {
            Guidance guidance = withSwitch("false", () -> Guidance.build(Guidance.bundledFiles(ID), "test folder"));
            assertEquals(0, guidance.direct().size());
            assertEquals(RULES + ENGINE, network(guidance).size());
            assertTrue(network(guidance).contains(BAND));
            assertEquals(RULES + ENGINE, guidance.rules().size());
            assertNull(System.getProperty(Direct.SWITCH), "the property is restored");
        }

        @Test
        @DisplayName("the precompiled bundled guidance fires no rule directly either")
        void bundled() {
            Guidance guidance = withSwitch("false", () -> Guidance.bundled(ID));
            assertEquals(0, guidance.direct().size());
            assertEquals(RULES + ENGINE, network(guidance).size());
            assertEquals(DIRECT, Guidance.bundled(ID).direct().size(), "read when a guidance is made");
        }

        @Test
        @DisplayName("the example province scores the same, explanations included, as with direct firing")
        void sameScores() {
            Guidance off = withSwitch("false", () -> Guidance.bundled(ID));
            Guidance on = Guidance.bundled(ID);
            String expected = ScoringJson.writeResult(Evaluation.run(off, EXAMPLE));
            assertTrue(expected.contains(BAND));
            assertEquals(expected, ScoringJson.writeResult(Evaluation.run(on, EXAMPLE)));
        }
    }

    @Nested
    @DisplayName("in a folder with one band changed")
    class Folders {

        @ParameterizedTest(name = "a band {0} stays in the network")
        @CsvSource(delimiter = '|', textBlock = """
                whose consequence also declares a variable | '' | int unused = 0;
                whose award quotes the assessment as another fact | '' | AWARD_QUOTING_SHEET
                in an activation group | activation-group "7.1" |
                that is disabled | enabled false |
                with a date-effective | date-effective "01-Jan-2000" |
                with a date-expires | date-expires "31-Dec-2999" |
                in an agenda group of its own | agenda-group "sau" |
                in a rule-flow group | ruleflow-group "sau" |
                with a timer | timer (int: 0) |
                with a calendar | calendars "ngày làm việc" |
                with auto-focus | auto-focus true |
                """)
        void staysInNetwork(String what, String attributes, String consequence) {
            String then = consequence == null ? BAND_AWARD : consequence.equals("AWARD_QUOTING_SHEET")
                    ? BAND_AWARD.replace("≥ 98%\");", "≥ 98%\", $s);") : consequence + "\n    " + BAND_AWARD;
            Guidance guidance = Guidance.build(withBand(attributes, BAND_CONDITIONS, then), "test folder");
            assertTrue(network(guidance).contains(BAND), what);
            assertFalse(direct(guidance).contains(BAND), what);
            assertEquals(DIRECT - 1, guidance.direct().size(), "every other band still fires directly");
        }

        @ParameterizedTest(name = "a band whose conditions are {0} stays in the network")
        @CsvSource(delimiter = '|', textBlock = """
                two patterns of the assessment | $s : Sheet( dossiersResolved > 0 ) @ Sheet( this == $s, onTimeRate.atLeast(98) )
                a pattern and a not | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) @ not Sheet( agency == $s.agency, this != $s, dossiersResolved == 0 )
                a pattern and an exists | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) @ exists Sheet( agency == $s.agency )
                a pattern and an accumulate | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) @ accumulate( Sheet( agency == $s.agency ); $n : count(); $n > 0 )
                two patterns joined by or | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) or $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(99) )
                """)
        void conditionsStayInNetwork(String what, String conditions) {
            Guidance guidance = Guidance.build(withBand("", conditions.replace(" @ ", "\n    "), BAND_AWARD),
                    "test folder");
            assertTrue(network(guidance).contains(BAND), what);
            assertFalse(direct(guidance).contains(BAND), what);
            assertTrue(Settled.of(inKnowledgeBase(guidance, BAND)).settled(),
                    "its awards are settled: only Direct keeps it in the network");
        }

        @Test
        @DisplayName("with a subtotal of its own that adds Award facts only (written before decision 53), no rule "
                + "fires directly")
        void oldSubtotal() {
            SortedMap<String, String> files = SettledTests.withOldSubtotal(Guidance.bundledFiles(ID));
            Guidance guidance = Guidance.build(files, "test folder");
            assertEquals(0, guidance.direct().size());
            assertEquals(RULES + 1 + ENGINE, network(guidance).size());
            assertTrue(network(guidance).contains(BAND));
        }

        @ParameterizedTest(name = "a band {0} still fires directly")
        @CsvSource(delimiter = '|', textBlock = """
                whose consequence has comments | '' | // 98% trở lên @ /* tối đa */
                with no-loop | no-loop true |
                in the main agenda group, named | agenda-group "MAIN" |
                """)
        void stillDirect(String what, String attributes, String comments) {
            String then = comments == null ? BAND_AWARD : comments.replace(" @ ", "\n    ") + "\n    " + BAND_AWARD;
            Guidance guidance = Guidance.build(withBand(attributes, BAND_CONDITIONS, then), "test folder");
            assertTrue(direct(guidance).contains(BAND), what);
            assertFalse(network(guidance).contains(BAND), what);
        }

        @Test
        @DisplayName("a band whose reason holds \"//\" or \"/*\" is read as the parser reads it: text in a string, "
                + "so a statement after it is no comment and keeps the band in the network")
        void commentMarksInStrings() {
            // given a reason that opens "/*" and a comment that closes "*/" around a statement that is not an award
            String hidden = BAND_AWARD.replace("≥ 98%\");", "≥ 98% /* x\");") + "\n    insertLogical(new BigDecimal(\"0\"));"
                    + " // */";
            SortedMap<String, String> files = withBand("", BAND_CONDITIONS, hidden);
            assertTrue(files.get(BAND_FILE).contains("import function org.isoscoring.rules.Awards.award;"));
            files.put(BAND_FILE, files.get(BAND_FILE).replace("import function org.isoscoring.rules.Awards.award;",
                    "import java.math.BigDecimal;\nimport function org.isoscoring.rules.Awards.award;"));
            // when it is loaded, then the band stays in the network, and scores as with direct firing off
            Guidance guidance = Guidance.build(files, "test folder");
            assertFalse(direct(guidance).contains(BAND));
            assertTrue(network(guidance).contains(BAND));
            assertEquals(outcome(withSwitch("false", () -> Guidance.build(files, "test folder"))), outcome(guidance));
            // and a reason with an address in it ("https://…") is text too: that band still fires directly
            Guidance address = Guidance.build(withBand("", BAND_CONDITIONS,
                    BAND_AWARD.replace("≥ 98%\",", "≥ 98% (https://dichvucong.gov.vn)\",")), "test folder");
            assertTrue(direct(address).contains(BAND));
        }

        @Test
        @DisplayName("its firings count in the firing budget, as in the network: a budget too small for the bands fails")
        void firingBudget() {
            // given a budget of 20 firings per assessment, below the 31 awards of an assessment
            String before = System.getProperty("isoscoring.maxFiringsPerAssessment");
            System.setProperty("isoscoring.maxFiringsPerAssessment", "20");
            try {
                // when the example province is scored, with direct firing on and off
                Guidance on = Guidance.bundled(ID);
                Guidance off = withSwitch("false", () -> Guidance.bundled(ID));
                // then both stop with the budget's defect
                String direct = outcome(on);
                assertTrue(direct.startsWith("defects: ") && direct.contains("more than the budget of 20"), direct);
                assertTrue(outcome(off).contains("more than the budget of 20"), outcome(off));
            } finally {
                if (before == null) {
                    System.clearProperty("isoscoring.maxFiringsPerAssessment");
                } else {
                    System.setProperty("isoscoring.maxFiringsPerAssessment", before);
                }
            }
        }

        @ParameterizedTest(name = "a band with {0} is refused by the checks, so never fired directly")
        @CsvSource(delimiter = '|', textBlock = """
                a salience | salience 10 | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) )
                an eval | '' | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) @ eval( true )
                a named consequence | '' | $s : Sheet( dossiersResolved > 0 ) @ do[late] @ Sheet( this == $s, onTimeRate.atLeast(98) )
                a dialect | dialect "mvel" | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) )
                a sliding window (the knowledge base is not in stream mode) | '' | $s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(98) ) over window:length( 1 )
                """)
        void refused(String what, String attributes, String conditions) {
            SortedMap<String, String> files = withBand(attributes, conditions.replace(" @ ", "\n    "), BAND_AWARD);
            assertThrows(RulesException.class, () -> Guidance.build(files, "test folder"), what);
        }
    }

    @Nested
    @DisplayName("scores as the network would")
    class SameAsNetwork {

        @Test
        @DisplayName("a band whose constraint divides by zero fails with the same error, direct or not")
        void failingConstraint() {
            SortedMap<String, String> files = withBand("",
                    "$s : Sheet( dossiersResolved > 0, dossiersOnTime / (lateDossiers - lateDossiers) >= 0, onTimeRate.atLeast(98) )",
                    BAND_AWARD);
            String network = scored(files, false);
            assertTrue(network.startsWith("defects: "), network);
            assertTrue(network.contains("ArithmeticException"), network);
            assertEquals(network, scored(files, true));
        }

        @Test
        @DisplayName("a band whose reason quotes a district's figure fails with the same error, naming the rule, direct or not")
        void failingConsequence() {
            SortedMap<String, String> files = withBand("", BAND_CONDITIONS,
                    "award(kcontext, $s, \"10\", \"{onTimeRate} ≥ 98%, {onSite} xã\");");
            Guidance direct = Guidance.build(files, "test folder");
            assertTrue(direct(direct).contains(BAND), "the checks accept it, and it fires directly");
            String network = scored(files, false);
            assertTrue(network.contains("rule \"" + BAND + "\""), network);
            assertTrue(network.contains("{onSite}"), network);
            assertEquals(network, scored(files, true));
        }

        @Test
        @DisplayName("overlapping bands, one of them fired directly, are reported the same, direct or not")
        void overlappingBands() {
            SortedMap<String, String> files = withBand("", "$s : Sheet( dossiersResolved > 0, onTimeRate.atLeast(95) )",
                    BAND_AWARD);
            String network = scored(files, false);
            assertTrue(network.contains("overlapping bands"), network);
            assertEquals(network, scored(files, true));
        }

        @Test
        @DisplayName("a band whose constraint uses a binding of its own pattern scores the same, direct or not")
        void bindingOfItsOwnPattern() {
            SortedMap<String, String> files = withBand("",
                    "$s : Sheet( $r : dossiersResolved, dossiersOnTime <= $r, $r > 0, onTimeRate.atLeast(98) )",
                    BAND_AWARD);
            assertTrue(direct(Guidance.build(files, "test folder")).contains(BAND));
            String network = scored(files, false);
            assertTrue(network.contains(BAND), network);
            assertEquals(network, scored(files, true));
        }

        @Test
        @DisplayName("a band with lock-on-active scores the same, direct or not")
        void lockOnActive() {
            SortedMap<String, String> files = withBand("lock-on-active true", BAND_CONDITIONS, BAND_AWARD);
            String network = scored(files, false);
            assertTrue(network.contains("\"rule\": \"" + BAND + "\""), network);
            assertEquals(network, scored(files, true));
        }

        @Test
        @DisplayName("a band with auto-focus stays in the network, so it scores as with direct firing off, even where "
                + "Drools fails")
        void autoFocus() {
            // given a band with auto-focus in a guidance with the main agenda group only
            SortedMap<String, String> files = withBand("auto-focus true", BAND_CONDITIONS, BAND_AWARD);
            // when it is scored with direct firing on and off
            Guidance on = Guidance.build(files, "test folder");
            Guidance off = withSwitch("false", () -> Guidance.build(files, "test folder"));
            // then it is not fired directly, and both give Drools' own failure (its auto-focus needs agenda groups)
            assertFalse(direct(on).contains(BAND));
            assertTrue(network(on).contains(BAND));
            String withDirect = outcome(on);
            assertTrue(withDirect.startsWith("defects: ") && withDirect.contains("UnsupportedOperationException"),
                    withDirect);
            assertEquals(outcome(off), withDirect);
        }

        @Test
        @DisplayName("a band that extends a band fired directly still fires")
        void extendsDirectRule() {
            // "7.2 Không có hồ sơ trễ hạn → 2" fires directly; a 7.1 band that extends it adds its conditions
            SortedMap<String, String> files = bundledWith(BAND_FILE, "rule \"7.1 Không có hồ sơ phải giải quyết",
                    """
                    rule "7.1 Không có hồ sơ phải giải quyết trong năm → 10" extends "7.2 Không có hồ sơ trễ hạn → 2"
                        @criterion("7.1")
                    when
                        Sheet( this == $s, dossiersResolved == 0 )
                    then
                        award(kcontext, $s, "10", "Không có hồ sơ giải quyết trong năm ({dossiersResolved})",
                                "No dossier resolved in the year ({dossiersResolved})");
                    end""");
            String network = scored(files, false);
            assertFalse(network.startsWith("defects: "), network);
            assertTrue(network.contains("\"rule\": \"7.1 Không có hồ sơ phải giải quyết trong năm → 10\""), network);
            assertEquals(network, scored(files, true));
            Guidance guidance = Guidance.build(files, "test folder");
            assertNotNull(inKnowledgeBase(guidance, "7.1 Không có hồ sơ phải giải quyết trong năm → 10"));
        }
    }

    /** A rule of the knowledge base by name, whatever package its build put it in (decision 67); else null. */
    static Rule inKnowledgeBase(Guidance guidance, String name) {
        return guidance.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .filter(r -> r.getName().equals(name)).findFirst().orElse(null);
    }
}
