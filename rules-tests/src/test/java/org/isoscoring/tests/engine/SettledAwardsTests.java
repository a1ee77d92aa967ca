package org.isoscoring.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awards of rules that match assessments only are settled (decision 53): kept on the assessment and added up in
 * one Tally fact, instead of one fact each. The scores must not change with it: a folder whose subtotal still adds
 * Award facts only, or that has a rule of its own on Award facts, scores exactly as the bundled guidance.
 */
@DisplayName("Settled awards score as awards that are facts")
class SettledAwardsTests {

    private static final String NEW_SUBTOTAL = """
                Tally( $s : sheet, $k : count, $settled : points )
                accumulate( Award( sheet == $s, $p : points ); $sum : sum( $p ), $count : count(); $count + $k == $n )
            then
                insertLogical(new Subtotal($s, $settled.add((BigDecimal) $sum)));""";
    private static final String OLD_SUBTOTAL = """
                $s : Sheet( )
                accumulate( Award( sheet == $s, $p : points ); $sum : sum( $p ), $count : count(); $count == $n )
            then
                insertLogical(new Subtotal($s, (BigDecimal) $sum));""";

    private static String scored(ScoringEngine engine) {
        return ScoringJson.writeResult(engine.evaluate(RuleSafetyTests.EXAMPLE))
                .replaceAll("\"(guidance|rulesHash)\": \"[^\"]*\"", "");
    }

    private static Path bundledWith(Path dir, String from, String to, String more) throws IOException {
        RuleSafetyTests.withRule(dir, "20-subtotal-and-total.drl", more);
        Path file = dir.resolve("20-subtotal-and-total.drl");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to).replace("import org.isoscoring.drools.Tally;",
                "import org.isoscoring.drools.Tally;\nimport org.isoscoring.drools.Sheet;"), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    @DisplayName("a folder whose subtotal adds Award facts only (written before decision 53) gives the same scores")
    void oldSubtotal(@TempDir Path dir) throws IOException {
        String bundled = scored(ScoringEngine.create());
        String old = scored(ScoringEngine.create().withRules(bundledWith(dir, NEW_SUBTOTAL, OLD_SUBTOTAL, "")));
        assertThat(old).isEqualTo(bundled);
        assertThat(bundled).contains("\"subtotal\"");
    }

    @Test
    @DisplayName("a folder with a rule of its own on Award facts sees every award as a fact")
    void ruleOnAwards(@TempDir Path dir) throws IOException {
        // fires only if all 31 awards of an assessment are facts; it then derives a second subtotal, a defect the
        // engine reports: so the defect shows that the rule saw every award
        String rule = """
                rule "Điểm các tiêu chí, đếm lại từ các Award"
                when
                    Catalog( $n : subCriteria )
                    $s : Sheet( )
                    accumulate( Award( sheet == $s ); $count : count(); $count == $n )
                then
                    insertLogical(new Subtotal($s, BigDecimal.ZERO));
                end
                """;
        ScoringEngine engine = ScoringEngine.create().withRules(bundledWith(dir, NEW_SUBTOTAL, NEW_SUBTOTAL, rule));
        RulesException e = catchThrowableOfType(RulesException.class, () -> engine.evaluate(RuleSafetyTests.EXAMPLE));
        assertThat(e).isNotNull();
        assertThat(e.messages()).anySatisfy(m -> assertThat(m).contains("subtotal was derived 2 times"));
    }
}
