package org.isoscoring.tests.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.spi.ResultParts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result's explanations are made when first read (decision 52): filling 31 reasons in two languages per
 * assessment was most of the time of scoring, and a caller that reads totals only does not need them.
 */
@DisplayName("Explanations made when first read")
class ExplanationsOnReadTests {

    private static Explanation explanation(int i) {
        return new Explanation("1." + (i + 1), BigDecimal.ONE, BigDecimal.TEN, "rule " + i, "lý do " + i,
                "reason " + i, Map.of("staffTotal", "20"));
    }

    @Nested
    @DisplayName("ResultParts.explanationsOnRead (for engines)")
    class MadeOnRead {

        @Test
        @DisplayName("makes an explanation the first time it is read, and keeps it")
        void makesOnce() {
            AtomicInteger made = new AtomicInteger();
            List<Explanation> list = ResultParts.explanationsOnRead(3, i -> {
                made.incrementAndGet();
                return explanation(i);
            });

            assertThat(list).hasSize(3);
            assertThat(made).hasValue(0);

            Explanation first = list.get(1);
            assertThat(list.get(1)).isSameAs(first);
            assertThat(made).hasValue(1);
            assertThat(list).containsExactly(explanation(0), explanation(1), explanation(2));
            assertThat(made).hasValue(3);
        }

        @Test
        @DisplayName("is immutable and checks its indexes")
        void immutable() {
            List<Explanation> list = ResultParts.explanationsOnRead(2, ExplanationsOnReadTests::explanation);

            assertThatThrownBy(() -> list.add(explanation(2))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> list.set(0, explanation(2))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ResultParts.explanationsOnRead(-1, ExplanationsOnReadTests::explanation))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("an AssessmentResult keeps it as it is, and copies any other list")
        void keptByTheResult() {
            AtomicInteger made = new AtomicInteger();
            List<Explanation> onRead = ResultParts.explanationsOnRead(1, i -> {
                made.incrementAndGet();
                return explanation(i);
            });
            List<Explanation> plain = new ArrayList<>(List.of(explanation(0)));

            AssessmentResult lazy = result(onRead);
            AssessmentResult copied = result(plain);
            plain.clear();

            assertThat(made).hasValue(0);
            assertThat(lazy.explanations()).isSameAs(onRead);
            assertThat(copied.explanations()).containsExactly(explanation(0));
            assertThat(lazy).isEqualTo(copied);
        }

        private AssessmentResult result(List<Explanation> explanations) {
            return new AssessmentResult("SO-A", "SELF", Map.of("1.1", BigDecimal.ONE), BigDecimal.ONE,
                    BigDecimal.ZERO, BigDecimal.ONE, "WEAK", explanations);
        }
    }

    @Nested
    @DisplayName("the engine's results")
    class Engine {

        @Test
        @DisplayName("give the same reasons whenever, and from whichever thread, they are read")
        void sameReasons() {
            ScoringEngine engine = ScoringEngine.create();
            ScoringResult serial = engine.evaluate(RuleSafetyTests.EXAMPLE);
            ScoringResult parallel = engine.evaluate(RuleSafetyTests.EXAMPLE);

            List<String> read = serial.assessments().stream().flatMap(a -> a.explanations().stream())
                    .map(e -> e.reason() + " / " + e.reasonEn() + " " + e.facts()).toList();
            List<String> readAtOnce = parallel.assessments().parallelStream().flatMap(a -> a.explanations()
                    .parallelStream()).map(e -> e.reason() + " / " + e.reasonEn() + " " + e.facts()).toList();

            assertThat(read).hasSize(RuleSafetyTests.EXAMPLE.assessments().size() * 31);
            assertThat(readAtOnce).isEqualTo(read);
            assertThat(ScoringJson.writeResult(parallel)).isEqualTo(ScoringJson.writeResult(serial));
        }

        @Test
        @DisplayName("a reason that quotes a fact its rule was not given fails when the rules run, not when read")
        void unknownFactFailsEarly(@TempDir Path dir) throws IOException {
            RuleSafetyTests.withRule(dir, "07-dossier-handling.drl", "");
            // {onSite} is a fact of a district's record, which this rule does not pass to award(...)
            RuleSafetyTests.replaceIn(dir.resolve("07-dossier-handling.drl"),
                    "\"Không có hồ sơ trễ hạn ({lateDossiers})\"", "\"Không có hồ sơ trễ hạn ({onSite})\"");

            RulesException e = catchThrowableOfType(RulesException.class,
                    () -> ScoringEngine.create().withRules(dir).evaluate(RuleSafetyTests.EXAMPLE));

            assertThat(e).as("the folder is refused when loaded or when scoring").isNotNull();
            assertThat(String.join("\n", e.messages())).contains("{onSite}").contains("not a fact");
        }
    }
}
