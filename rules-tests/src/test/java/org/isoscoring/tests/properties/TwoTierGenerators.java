package org.isoscoring.tests.properties;

import java.util.ArrayList;
import java.util.List;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.properties.Generators.Draw;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of whole, valid requests for {@code two-tier-2026-example}, boundary-heavy on what differs
 * from {@code bac-giang-2022} (SCORING-TWO-TIER-2026.md).
 *
 * <p>A generated province of 2026 or 2027 has 0-25 communes (often 5, 10 or 6, so that the 20% sample is a whole
 * number, or not), 0-5 departments and 0-3 public service units, each with {@code SELF} and/or {@code PROVINCE}
 * assessments (every commune at least one; the province appraises the sample, one fewer, or more). Facts come from a
 * per-sub-criterion plan ({@link Generators#planTwoTier}, {@link Generators#realize}: the technique of the 2022
 * generators, with 7.1 at 98/95/90/80% worth 8/6/4/2, 7.3 at 80/50% and none received, 14.2 a judgement), landing on
 * or next to each threshold. Plans can be given an exact subtotal, which is how the generator reaches the edges that
 * depend on subtotals, for agencies of every kind:
 * <ul>
 *     <li>a SELF subtotal exactly 110% of the PROVINCE one (not over-scored), half a point above (over-scored), half a
 *     point below;</li>
 *     <li>a PROVINCE subtotal of 0 with a positive SELF one; a PROVINCE subtotal below 3 with the penalty (the total
 *     clamps to 0);</li>
 *     <li>final totals on the rating edges 90, 89.5, 75, 74.5, 50, 49.5, with and without the penalty, and commune
 *     final totals of 80 and 79.5.</li>
 * </ul>
 * Every number is drawn from the QuickTheories source: a seed replays a request, and a failure shrinks.
 */
public final class TwoTierGenerators {

    /** The guidance these requests are for. */
    public static final String GUIDANCE = "two-tier-2026-example";

    /** The rating edges of the final totals (half points), and the extremes. */
    private static final List<Integer> RATING_EDGES = List.of(180, 179, 150, 149, 100, 99, 160, 159, 200, 0, 1);

    /** How an agency's SELF and PROVINCE subtotals relate (§4). */
    private enum Relation {
        /** SELF = 110% of PROVINCE: exactly 10% above, not over-scored. */
        EXACT,
        /** half a point above 110%: over-scored. */
        HALF_ABOVE,
        /** half a point below 110%: not over-scored. */
        HALF_BELOW,
        /** PROVINCE 0, SELF positive: over-scored. */
        PROVINCE_ZERO,
        /** PROVINCE below 3 (or exactly 3), over-scored: the total clamps to 0. */
        CLAMP,
        /** over-scored, with the penalised final total on a rating edge. */
        PENALISED_EDGE,
        /** no relation planned. */
        FREE
    }

    private TwoTierGenerators() {
    }

    /** Whole valid requests for {@code two-tier-2026-example}. */
    public static Gen<ScoringRequest> requests() {
        Gen<ScoringRequest> gen = in -> new Maker(new Draw(in)).make();
        return gen.describedAs(Theories::describe);
    }

    private static final class Maker {

        private final Draw d;
        private final int year;
        private final List<Agency> agencies = new ArrayList<>();
        private final List<Assessment> assessments = new ArrayList<>();

        Maker(Draw d) {
            this.d = d;
            this.year = d.pick(List.of(2026, 2027));
        }

        ScoringRequest make() {
            int communes = d.pick(List.of(d.between(1, 25), 5, 10, 6, 1, 4, d.between(0, 12)));
            int departments = d.between(0, 5);
            int units = d.between(0, 3);
            if (communes + departments + units == 0) {
                communes = 1;
            }
            int sample = Math.max(1, (20 * communes + 99) / 100);
            int appraised = Math.max(0, Math.min(communes, d.pick(List.of(sample, sample - 1, sample + 1, communes,
                    d.between(0, communes), sample))));
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < communes; c++) {
                order.add(c);
            }
            d.shuffle(order);
            for (int c = 0; c < communes; c++) {
                boolean byProvince = order.indexOf(c) < appraised;
                agency(Agency.of(String.format("XA-%03d", c + 1), null, "COMMUNE"), byProvince, true);
            }
            for (int i = 1; i <= departments; i++) {
                agency(Agency.of(String.format("SO-%02d", i), null, "DEPARTMENT"), d.percent(85), false);
            }
            for (int i = 1; i <= units; i++) {
                agency(Agency.of(String.format("DVSN-%02d", i), null, "PUBLIC_SERVICE_UNIT"), d.percent(85),
                        false);
            }
            List<Agency> agencyOrder = new ArrayList<>(agencies);
            List<Assessment> assessmentOrder = new ArrayList<>(assessments);
            if (d.percent(50)) {
                d.shuffle(agencyOrder);
            }
            if (d.percent(50)) {
                d.shuffle(assessmentOrder);
            }
            return new ScoringRequest(d.percent(80) ? GUIDANCE : null, year, agencyOrder, assessmentOrder);
        }

        /** An agency and its assessments: with the province's, mostly a SELF one too, in a planned relation. */
        private void agency(Agency agency, boolean byProvince, boolean mustBeAssessed) {
            agencies.add(agency);
            boolean bySelf = byProvince ? d.percent(80) : mustBeAssessed || d.percent(85);
            if (byProvince && bySelf) {
                int[] pair = pair(d.pick(List.of(Relation.EXACT, Relation.HALF_ABOVE, Relation.HALF_BELOW,
                        Relation.PROVINCE_ZERO, Relation.CLAMP, Relation.PENALISED_EDGE, Relation.FREE,
                        Relation.HALF_ABOVE, Relation.EXACT)));
                add(agency, "SELF", pair[0]);
                add(agency, "PROVINCE", pair[1]);
            } else {
                if (bySelf) {
                    add(agency, "SELF", d.percent(50) ? d.pick(RATING_EDGES) : -1);
                }
                if (byProvince) {
                    add(agency, "PROVINCE", d.percent(50) ? d.pick(RATING_EDGES) : -1);
                }
            }
        }

        /** Targets (half points, -1 for none) of the SELF and the PROVINCE subtotal. */
        private int[] pair(Relation relation) {
            switch (relation) {
                case EXACT, HALF_BELOW -> {
                    // 110% of a multiple of 5 points is a whole number of half points
                    int province = 10 * d.pick(List.of(d.between(1, 18), 15, 18, 10, 16, 9));
                    int self = province * 11 / 10 - (relation == Relation.HALF_BELOW ? 1 : 0);
                    return new int[] {self, province};
                }
                case HALF_ABOVE -> {
                    int province = d.pick(List.of(10 * d.between(1, 18), d.between(1, 181), 156, 155, 106, 105, 166));
                    int self = Math.min(200, 11 * province / 10 + 1);
                    return new int[] {self, province};
                }
                case PROVINCE_ZERO -> {
                    return new int[] {d.pick(List.of(1, d.between(1, 200), 200)), 0};
                }
                case CLAMP -> {
                    int province = d.between(1, 6);
                    return new int[] {d.pick(List.of(11 * province / 10 + 1, d.between(8, 200))), province};
                }
                case PENALISED_EDGE -> {
                    // the final total = province - 6 half points lands on a rating edge
                    int province = d.pick(List.of(186, 185, 156, 155, 106, 105, 166, 165));
                    int self = Math.min(200, 11 * province / 10 + 1 + d.pick(List.of(0, 0, d.between(0, 10))));
                    if (100L * self <= 110L * province) {
                        // 186 and 185 half points cannot be exceeded by 10% within 100 points: take 181
                        province = 181 - (province - 185);
                        self = 200;
                    }
                    return new int[] {self, province};
                }
                default -> {
                    return new int[] {d.percent(30) ? d.between(0, 200) : -1, d.percent(30) ? d.between(0, 200) : -1};
                }
            }
        }

        private void add(Agency agency, String assessor, int target) {
            Facts facts = Generators.realize(Generators.planTwoTier(d, target), agency.kind(), d, year, true);
            assessments.add(new Assessment(agency.id(), assessor, facts));
        }
    }
}
