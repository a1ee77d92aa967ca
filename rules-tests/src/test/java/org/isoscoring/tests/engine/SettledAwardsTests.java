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
 * one Tally fact, instead of one fact each. The scores must not change with it: a folder with a subtotal of its own
 * that adds Award facts only (as a folder written before decision 53 did), or with a rule of its own on Award facts,
 * scores exactly as the bundled guidance. (The subtotal that adds the Tally is the engine's own rule, compiled with
 * every folder's files.)
 */
@DisplayName("Settled awards score as awards that are facts")
class SettledAwardsTests {

    /** A subtotal rule of a folder written before decision 53: it adds Award facts only. */
    private static final String OLD_SUBTOTAL = """
            rule "Điểm các tiêu chí của thư mục: cộng các Award khi mọi tiêu chí thành phần đã có điểm"
            when
                Catalog( $n : subCriteria )
                $s : Sheet( )
                accumulate( Award( sheet == $s, $p : points ); $sum : sum( $p ), $count : count(); $count == $n )
            then
                insertLogical(new Subtotal($s, (BigDecimal) $sum));
            end
            """;

    private static String scored(ScoringEngine engine) {
        return ScoringJson.writeResult(engine.evaluate(RuleSafetyTests.EXAMPLE))
                .replaceAll("\"(guidance|rulesHash)\": \"[^\"]*\"", "");
    }

    /**
     * The bundled guidance in {@code dir} with {@code more} rules in the subtotal's file, which may match the engine's
     * {@code Award} and {@code Catalog} facts.
     */
    private static Path bundledWith(Path dir, String more) throws IOException {
        RuleSafetyTests.withRule(dir, "20-subtotal-and-total.drl", more);
        RuleSafetyTests.addImports(dir.resolve("20-subtotal-and-total.drl"), "org.isoscoring.drools.Award",
                "org.isoscoring.drools.Catalog");
        return dir;
    }

    @Test
    @DisplayName("a folder with a subtotal of its own that adds Award facts only (written before decision 53) gives "
            + "the same scores")
    void oldSubtotal(@TempDir Path dir) throws IOException {
        String bundled = scored(ScoringEngine.create());
        String old = scored(ScoringEngine.create().withRules(bundledWith(dir, OLD_SUBTOTAL)));
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
        ScoringEngine engine = ScoringEngine.create().withRules(bundledWith(dir, rule));
        RulesException e = catchThrowableOfType(RulesException.class, () -> engine.evaluate(RuleSafetyTests.EXAMPLE));
        assertThat(e).isNotNull();
        assertThat(e.messages()).anySatisfy(m -> assertThat(m).contains("subtotal was derived 2 times"));
    }

    @Test
    @DisplayName("a folder whose 14.2 asks, with forall, whether every other award gave points scores as if every award were a fact")
    void forallOverAwards(@TempDir Path dir) throws IOException {
        String rules = """
                rule "14.2 Mọi tiêu chí khác đều có điểm → 2"
                    @criterion("14.2")
                when
                    $s : Sheet( )
                    forall( Award( sheet == $s, criterion != "14.2", $c : criterion )
                            Award( sheet == $s, criterion == $c, points > 0 ) )
                then
                    award(kcontext, $s, "2", "Mọi tiêu chí khác đều có điểm");
                end

                rule "14.2 Có tiêu chí khác không có điểm → 1"
                    @criterion("14.2")
                when
                    $s : Sheet( )
                    not( forall( Award( sheet == $s, criterion != "14.2", $c : criterion )
                                 Award( sheet == $s, criterion == $c, points > 0 ) ) )
                then
                    award(kcontext, $s, "1", "Có tiêu chí khác không có điểm");
                end
                """;
        Path settled = withOwn142(Files.createDirectories(dir.resolve("new")), "", rules);
        Path facts = withOwn142(Files.createDirectories(dir.resolve("old")), OLD_SUBTOTAL, rules);
        String expected = scored(ScoringEngine.create().withRules(facts));
        assertThat(expected).contains("Có tiêu chí khác không có điểm").contains("Mọi tiêu chí khác đều có điểm");
        assertThat(scored(ScoringEngine.create().withRules(settled))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a folder that puts a band in an agenda group focused after the subtotals gives the same scores")
    void agendaGroup(@TempDir Path dir) throws IOException {
        String late = """
                rule "Mở nhóm sau khi có điểm các tiêu chí"
                    agenda-group "sau"
                    auto-focus true
                when
                    Subtotal( )
                then
                end
                """;
        Path folder = bundledWith(dir, late);
        Path file = folder.resolve("14-improvement.drl");
        String name = "rule \"14.2 Tài liệu HTQLCL chưa được quản lý điện tử → 0\"\n    @criterion(\"14.2\")\n";
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(name);
        Files.writeString(file, text.replace(name, name + "    agenda-group \"sau\"\n"), StandardCharsets.UTF_8);
        assertThat(scored(ScoringEngine.create().withRules(folder))).isEqualTo(scored(ScoringEngine.create()));
    }

    /**
     * The bundled guidance with a subtotal of its own ({@code subtotal}, or none) and the rules of 14.2 replaced by
     * {@code rules}.
     */
    private static Path withOwn142(Path dir, String subtotal, String rules) throws IOException {
        bundledWith(dir, subtotal);
        Path file = dir.resolve("14-improvement.drl");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf("rule \"14.2 ");
        assertThat(start).isPositive();
        int end = text.indexOf("\nend\n", text.indexOf("rule \"14.2 ", text.indexOf("rule \"14.2 ") + 1)) + "\nend\n".length();
        Files.writeString(file, text.substring(0, start) + rules + text.substring(end), StandardCharsets.UTF_8);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replaceFirst("package iso.rules;",
                "package iso.rules;\nimport org.isoscoring.drools.Award;"), StandardCharsets.UTF_8);
        return dir;
    }
}
