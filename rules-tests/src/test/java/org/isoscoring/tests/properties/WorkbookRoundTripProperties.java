package org.isoscoring.tests.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.xlsx.Workbooks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A request, written as its guidance's data-entry workbook and read back, is the same request: for any request made
 * from the guidance's declarations ({@link GuidanceGenerators}: boundary counts, dates, nulls, every choice, every
 * kind), in either language. The form always names its guidance, so a request that names none comes back naming the
 * one that scores it.
 *
 * <p>Each property prints its seed; replay one with {@code -Dtest='WorkbookRoundTripProperties*' -DQT_SEED=...}.
 */
@DisplayName("Properties of the workbook round trip (QuickTheories)")
final class WorkbookRoundTripProperties {

    private static final ScoringEngine ENGINE = ScoringEngine.create();

    @Nested
    @DisplayName("bac-giang-2022")
    final class BacGiang2022 extends OfGuidance {
        BacGiang2022() {
            super("bac-giang-2022");
        }
    }

    @Nested
    @DisplayName("two-tier-2026-example")
    final class TwoTier2026 extends OfGuidance {
        TwoTier2026() {
            super("two-tier-2026-example");
        }
    }

    abstract static class OfGuidance {
        private final GuidanceInfo guidance;

        OfGuidance(String id) {
            guidance = ENGINE.guidances().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
        }

        private void roundTrip(String property, boolean english) {
            String test = WorkbookRoundTripProperties.class.getSimpleName() + "$" + getClass().getSimpleName() + "#"
                    + property;
            Consumer<ScoringRequest> same = request -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Workbooks.writeForm(guidance, request, null, english, out);
                ScoringRequest read = Workbooks.readRequest(new ByteArrayInputStream(out.toByteArray()), ENGINE);
                assertThat(read).isEqualTo(new ScoringRequest(guidance.id(), request.year(), request.agencies(),
                        request.assessments()));
            };
            Theories.theory(test, Math.max(20, Theories.EXAMPLES / 3), same)
                    .forAll(GuidanceGenerators.requests(guidance)).checkAssert(same);
        }

        @Test
        @DisplayName("given any request of the guidance, when its Vietnamese form is read back, then it is the same request")
        void vietnamese() {
            roundTrip("vietnamese", false);
        }

        @Test
        @DisplayName("given any request of the guidance, when its English form is read back, then it is the same request")
        void english() {
            roundTrip("english", true);
        }
    }
}
