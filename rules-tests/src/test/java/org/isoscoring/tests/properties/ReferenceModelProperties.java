package org.isoscoring.tests.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.RequestChecks;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.tests.reference.ReferenceScorer;
import org.isoscoring.tests.reference.TwoTierReferenceScorer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each bundled guidance's engine against its reference model over the requests of {@link GuidanceGenerators}, made
 * from the declarations only: a second source of requests for the differential tests of {@link ScoringProperties}
 * and {@link TwoTierProperties}, whose generators aim at the bands. These requests are shaped differently (facts
 * from the examples {@code perfect} and {@code worst} with a few changed, dates and counts drawn on their own, a
 * district's record drawn field by field, SELF and DISTRICT assessments in any combination), so they reach corners
 * the band-aimed generators do not.
 */
@DisplayName("The engine against the reference models, on requests from the declarations (QuickTheories)")
final class ReferenceModelProperties {

    private static final ScoringEngine ENGINE = ScoringEngine.create();

    @Nested
    @DisplayName("bac-giang-2022 against ReferenceScorer")
    final class BacGiang2022 {
        @Test
        @DisplayName("given requests generated from the declarations of bac-giang-2022, then the engine's result "
                + "equals the reference model's, figure by figure")
        void engineAgreesWithReference() {
            agree("BacGiang2022", ENGINE.guidanceFor("bac-giang-2022", 2022), ReferenceScorer::score);
        }
    }

    @Nested
    @DisplayName("two-tier-2026-example against TwoTierReferenceScorer")
    final class TwoTier2026 {
        @Test
        @DisplayName("given requests generated from the declarations of two-tier-2026-example, then the engine's "
                + "result equals the reference model's, figure by figure")
        void engineAgreesWithReference() {
            agree("TwoTier2026", ENGINE.guidanceFor("two-tier-2026-example", 2026), TwoTierReferenceScorer::score);
        }
    }

    private static void agree(String nested, GuidanceInfo guidance, Function<ScoringRequest, ScoringResult> model) {
        Consumer<ScoringRequest> check = request -> {
            assertThat(RequestChecks.problems(request, guidance)).as("the generated request is valid").isEmpty();
            ScoringResult engine = ENGINE.evaluate(request);
            ScoringResult reference = model.apply(request);
            List<String> differences = Theories.differences(request, Theories.figures(engine, false),
                    Theories.figures(reference, false));
            if (!differences.isEmpty()) {
                throw new AssertionError(guidance.id() + ": engine (first value) and reference model (second) "
                        + "differ:\n" + String.join("\n", differences));
            }
        };
        Theories.theory(ReferenceModelProperties.class.getSimpleName() + "$" + nested + "#engineAgreesWithReference",
                Theories.EXAMPLES, check).forAll(GuidanceGenerators.requests(guidance)).checkAssert(check);
    }
}
