package org.isoscoring.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules give settled awards (decision 53): those that match assessments only, in a guidance whose subtotal
 * adds a {@link Tally}; every other award stays a fact that truth maintenance can withdraw.
 */
@DisplayName("Settled awards")
class SettledTests {

    /** The subtotal's rule file, where a folder written before decision 53 kept its own subtotal. */
    static final String SUBTOTAL_FILE = "20-subtotal-and-total.drl";

    /**
     * The subtotal rule of a folder written before decision 53: it adds Award facts only. (Its name differs from the
     * engine's own subtotal rule, which is in the same package.)
     */
    static final String OLD_SUBTOTAL = """
            rule "Điểm các tiêu chí (viết trước quyết định 53): cộng các Award khi mọi tiêu chí thành phần đã có điểm"
            when
                Catalog( $n : subCriteria )
                $s : Sheet( )
                accumulate( Award( sheet == $s, $p : points ); $sum : sum( $p ), $count : count(); $count == $n )
            then
                insertLogical(new Subtotal($s, (BigDecimal) $sum));
            end""";

    /** These files with {@link #OLD_SUBTOTAL} added to the subtotal's rule file, with the imports it needs. */
    static SortedMap<String, String> withOldSubtotal(SortedMap<String, String> bundled) {
        SortedMap<String, String> files = new TreeMap<>(bundled);
        String text = files.get(SUBTOTAL_FILE);
        assertTrue(text.contains("import org.isoscoring.rules.Subtotal;\n"));
        files.put(SUBTOTAL_FILE, text.replace("import org.isoscoring.rules.Subtotal;\n",
                "import org.isoscoring.rules.Subtotal;\nimport org.isoscoring.drools.Award;\n"
                        + "import org.isoscoring.drools.Catalog;\n") + "\n" + OLD_SUBTOTAL + "\n");
        return files;
    }

    /** The marks of every rule of a guidance, by rule name. */
    private static Map<String, Settled.Mark> marks(Guidance guidance) {
        return guidance.rules().stream().collect(Collectors.toMap(Rule::getName, Settled::of));
    }

    @Nested
    @DisplayName("in the bundled guidance")
    class Bundled {

        private final Guidance guidance = Guidance.bundled("bac-giang-2022");
        private final Map<String, Settled.Mark> marks = marks(guidance);

        @Test
        @DisplayName("a rule on an assessment's own facts gives settled awards, with its sub-criterion")
        void criteriaOfTheSheet() {
            assertTrue(guidance.tallies());
            Settled.Mark mark = marks.get("7.1 Tỷ lệ hồ sơ đúng hạn ≥ 98% → 10");
            assertEquals(new Settled.Mark("7.1", guidance.criterionIds().indexOf("7.1"),
                    guidance.criterionIds().size(), true), mark);
            assertTrue(mark.position() >= 0);
        }

        @Test
        @DisplayName("a district's 15.1 and 15.2, which match derived facts, give awards that stay facts")
        void districtRulesOnDerivedFacts() {
            Settled.Mark mark = marks.get("15.2 100% số xã đạt từ 80 điểm trở lên → 3");
            assertEquals("15.2", mark.criterion());
            assertFalse(mark.settled());
            assertFalse(marks.get("15.1 Chấm tại chỗ đủ 1/3 số xã và gửi kết quả về tỉnh đúng hạn → 5").settled());
        }

        @Test
        @DisplayName("the awards that stay facts are exactly those of the district rules of criterion 15")
        void everyRuleMarked() {
            Matcher m = Pattern.compile("rule \"([^\"]+)\"\\s*\n\\s*@criterion").matcher(
                    Guidance.bundledFiles("bac-giang-2022").get("15-district-guidance-of-communes.drl"));
            Set<String> district = new TreeSet<>();
            while (m.find()) {
                district.add(m.group(1));
            }
            assertEquals(8, district.size(), "four rules of 15.1 and four of 15.2");
            Set<String> unsettled = marks.entrySet().stream()
                    .filter(e -> !e.getValue().criterion().isEmpty() && !e.getValue().settled())
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(district, unsettled);
        }
    }

    @Nested
    @DisplayName("in a folder")
    class Folders {

        @Test
        @DisplayName("a rule in an agenda group of its own gives awards that stay facts: it may fire after the tallies")
        void agendaGroup() {
            SortedMap<String, String> files = new TreeMap<>(Guidance.bundledFiles("bac-giang-2022"));
            String name = "14.2 Tài liệu HTQLCL chưa được quản lý điện tử → 0";
            files.put("14-improvement.drl", files.get("14-improvement.drl").replace("rule \"" + name + "\"\n"
                    + "    @criterion(\"14.2\")\n", "rule \"" + name + "\"\n    @criterion(\"14.2\")\n    agenda-group \"sau\"\n"));
            Guidance guidance = Guidance.build(files, "test folder");
            Map<String, Settled.Mark> marks = marks(guidance);
            assertTrue(guidance.tallies());
            assertFalse(marks.get(name).settled());
            assertTrue(marks.get("14.2 Tài liệu HTQLCL được quản lý điện tử → 2").settled());
        }

        @Test
        @DisplayName("with a subtotal of its own that adds Award facts only (written before decision 53), nothing is "
                + "settled")
        void oldSubtotal() {
            SortedMap<String, String> files = withOldSubtotal(Guidance.bundledFiles("bac-giang-2022"));
            Guidance guidance = Guidance.build(files, "test folder");
            assertTrue(guidance.tallies(), "the engine's own subtotal still adds a Tally, with no award in it");
            assertTrue(marks(guidance).values().stream().noneMatch(Settled.Mark::settled));
        }

        @ParameterizedTest(name = "with a rule on Award facts ({0}), nothing is settled: that rule sees every award")
        @ValueSource(strings = {"Award( criterion == \"7.1\" )",
                "$s : Sheet( )\n    accumulate( Award( sheet == $s ); $c : count(); $c > 40 )",
                "not Award( criterion == \"99\" )",
                "$s : Sheet( )\n    forall( Award( sheet == $s, $c : criterion ) Award( sheet == $s, criterion == $c, points != null ) )",
                "Object( this instanceof Award )"})
        void ruleOnAwards(String condition) {
            SortedMap<String, String> files = new TreeMap<>(Guidance.bundledFiles("bac-giang-2022"));
            assertTrue(files.get(SUBTOTAL_FILE).contains("import org.isoscoring.rules.Subtotal;"));
            files.put(SUBTOTAL_FILE, files.get(SUBTOTAL_FILE)
                    .replace("import org.isoscoring.rules.Subtotal;", "import org.isoscoring.rules.Subtotal;\n"
                            + "import org.isoscoring.drools.Award;") + """

                    rule "Một quy tắc trên các Award"
                    when
                        %s
                    then
                    end
                    """.formatted(condition));
            Guidance guidance = Guidance.build(files, "test folder");
            assertTrue(guidance.tallies(), "its subtotal still adds a Tally, with no award in it");
            assertTrue(marks(guidance).values().stream().noneMatch(Settled.Mark::settled));
        }
    }
}
