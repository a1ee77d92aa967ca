package org.isoscoring.drools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.DistrictReport;
import org.isoscoring.api.Explanation;

/**
 * The results of one session, read back from the facts its rules derived, with a check that the rules did their
 * whole job: one award per sub-criterion within its maximum, one subtotal, total and rating per assessment, one
 * final result per agency, one set of figures and one tally per district, a penalty taken at most once.
 *
 * @param results  the results of the session's assessments, by their position in the request
 * @param agencies the final results of the session's agencies
 * @param reports  the reports of the session's districts
 * @param defects  what the rules failed to do; the results are only good when there is none
 */
record Assembly(Map<Integer, AssessmentResult> results, List<AgencyResult> agencies, List<DistrictReport> reports,
                List<String> defects) {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Assembles the results of {@code sheets} and {@code districts} from the facts of their session. */
    static Assembly of(List<Criterion> catalog, List<String> ids, List<Sheet> sheets, List<District> districts,
                       Collection<?> facts) {
        Derived derived = new Derived(sheets);
        for (Object o : facts) {
            derived.add(o);
        }
        List<String> defects = new ArrayList<>();
        Map<Integer, AssessmentResult> results = new HashMap<>(sheets.size() * 2);
        Map<String, Integer> positions = new HashMap<>(catalog.size() * 2);
        for (int i = 0; i < catalog.size(); i++) {
            positions.put(catalog.get(i).id(), i);
        }
        Map<String, Sheet> assessed = new TreeMap<>();
        for (Sheet sheet : sheets) {
            assessed.putIfAbsent(sheet.getAgency(), sheet);
            AssessmentResult result = result(catalog, ids, positions, sheet, derived.of(sheet), defects);
            if (result != null) {
                results.put(sheet.index(), result);
            }
        }
        List<AgencyResult> agencies = new ArrayList<>();
        for (String agency : assessed.keySet()) {
            FinalResult f = one(derived.finals.get(agency), () -> "agency " + agency + ": final result", defects);
            if (f != null) {
                agencies.add(new AgencyResult(agency, f.sheet().getAssessor(), f.total(), f.rating()));
            }
        }
        List<DistrictReport> reports = new ArrayList<>();
        for (District d : districts) {
            String who = "district " + d.agency();
            DistrictFigures figures = one(derived.figures.get(d.agency()), () -> who + ": sampling figures", defects);
            CommuneTally tally = one(derived.tallies.get(d.agency()), () -> who + ": communes at 80 or more",
                    defects);
            List<DistrictPenalty> penalties = derived.penalties.getOrDefault(d.agency(), List.of());
            if (penalties.size() > 1) {
                defects.add(who + ": penalised by " + penalties.size() + " rules; a penalty is taken once");
            }
            if (figures == null || tally == null) {
                continue;
            }
            BigDecimal penalty = penalties.isEmpty() ? BigDecimal.ZERO : penalties.get(0).points();
            reports.add(new DistrictReport(d.agency(), d.communes(), figures.onSiteRequired(), d.onSite(),
                    figures.provinceSampleSize(), figures.provinceAppraised(), tally.atLeast80(),
                    List.copyOf(derived.overScored.getOrDefault(d.agency(), new TreeSet<>())), penalty));
        }
        return new Assembly(results, agencies, reports, defects);
    }

    /** The result of one assessment, or {@code null} with defects. */
    private static AssessmentResult result(List<Criterion> catalog, List<String> ids, Map<String, Integer> positions,
                                           Sheet sheet, Found found, List<String> defects) {
        Award[] awards = sheet.settledByPosition(catalog.size()); // settled awards come in their place
        List<Award> doubled = null;
        List<Award> unplaced = found.awards; // the Award facts, and settled awards without a place of their own
        if (!sheet.settledElsewhere().isEmpty()) {
            unplaced = new ArrayList<>(unplaced);
            unplaced.addAll(sheet.settledElsewhere());
        }
        for (Award a : unplaced) {
            Integer position = positions.get(a.criterion());
            if (position == null) {
                defects.add("rule \"" + a.rule() + "\" gives points to \"" + a.criterion()
                        + "\", which is not a sub-criterion of the catalog (check its @criterion)");
            } else if (awards[position] == null) {
                awards[position] = a;
            } else {
                doubled = doubled == null ? new ArrayList<>() : doubled;
                doubled.add(a);
            }
        }
        boolean complete = true;
        for (int i = 0; i < catalog.size(); i++) {
            Criterion sub = catalog.get(i);
            Award award = awards[i];
            if (award == null) {
                defects.add(who(sheet) + ": tiêu chí " + sub.id() + " không được quy tắc nào cho điểm (các mức bị "
                        + "hở?) / sub-criterion " + sub.id() + " got no points: no rule matched its facts (a gap "
                        + "between bands?) — " + factsOf(sheet));
                complete = false;
                continue;
            }
            if (doubled != null && doubled.stream().anyMatch(a -> a.criterion().equals(sub.id()))) {
                List<Award> given = new ArrayList<>(List.of(award));
                doubled.stream().filter(a -> a.criterion().equals(sub.id())).forEach(given::add);
                defects.add(who(sheet) + ": tiêu chí " + sub.id() + " được " + given.size() + " quy tắc cho điểm (các "
                        + "mức chồng nhau?) / sub-criterion " + sub.id() + " got points from " + given.size()
                        + " rules (overlapping bands?): " + given.stream().map(a -> "\"" + a.rule() + "\"").sorted()
                        .collect(Collectors.joining(", ")));
                complete = false;
                continue;
            }
            if (award.points().signum() < 0 || award.points().compareTo(sub.max()) > 0
                    || award.points().scale() > 0 && award.points().remainder(HALF).signum() != 0) {
                defects.add("rule \"" + award.rule() + "\" gives " + award.points().toPlainString() + " points to "
                        + sub.id() + ", whose maximum is " + sub.max().toPlainString()
                        + " (points are multiples of 0.5 from 0 to the maximum)");
            }
        }
        if (!complete) {
            return null; // the totals of a sheet with a missing or double award are not derived: one message is enough
        }
        Total total = one(found.totals, () -> who(sheet) + ": total", defects);
        Rated rated = one(found.ratings, () -> who(sheet) + ": rating", defects);
        Subtotal subtotal = one(found.subtotals, () -> who(sheet) + ": subtotal", defects);
        if (total == null || rated == null || subtotal == null) {
            return null;
        }
        // the reasons are filled when an explanation is first read (Reason): most of the time of scoring otherwise
        List<Explanation> explanations = Explanation.madeOnRead(catalog.size(), i -> new Explanation(
                catalog.get(i).id(), awards[i].points(), catalog.get(i).max(), awards[i].rule(), awards[i].reason(),
                awards[i].reasonEn(), awards[i].facts()));
        BigDecimal[] points = new BigDecimal[awards.length];
        for (int i = 0; i < awards.length; i++) {
            points[i] = awards[i].points();
        }
        return new AssessmentResult(sheet.getAgency(), sheet.getAssessor(), AssessmentResult.pointsInOrder(ids, points),
                subtotal.value(), total.penalty(),
                total.value(), rated.rating(), explanations);
    }

    private static String who(Sheet sheet) {
        return "assessments[" + sheet.index() + "] (" + sheet.getAssessor() + " assessment of " + sheet.getAgency() + ")";
    }

    /** The facts of a sheet, for a message about a sub-criterion that got no points. */
    private static String factsOf(Sheet sheet) {
        return "facts: " + sheet.getFacts().byName().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static <T> T one(List<T> found, Supplier<String> what, List<String> defects) {
        if (found == null || found.isEmpty()) {
            defects.add(what.get() + " was not derived by any rule");
            return null;
        }
        if (found.size() > 1) {
            defects.add(what.get() + " was derived " + found.size() + " times: " + found);
            return null;
        }
        return found.get(0);
    }

    /** What the rules derived for one assessment. */
    private static final class Found {
        List<Award> awards = List.of(); // the Award facts: a district's 15.1 and 15.2, or all in an older folder
        final List<Subtotal> subtotals = new ArrayList<>(1);
        final List<Total> totals = new ArrayList<>(1);
        final List<Rated> ratings = new ArrayList<>(1);

        void add(Award award) {
            if (awards.isEmpty()) {
                awards = new ArrayList<>();
            }
            awards.add(award);
        }
    }

    /** The facts the rules derived, grouped by assessment, agency and district. */
    private static final class Derived {
        final Found[] found;
        final Map<String, List<FinalResult>> finals = new HashMap<>();
        final Map<String, List<DistrictFigures>> figures = new HashMap<>();
        final Map<String, List<CommuneTally>> tallies = new HashMap<>();
        final Map<String, Set<String>> overScored = new HashMap<>();
        final Map<String, List<DistrictPenalty>> penalties = new HashMap<>();

        Derived(List<Sheet> sheets) {
            found = new Found[sheets.size()];
            for (int i = 0; i < found.length; i++) {
                Sheet sheet = sheets.get(i);
                sheet.slot(i); // the session is over: no rule sees it
                found[i] = new Found();
            }
        }

        Found of(Sheet sheet) {
            return found[sheet.slot()];
        }

        void add(Object o) {
            if (o instanceof Award a) {
                of(a.sheet()).add(a);
            } else if (o instanceof Subtotal s) {
                of(s.sheet()).subtotals.add(s);
            } else if (o instanceof Total t) {
                of(t.sheet()).totals.add(t);
            } else if (o instanceof Rated r) {
                of(r.sheet()).ratings.add(r);
            } else if (o instanceof FinalResult f) {
                finals.computeIfAbsent(f.getAgency(), k -> new ArrayList<>()).add(f);
            } else if (o instanceof DistrictFigures f) {
                figures.computeIfAbsent(f.district(), k -> new ArrayList<>()).add(f);
            } else if (o instanceof CommuneTally t) {
                tallies.computeIfAbsent(t.district(), k -> new ArrayList<>()).add(t);
            } else if (o instanceof OverScored s) {
                overScored.computeIfAbsent(s.district(), k -> new TreeSet<>()).add(s.commune());
            } else if (o instanceof DistrictPenalty p) {
                penalties.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
            }
        }
    }
}
