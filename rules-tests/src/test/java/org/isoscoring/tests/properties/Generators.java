package org.isoscoring.tests.properties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Requests;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of whole, valid scoring requests for the guidance {@code bac-giang-2022}.
 *
 * <p>A generated province has 1-6 districts of 1-12 communes each, 0-4 departments and 0-2 public service units,
 * with {@code SELF}, {@code DISTRICT} (communes only) and {@code PROVINCE} assessments. Every commune is
 * assessed at least once; the province appraises a random subset of the communes.
 *
 * <p>The facts are not uniform noise: every assessment is first given a <em>plan</em>, one band (point value)
 * per sub-criterion, and the facts are then built to land in that band, preferably on its edges: a ratio
 * exactly on its threshold or one unit below the next one, zero denominators, plan dates on 31 March / 1 April
 * / 31 December / 1 January of the next year / the previous year, reports on the deadline, 15 and 16 days
 * late. A plan may be given an exact total, which is how the generator reaches the edges that depend on
 * totals: commune final totals of exactly 80 and 79.5 (districts where all / all but one / exactly 90% / 70%
 * of the communes reach 80), rating edges, and pairs of commune assessments whose district total is exactly
 * 10% above the province's, or half a point either side (both sides of the over-scoring penalty). Some
 * districts are built so their subtotal is at most 3 while a commune is over-scored (the penalty clamps the
 * total to 0).
 *
 * <p>Every number drawn comes from the QuickTheories randomness source, so a request is reproducible from the
 * seed and shrinks (fewer districts, fewer communes, simpler bands).
 */
public final class Generators {

    /** The assessed year: {@code bac-giang-2022} covers 2022 only. */
    public static final int YEAR = 2022;

    /** The kinds of agency (SCORING.md §2), for descriptions. */
    private static final List<String> KINDS = List.of("DEPARTMENT", "DISTRICT", "COMMUNE", "PUBLIC_SERVICE_UNIT");

    /** The assessors in the order a generated agency's assessments take (SCORING.md §2, lowest first). */
    private static final List<String> ASSESSORS = List.of("SELF", "DISTRICT", "PROVINCE");

    /** The values of a judgement fact. */
    private static final List<String> JUDGEMENTS = List.of("FULL", "PARTIAL", "NONE");

    /** A set of assessors, in the order of {@link #ASSESSORS} whatever the order given. */
    private static Set<String> assessors(String... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (String assessor : ASSESSORS) {
            if (Arrays.asList(ids).contains(assessor)) {
                set.add(assessor);
            }
        }
        return set;
    }

    /** The sub-criteria in catalog order, and the point values of their bands in half points (SCORING.md §3). */
    private static final Map<String, int[]> BANDS = new LinkedHashMap<>();

    /**
     * The same for {@code two-tier-2026-example} (SCORING-TWO-TIER-2026.md §3): 7.1 worth 8, the new 7.3, 14.2 a
     * judgement worth 2.
     */
    private static final Map<String, int[]> BANDS_TWO_TIER = new LinkedHashMap<>();

    static {
        band("1.1", 0, 2, 6);
        band("1.2", 0, 3, 6);
        band("1.3", 0, 2, 4);
        band("2.1", 0, 4, 8);
        band("2.2", 0, 2, 4);
        band("3.1", 0, 4);
        band("3.2", 0, 2, 4);
        band("3.3", 0, 2, 4);
        band("4.1", 0, 2, 4);
        band("4.2", 0, 4);
        band("4.3", 0, 2, 4);
        band("5.1", 0, 4, 8, 12);
        band("5.2", 0, 4, 8);
        band("5.3", 0, 2, 4);
        band("6.1", 0, 3, 6);
        band("6.2", 0, 3, 6);
        band("7.1", 0, 4, 10, 16, 20);
        band("7.2", 0, 2, 4);
        band("8.1", 0, 3, 6);
        band("8.2", 0, 2, 6, 10);
        band("9.1", 0, 5, 10);
        band("9.2", 0, 3, 6);
        band("10.1", 0, 8);
        band("10.2", 0, 2, 4);
        band("11.1", 0, 3, 6, 8);
        band("12.1", 0, 4, 8);
        band("13.1", 0, 2, 4);
        band("14.1", 0, 2, 4);
        band("14.2", 0, 4);
        band("15.1", 0, 5, 10);
        band("15.2", 0, 4, 6);
        BANDS.forEach((id, halves) -> {
            BANDS_TWO_TIER.put(id, halves);
            if (id.equals("7.2")) {
                BANDS_TWO_TIER.put("7.3", new int[] {0, 2, 4});
            }
        });
        BANDS_TWO_TIER.put("7.1", new int[] {0, 4, 8, 12, 16});
        BANDS_TWO_TIER.put("14.2", new int[] {0, 2, 4});
    }

    /** Plan items: sub-criteria whose bands are chosen together (an audit outside the year zeroes 9.2, 11.1). */
    private static final List<Item> ITEMS_ALL = items(BANDS, false);
    private static final List<Item> ITEMS_DISTRICT = items(BANDS, true);
    private static final List<Item> ITEMS_TWO_TIER = items(BANDS_TWO_TIER, false);

    private Generators() {
    }

    /** Whole valid requests. */
    public static Gen<ScoringRequest> requests() {
        Gen<ScoringRequest> gen = in -> new RequestMaker(new Draw(in)).make();
        return gen.describedAs(Generators::describe);
    }

    /**
     * A valid request, and a copy of it where agencies that have a {@code PROVINCE} assessment got a new
     * {@code SELF} assessment (or, if they had one, new {@code SELF} facts). The final results must not move.
     */
    public static Gen<Pair<ScoringRequest, ScoringRequest>> requestsWithExtraSelf() {
        Gen<Pair<ScoringRequest, ScoringRequest>> gen = in -> {
            Draw d = new Draw(in);
            ScoringRequest request = new RequestMaker(d).make();
            return Pair.of(request, withExtraSelf(request, d));
        };
        return gen.describedAs(p -> describe(p._1) + " / with SELF: " + describe(p._2));
    }

    /** Facts of an agency of the given kind, in random bands (no target total). */
    public static Gen<Facts> facts(String kind) {
        return in -> {
            Draw d = new Draw(in);
            return realize(plan(d, kind, -1), kind, d);
        };
    }

    /** A short description of a request, for failure reports. */
    public static String describe(ScoringRequest request) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (String kind : KINDS) {
            kinds.put(kind, 0);
        }
        request.agencies().forEach(a -> kinds.merge(a.kind(), 1, Integer::sum));
        return "request of " + request.agencies().size() + " agencies " + kinds + ", "
                + request.assessments().size() + " assessments";
    }

    // ----------------------------------------------------------------------------------------------------
    // Requests

    /** How the district's and the province's totals of one commune relate (SCORING.md §4). */
    private enum Relation {
        /** district total = 110% of the province's: exactly 10% above, not over-scored. */
        EXACT,
        /** half a point below 110%: not over-scored. */
        HALF_BELOW,
        /** half a point above 110%: over-scored. */
        HALF_ABOVE,
        /** the same total. */
        EQUAL,
        /** no relation planned. */
        FREE
    }

    private static final List<Set<String>> COMMUNE_ASSESSORS = List.of(
            assessors("DISTRICT", "PROVINCE"),
            assessors("SELF"),
            assessors("DISTRICT"),
            assessors("PROVINCE"),
            assessors("SELF", "DISTRICT"),
            assessors("SELF", "PROVINCE"),
            assessors("SELF", "DISTRICT", "PROVINCE"),
            assessors("DISTRICT", "PROVINCE"),
            assessors("SELF", "DISTRICT"));

    private static final List<Set<String>> OTHER_ASSESSORS = List.of(
            assessors("SELF"),
            assessors("PROVINCE"),
            assessors("SELF", "PROVINCE"),
            assessors("SELF", "PROVINCE"),
            assessors());

    /** Totals (half points) on and next to the rating edges, and the extremes. */
    private static final List<Integer> RATING_EDGES = List.of(180, 179, 160, 159, 140, 139, 100, 99, 200, 0, 2);

    private static final class RequestMaker {

        private final Draw d;
        private final List<Agency> agencies = new ArrayList<>();
        private final List<Assessment> assessments = new ArrayList<>();

        RequestMaker(Draw d) {
            this.d = d;
        }

        ScoringRequest make() {
            int districts = d.between(1, 6);
            for (int i = 1; i <= districts; i++) {
                district(String.format("HUYEN-%02d", i));
            }
            int departments = d.between(0, 4);
            for (int i = 1; i <= departments; i++) {
                other(Agency.of(String.format("SO-%02d", i), null, "DEPARTMENT"));
            }
            int units = d.between(0, 2);
            for (int i = 1; i <= units; i++) {
                other(Agency.of(String.format("DVSN-%02d", i), null, "PUBLIC_SERVICE_UNIT"));
            }
            List<Agency> agencyOrder = new ArrayList<>(agencies);
            List<Assessment> assessmentOrder = new ArrayList<>(assessments);
            if (d.percent(50)) {
                d.shuffle(agencyOrder);
            }
            if (d.percent(50)) {
                d.shuffle(assessmentOrder);
            }
            return new ScoringRequest(d.percent(80) ? "bac-giang-2022" : null, YEAR, agencyOrder, assessmentOrder);
        }

        private void other(Agency agency) {
            agencies.add(agency);
            for (String assessor : d.pick(OTHER_ASSESSORS)) {
                int target = d.percent(50) ? d.pick(RATING_EDGES) : -1;
                assessments.add(new Assessment(agency.id(), assessor,
                        realize(plan(d, agency.kind(), target), agency.kind(), d)));
            }
        }

        private void district(String id) {
            int n = d.pick(List.of(d.between(1, 12), 10, 3, 1, 12, 10));
            boolean clamp = d.percent(12);
            boolean clean = !clamp && d.percent(50);
            int k;
            if (clamp) {
                k = Math.max(0, Math.min(n - 1, ceilDiv(7 * n, 10) - 1));
            } else {
                int at90 = ceilDiv(9 * n, 10);
                int at70 = ceilDiv(7 * n, 10);
                k = d.pick(List.of(n, n - 1, at90, at90 - 1, at70, at70 - 1, d.between(0, n), n));
                k = Math.max(0, Math.min(n, k));
            }
            int offset = d.between(0, n - 1);
            List<String> communes = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                String commune = String.format("XA-%s-%02d", id.substring(6), c + 1);
                communes.add(commune);
                agencies.add(Agency.of(commune, null, "COMMUNE").within(id));
                boolean high = (c + offset) % n < k;
                Set<String> assessors;
                Relation relation;
                if (clamp && c == 0) {
                    assessors = assessors("DISTRICT", "PROVINCE");
                    relation = Relation.HALF_ABOVE;
                } else {
                    assessors = d.pick(COMMUNE_ASSESSORS);
                    relation = clean
                            ? d.pick(List.of(Relation.EXACT, Relation.HALF_BELOW, Relation.EQUAL, Relation.FREE))
                            : d.pick(List.of(Relation.EXACT, Relation.HALF_BELOW, Relation.HALF_ABOVE, Relation.FREE,
                            Relation.HALF_ABOVE));
                }
                commune(commune, high, assessors, relation, clean);
            }
            agencies.add(Agency.of(id, null, "DISTRICT").withRecord(communeScoring(communes, clamp)));
            Set<String> own = d.pick(List.of(assessors("PROVINCE"), assessors("SELF"),
                    assessors("SELF", "PROVINCE"), assessors()));
            if (clamp && own.isEmpty()) {
                own = assessors("PROVINCE");
            }
            String last = own.stream().reduce((a, b) -> b).orElse(null);
            for (String assessor : own) {
                int target = clamp && assessor.equals(last) ? d.pick(List.of(0, 2, 5, 6)) : -1;
                assessments.add(new Assessment(id, assessor,
                        realize(plan(d, "DISTRICT", target), "DISTRICT", d)));
            }
        }

        private Facts communeScoring(List<String> communes, boolean clamp) {
            int n = communes.size();
            LocalDate deadline = d.pick(List.of(date(11, 15), date(12, 1), date(12, 31)));
            if (clamp) {
                return Requests.communeScoring(List.of(), null, deadline);
            }
            int required = ceilDiv(n, 3);
            List<String> order = new ArrayList<>(communes);
            d.shuffle(order);
            int distinct = d.pick(List.of(required, required - 1, n, 0, d.between(0, n), required));
            distinct = Math.max(0, Math.min(n, distinct));
            List<String> onSite = new ArrayList<>(order.subList(0, distinct));
            if (distinct > 0 && d.percent(30)) {
                onSite.add(onSite.get(d.between(0, distinct - 1)));
            }
            LocalDate sent = d.pick(Arrays.asList(deadline, null, deadline.minusDays(1), deadline.plusDays(1),
                    deadline.minusDays(d.between(0, 30)), deadline.plusDays(d.between(1, 30))));
            return Requests.communeScoring(onSite, sent, deadline);
        }

        private void commune(String id, boolean high, Set<String> assessors, Relation relation, boolean clean) {
            boolean pair = assessors.contains("DISTRICT") && assessors.contains("PROVINCE");
            String fin = assessors.contains("PROVINCE") ? "PROVINCE"
                    : assessors.contains("DISTRICT") ? "DISTRICT" : "SELF";
            Map<String, Integer> targets = new LinkedHashMap<>();
            for (String a : assessors) {
                targets.put(a, d.percent(20) ? d.between(0, 200) : -1);
            }
            if (pair && relation != Relation.FREE) {
                // the province's total P is a multiple of 5 points, so 110% of it is a multiple of half a point
                int p = high ? d.pick(List.of(160, 170)) : d.pick(List.of(0, 100, 140, 150, 10 * d.between(0, 15)));
                int exact = p * 11 / 10;
                int dt = switch (relation) {
                    case EXACT -> exact;
                    case HALF_BELOW -> Math.max(0, exact - 1);
                    case HALF_ABOVE -> exact + 1;
                    default -> p;
                };
                targets.put("PROVINCE", p);
                targets.put("DISTRICT", dt);
            } else {
                int fixed = high
                        ? d.pick(List.of(160, 161, 162, 180, 200, d.between(160, 200)))
                        : d.pick(List.of(159, 158, 140, 139, 100, 99, 0, d.between(0, 159)));
                targets.put(fin, fixed);
                if (pair && clean) {
                    // keep the district at or below 110% of the province
                    targets.put("DISTRICT", Math.max(0, Math.min(200, fixed * 11 / 10 - 2 * d.between(0, 4))));
                }
            }
            for (String a : assessors) {
                assessments.add(new Assessment(id, a, realize(plan(d, "COMMUNE", targets.get(a)),
                        "COMMUNE", d)));
            }
        }
    }

    private static ScoringRequest withExtraSelf(ScoringRequest request, Draw d) {
        Map<String, String> kinds = new LinkedHashMap<>();
        request.agencies().forEach(a -> kinds.put(a.id(), a.kind()));
        List<Assessment> assessments = new ArrayList<>(request.assessments());
        List<String> withProvince = new ArrayList<>();
        for (Assessment a : assessments) {
            if ("PROVINCE".equals(a.assessor())) {
                withProvince.add(a.agency());
            }
        }
        for (String agency : withProvince) {
            if (!d.percent(60)) {
                continue;
            }
            String kind = kinds.get(agency);
            Facts facts = realize(plan(d, kind, -1), kind, d);
            int self = -1;
            for (int i = 0; i < assessments.size(); i++) {
                if (assessments.get(i).agency().equals(agency) && "SELF".equals(assessments.get(i).assessor())) {
                    self = i;
                }
            }
            Assessment added = new Assessment(agency, "SELF", facts);
            if (self >= 0) {
                assessments.set(self, added);
            } else {
                assessments.add(d.between(0, assessments.size()), added);
            }
        }
        return new ScoringRequest(request.guidance(), request.year(), request.agencies(), assessments);
    }

    // ----------------------------------------------------------------------------------------------------
    // Plans: one band per sub-criterion, optionally with an exact total

    /** Sub-criteria whose bands are chosen together, and the allowed combinations (half points). */
    private record Item(List<String> ids, List<int[]> combos) {

        int sum(int combo) {
            int s = 0;
            for (int v : combos.get(combo)) {
                s += v;
            }
            return s;
        }
    }

    private static void band(String id, int... halves) {
        BANDS.put(id, halves);
    }

    private static List<Item> items(Map<String, int[]> bands, boolean district) {
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, int[]> e : bands.entrySet()) {
            String id = e.getKey();
            if (id.equals("9.2") || id.equals("11.1") || id.equals("10.2")
                    || district && id.startsWith("15.")) {
                continue;
            }
            if (id.equals("9.1")) {
                List<int[]> combos = new ArrayList<>();
                combos.add(new int[] {0, 0, 0});
                for (int audit : new int[] {5, 10}) {
                    for (int report : bands.get("9.2")) {
                        for (int closed : bands.get("11.1")) {
                            combos.add(new int[] {audit, report, closed});
                        }
                    }
                }
                items.add(new Item(List.of("9.1", "9.2", "11.1"), combos));
            } else if (id.equals("10.1")) {
                List<int[]> combos = new ArrayList<>();
                combos.add(new int[] {0, 0});
                for (int outputs : bands.get("10.2")) {
                    combos.add(new int[] {8, outputs});
                }
                items.add(new Item(List.of("10.1", "10.2"), combos));
            } else {
                List<int[]> combos = new ArrayList<>();
                for (int v : e.getValue()) {
                    combos.add(new int[] {v});
                }
                items.add(new Item(List.of(id), combos));
            }
        }
        return List.copyOf(items);
    }

    /**
     * A plan: the band (half points) of every sub-criterion the facts decide. With {@code target >= 0} the plan
     * sums to exactly that many half points (or the nearest reachable sum above, then below).
     */
    static Map<String, Integer> plan(Draw d, String kind, int target) {
        return plan(d, "DISTRICT".equals(kind) ? ITEMS_DISTRICT : ITEMS_ALL, target);
    }

    /** A plan for {@code two-tier-2026-example} (the same catalog for every kind). */
    static Map<String, Integer> planTwoTier(Draw d, int target) {
        return plan(d, ITEMS_TWO_TIER, target);
    }

    private static Map<String, Integer> plan(Draw d, List<Item> items, int target) {
        int m = items.size();
        int[] choice = new int[m];
        for (int i = 0; i < m; i++) {
            Item item = items.get(i);
            if (item.ids().size() == 1) {
                choice[i] = d.between(0, item.combos().size() - 1);
            } else if (item.ids().get(0).equals("9.1")) {
                // the audit's band first, so "no audit in the year" is not rare: combo 0 is no audit,
                // 1-12 an audit worth 2.5, 13-24 an audit worth 5
                int audit = d.between(0, 2);
                choice[i] = audit == 0 ? 0 : audit == 1 ? d.between(1, 12) : d.between(13, 24);
            } else {
                // the review's band first: combo 0 is no review, 1-3 a review in the year
                choice[i] = d.percent(50) ? 0 : d.between(1, 3);
            }
        }
        if (target >= 0) {
            int[] order = new int[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            d.shuffle(order);
            int maxSum = 0;
            for (Item item : items) {
                int best = 0;
                for (int c = 0; c < item.combos().size(); c++) {
                    best = Math.max(best, item.sum(c));
                }
                maxSum += best;
            }
            boolean[][] reach = new boolean[m + 1][maxSum + 1];
            reach[m][0] = true;
            for (int j = m - 1; j >= 0; j--) {
                Item item = items.get(order[j]);
                for (int s = 0; s <= maxSum; s++) {
                    for (int c = 0; c < item.combos().size() && !reach[j][s]; c++) {
                        int v = item.sum(c);
                        reach[j][s] = v <= s && reach[j + 1][s - v];
                    }
                }
            }
            int sum = nearestReachable(reach[0], Math.min(target, maxSum));
            for (int j = 0; j < m; j++) {
                Item item = items.get(order[j]);
                int preferred = choice[order[j]];
                int v = item.sum(preferred);
                if (v > sum || !reach[j + 1][sum - v]) {
                    int size = item.combos().size();
                    int start = d.between(0, size - 1);
                    for (int k = 0; k < size; k++) {
                        int c = (start + k) % size;
                        int cv = item.sum(c);
                        if (cv <= sum && reach[j + 1][sum - cv]) {
                            preferred = c;
                            break;
                        }
                    }
                }
                choice[order[j]] = preferred;
                sum -= item.sum(preferred);
            }
            if (sum != 0) {
                throw new IllegalStateException("plan does not reach its target " + target);
            }
        }
        Map<String, Integer> plan = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            Item item = items.get(i);
            int[] combo = item.combos().get(choice[i]);
            for (int k = 0; k < combo.length; k++) {
                plan.put(item.ids().get(k), combo[k]);
            }
        }
        return plan;
    }

    private static int nearestReachable(boolean[] reach, int target) {
        for (int delta = 0; delta < reach.length; delta++) {
            if (target + delta < reach.length && reach[target + delta]) {
                return target + delta;
            }
            if (target - delta >= 0 && reach[target - delta]) {
                return target - delta;
            }
        }
        throw new IllegalStateException("no reachable total");
    }

    // ----------------------------------------------------------------------------------------------------
    // Facts: land in the planned band, preferably on its edges

    static Facts realize(Map<String, Integer> plan, String kind, Draw d) {
        return realize(plan, kind, d, YEAR, false);
    }

    /**
     * Facts that land in the planned bands, for {@code bac-giang-2022} or (with {@code twoTier}) for
     * {@code two-tier-2026-example}: there 7.1 is worth 8 (98/95/90/80% give 8/6/4/2), 7.3 rates the dossiers
     * received online (80/50%, none received: 2), 14.2 is the judgement {@code electronicIso}, and every kind
     * carries the facts of criterion 15.
     */
    static Facts realize(Map<String, Integer> plan, String kind, Draw d, int year, boolean twoTier) {
        Facts.Builder f = Facts.builder();
        // 1
        f.set("isoTeam", switch (plan.get("1.1")) {
            case 6 -> "CURRENT";
            case 2 -> "OUTDATED";
            default -> "MISSING";
        });
        f.set("annualPlanIssuedOn", switch (plan.get("1.2")) {
            case 6 -> d.pick(List.of(date(year, 3, 31), date(year, 1, 1), LocalDate.of(year - 1, 12, 31),
                    LocalDate.of(year - 1, 6, 15), d.day(date(year, 1, 1), date(year, 3, 31))));
            case 3 -> d.pick(List.of(date(year, 4, 1), date(year, 12, 31),
                    d.day(date(year, 4, 1), date(year, 12, 31))));
            default -> d.pick(Arrays.asList(null, LocalDate.of(year + 1, 1, 1),
                    d.day(LocalDate.of(year + 1, 1, 1), LocalDate.of(year + 1, 12, 31)), null));
        });
        f.set("leaderInvolvement", judgement(plan.get("1.3"), 2));
        // 2
        int[] trained = ratio(d, band(plan.get("2.1"), 101, 8, 90, 4, 70), 1, 3000, 0, 0, -1);
        f.set("staffTrained", trained[0]).set("staffTotal", trained[1]);
        f.set("internalAuditors", count(d, plan.get("2.2")));
        // 3
        f.set("qualityPolicyPublished", plan.get("3.1") > 0);
        f.set("objectivesSmart", judgement(plan.get("3.2"), 2));
        f.set("objectiveReviews", count(d, plan.get("3.3")));
        // 4
        f.set("contextDetermined", judgement(plan.get("4.1"), 2));
        f.set("riskRegisterUpdated", plan.get("4.2") > 0);
        f.set("riskActionsEvaluated", judgement(plan.get("4.3"), 2));
        // 5 (and the processes 9.1 compares with)
        int p51 = plan.get("5.1");
        int p53 = plan.get("5.3");
        int p91 = plan.get("9.1");
        boolean zeroAllowed = p91 != 5 && (p51 == 12 && p53 == 4 || p51 == 0 && p53 == 0);
        int scope;
        int withProcess;
        int matching;
        if (zeroAllowed && d.percent(35)) {
            withProcess = 0;
            matching = 0;
            scope = p51 == 12 ? 0 : d.pick(List.of(1, 100, d.between(1, 300)));
        } else {
            int minWithProcess = p53 == 2 ? 10 : 1;
            int[] process = ratio(d, p51 == 12 ? full() : band(p51, 100, 8, 90, 4, 80), 1, 5000, minWithProcess, 0, -1);
            withProcess = process[0];
            scope = process[1];
            matching = ratio(d, p53 == 4 ? full() : band(p53, 100, 2, 90), withProcess, withProcess, 0, 0, -1)[0];
        }
        f.set("proceduresInScope", scope).set("proceduresWithProcess", withProcess)
                .set("processesMatchingOneStop", matching);
        int p52 = plan.get("5.2");
        if (p52 == 8 && d.percent(40)) {
            f.set("procedureChanges", 0).set("changesUpdatedWithin30Days", 0);
        } else {
            int[] changes = ratio(d, p52 == 8 ? full() : band(p52, 100, 4, 80), 1, 500, 0, 0, -1);
            f.set("changesUpdatedWithin30Days", changes[0]).set("procedureChanges", changes[1]);
        }
        // 6
        f.set("documentControl", judgement(plan.get("6.1"), 3));
        f.set("recordsAccessible", judgement(plan.get("6.2"), 3));
        // 7
        int p71 = plan.get("7.1");
        int p72 = plan.get("7.2");
        int resolved;
        int onTime;
        int max71 = twoTier ? 16 : 20;
        if (p71 == max71 && p72 == 4 && d.percent(30)) {
            resolved = 0;
            onTime = 0;
        } else {
            int minLate = p72 == 4 ? 0 : p72 == 2 ? 2 : 1;
            int[] dossiers = ratio(d, twoTier ? band(p71, 101, 16, 98, 12, 95, 8, 90, 4, 80)
                            : band(p71, 101, 20, 98, 16, 95, 10, 90, 4, 80),
                    1, 100_000, 0, minLate, -1);
            onTime = dossiers[0];
            resolved = dossiers[1];
        }
        int late = resolved - onTime;
        int apology = late == 0 ? 0 : ratio(d, p72 == 4 ? full() : band(p72, 100, 2, 50), late, late, 0, 0, -1)[0];
        f.set("dossiersResolved", resolved).set("dossiersOnTime", onTime).set("lateDossiersWithApology", apology);
        if (twoTier) {
            int p73 = plan.get("7.3");
            if (p73 == 4 && d.percent(35)) {
                f.set("dossiersReceived", 0).set("dossiersReceivedOnline", 0);
            } else {
                int[] online = ratio(d, band(p73, 101, 4, 80, 2, 50), 1, 100_000, 0, 0, -1);
                f.set("dossiersReceivedOnline", online[0]).set("dossiersReceived", online[1]);
            }
        }
        // 8
        int p81 = plan.get("8.1");
        int p82 = plan.get("8.2");
        int surveyLow = p81 == 6 ? 30 : p81 == 3 ? 10 : 0;
        int surveyHigh = p81 == 6 ? 2000 : p81 == 3 ? 29 : 9;
        int surveyEdge = d.pick(List.of(surveyLow, surveyHigh == 2000 ? 31 : surveyHigh, d.between(surveyLow,
                Math.min(surveyHigh, 300))));
        if (p82 == 0 && surveyLow == 0 && d.percent(40)) {
            f.set("surveyResponses", 0).set("satisfiedResponses", 0);
        } else {
            int[] survey = ratio(d, band(p82, 101, 10, 90, 6, 80, 2, 70), Math.max(1, surveyLow), surveyHigh, 0, 0,
                    surveyEdge);
            f.set("satisfiedResponses", survey[0]).set("surveyResponses", survey[1]);
        }
        // 9 and 11
        boolean audit = p91 > 0;
        f.set("internalAuditDate", audit ? inYear(d, year) : outOfYear(d, year));
        if (p91 == 10) {
            f.set("processesAudited", d.pick(List.of(withProcess, withProcess + 1, withProcess + d.between(0, 50))));
        } else if (p91 == 5) {
            f.set("processesAudited", d.pick(List.of(withProcess - 1, 0, d.between(0, withProcess - 1))));
        } else {
            f.set("processesAudited", d.between(0, withProcess + 5));
        }
        f.set("auditReport", audit ? judgement(plan.get("9.2"), 3) : d.pick(JUDGEMENTS));
        int p111 = plan.get("11.1");
        if (!audit) {
            int found = d.between(0, 20);
            f.set("nonconformitiesFound", found).set("nonconformitiesClosed", d.between(0, found));
        } else if (p111 == 8 && d.percent(40)) {
            f.set("nonconformitiesFound", 0).set("nonconformitiesClosed", 0);
        } else {
            int[] nc = ratio(d, p111 == 8 ? full() : band(p111, 100, 6, 80, 3, 50), 1, 500, 0, 0, -1);
            f.set("nonconformitiesClosed", nc[0]).set("nonconformitiesFound", nc[1]);
        }
        // 10
        boolean review = plan.get("10.1") > 0;
        f.set("managementReviewDate", review ? inYear(d, year) : outOfYear(d, year));
        f.set("reviewOutputs", review ? judgement(plan.get("10.2"), 2) : d.pick(JUDGEMENTS));
        // 12
        f.set("declaration", switch (plan.get("12.1")) {
            case 8 -> "CURRENT";
            case 4 -> "OUTDATED";
            default -> "NONE";
        });
        // 13
        LocalDate deadline = d.pick(List.of(date(year, 12, 1), date(year, 12, 15), date(year, 12, 31),
                date(year, 11, 30),
                LocalDate.of(year + 1, 1, 15)));
        f.set("reportDeadline", deadline);
        f.set("reportSubmittedOn", switch (plan.get("13.1")) {
            case 4 -> deadline.minusDays(d.pick(List.of(0, 0, 1, d.between(0, 60))));
            case 2 -> deadline.plusDays(d.pick(List.of(1, 15, d.between(1, 15))));
            default -> d.pick(Arrays.asList(null, deadline.plusDays(16), deadline.plusDays(d.between(16, 100))));
        });
        // 14
        f.set("improvementInitiatives", count(d, plan.get("14.1")));
        if (twoTier) {
            f.set("electronicIso", judgement(plan.get("14.2"), 2));
        } else {
            f.set("electronicDocuments", plan.get("14.2") > 0);
        }
        // 15, for every kind but a district
        if (!"DISTRICT".equals(kind)) {
            f.set("publicDisclosure", judgement(plan.get("15.1"), 5));
            int p152 = plan.get("15.2");
            if (p152 == 6 && d.percent(40)) {
                f.set("feedbackReceived", 0).set("feedbackResolved", 0);
            } else {
                int[] feedback = ratio(d, p152 == 6 ? full() : band(p152, 100, 4, 80), 1, 500, 0, 0, -1);
                f.set("feedbackResolved", feedback[0]).set("feedbackReceived", feedback[1]);
            }
        }
        return f.build();
    }

    /** The band [100%, 100%]. */
    private static int[] full() {
        return new int[] {100, 101};
    }

    /**
     * The percent band {@code [lo, hi)} of a ratio for a planned value: {@code steps} are pairs (value, lower
     * threshold) from the highest value down, {@code top} is the upper end of the first pair's band (101 when
     * it includes 100%, 100 when a separate "= 100%" band is above it); the value 0 is
     * {@code [0, lowest threshold)}.
     */
    private static int[] band(int value, int top, int... steps) {
        int upper = top;
        for (int i = 0; i < steps.length; i += 2) {
            if (steps[i] == value) {
                return new int[] {steps[i + 1], upper};
            }
            upper = steps[i + 1];
        }
        return new int[] {0, upper};
    }

    /**
     * A ratio {@code a/b} in the percent band {@code [band[0], band[1])} (exact, in integers), with
     * {@code bMin <= b <= bMax}, {@code a >= aMin} and {@code b - a >= gap}. It prefers edges: {@code a} on the
     * lower threshold (exactly on it when {@code b} is a multiple of 100) or one below the upper threshold.
     */
    private static int[] ratio(Draw d, int[] band, int bMin, int bMax, int aMin, int gap, int preferredB) {
        int lo = band[0];
        int hi = band[1];
        List<Integer> candidates = new ArrayList<>();
        if (preferredB >= bMin && preferredB <= bMax) {
            candidates.add(preferredB);
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            candidates.add(switch (d.between(0, 3)) {
                case 0 -> 100 * d.between(1, 5);
                case 1 -> 10 * d.between(1, 30);
                case 2 -> d.between(bMin, Math.max(bMin, Math.min(bMax, 3000)));
                default -> d.between(bMin, Math.max(bMin, Math.min(bMax, 40)));
            });
        }
        for (int b : candidates) {
            int[] ab = inBand(d, lo, hi, b, bMin, bMax, aMin, gap);
            if (ab != null) {
                return ab;
            }
        }
        for (int b = bMin; b <= Math.min(bMax, bMin + 100_000); b++) {
            int[] ab = inBand(d, lo, hi, b, bMin, bMax, aMin, gap);
            if (ab != null) {
                return ab;
            }
        }
        throw new IllegalStateException("no ratio in [" + lo + "%, " + hi + "%) with " + bMin + " <= b <= " + bMax);
    }

    private static int[] inBand(Draw d, int lo, int hi, int b, int bMin, int bMax, int aMin, int gap) {
        if (b < bMin || b > bMax || b < 1) {
            return null;
        }
        long low = Math.max(ceilDiv((long) lo * b, 100), aMin);
        long high = Math.min(Math.min(ceilDiv((long) hi * b, 100) - 1, b - gap), b);
        if (low > high) {
            return null;
        }
        int a = switch (d.between(0, 2)) {
            case 0 -> (int) low;
            case 1 -> (int) high;
            default -> d.between((int) low, (int) high);
        };
        return new int[] {a, b};
    }

    private static String judgement(int halves, int max) {
        return halves == 0 ? "NONE" : halves == 2 * max ? "FULL" : "PARTIAL";
    }

    /** A count worth 2 points from 2, 1 point at 1, 0 at 0 (2.2, 3.3, 14.1). */
    private static int count(Draw d, int halves) {
        return halves == 4 ? d.pick(List.of(2, 3, d.between(2, 30))) : halves == 2 ? 1 : 0;
    }

    private static LocalDate inYear(Draw d, int year) {
        return d.pick(List.of(date(year, 1, 1), date(year, 12, 31), d.day(date(year, 1, 1), date(year, 12, 31))));
    }

    private static LocalDate outOfYear(Draw d, int year) {
        return d.pick(Arrays.asList(null, LocalDate.of(year - 1, 12, 31), LocalDate.of(year + 1, 1, 1),
                d.day(LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31)), null));
    }

    private static LocalDate date(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Draws from the QuickTheories randomness source, so every choice is reproducible and shrinks. */
    public static class Draw {

        private final RandomnessSource in;

        public Draw(RandomnessSource in) {
            this.in = in;
        }

        public int between(int lo, int hi) {
            return lo >= hi ? lo : Generate.range(lo, hi).generate(in);
        }

        public boolean percent(int p) {
            return between(1, 100) <= p;
        }

        public <T> T pick(List<T> items) {
            return items.get(between(0, items.size() - 1));
        }

        public LocalDate day(LocalDate from, LocalDate to) {
            return LocalDate.ofEpochDay(from.toEpochDay() + between(0, (int) (to.toEpochDay() - from.toEpochDay())));
        }

        public <T> void shuffle(List<T> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = between(0, i);
                T t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
        }

        public void shuffle(int[] array) {
            for (int i = array.length - 1; i > 0; i--) {
                int j = between(0, i);
                int t = array[i];
                array[i] = array[j];
                array[j] = t;
            }
        }
    }
}
