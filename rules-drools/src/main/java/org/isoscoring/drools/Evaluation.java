package org.isoscoring.drools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.DistrictReport;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.kie.api.runtime.KieSession;

/**
 * Scores one valid request with one guidance: inserts the request's facts into a new session, lets the rules
 * derive everything, then reads the derived facts back and checks that the rules did their whole job (one
 * award per sub-criterion, within its maximum; one total and rating per assessment; ...).
 */
final class Evaluation {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final int MAX_DEFECTS_SHOWN = 20;

    private final Guidance guidance;
    private final ScoringRequest request;
    private final List<String> defects = new ArrayList<>();

    private Evaluation(Guidance guidance, ScoringRequest request) {
        this.guidance = guidance;
        this.request = request;
    }

    static ScoringResult run(Guidance guidance, ScoringRequest request) {
        return new Evaluation(guidance, request).run();
    }

    private ScoringResult run() {
        List<Sheet> sheets = new ArrayList<>();
        List<District> districts = new ArrayList<>();
        Derived derived = new Derived();
        KieSession session = guidance.kieBase().newKieSession();
        try {
            fill(session, sheets, districts, derived);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof RulesException r) {
                throw r;
            }
            throw new RulesException(guidance.info().id(), List.of("a rule failed while scoring / một quy tắc bị lỗi "
                    + "khi chấm: " + failure(e)));
        } finally {
            session.dispose();
        }
        ScoringResult result = assemble(sheets, districts, derived);
        if (!defects.isEmpty()) {
            List<String> shown = new ArrayList<>(defects.subList(0, Math.min(defects.size(), MAX_DEFECTS_SHOWN)));
            if (defects.size() > MAX_DEFECTS_SHOWN) {
                shown.add("... and " + (defects.size() - MAX_DEFECTS_SHOWN) + " more");
            }
            throw new RulesException(guidance.info().id(), shown);
        }
        return result;
    }

    /** Inserts the request's facts, fires the rules within their budgets, and collects what they derived. */
    private void fill(KieSession session, List<Sheet> sheets, List<District> districts, Derived derived) {
        session.insert(new Catalog(guidance.info().subCriteria().size()));
        Map<String, Agency> agencies = new HashMap<>();
        Map<String, Integer> communes = new HashMap<>();
        for (Agency a : request.agencies()) {
            agencies.put(a.id(), a);
            if (a.kind() == AgencyKind.COMMUNE) {
                communes.merge(a.district(), 1, Integer::sum);
            }
        }
        for (Agency a : request.agencies()) {
            if (a.kind() == AgencyKind.DISTRICT) {
                var scoring = a.communeScoring();
                District d = new District(a.id(), communes.getOrDefault(a.id(), 0),
                        new HashSet<>(scoring.onSiteCommunes()).size(), scoring.resultsSentOn(),
                        scoring.resultsDeadline());
                districts.add(d);
                session.insert(d);
            }
        }
        List<Assessment> assessments = request.assessments();
        for (int i = 0; i < assessments.size(); i++) {
            Assessment a = assessments.get(i);
            Agency agency = agencies.get(a.agency());
            Sheet sheet = new Sheet(i, a.agency(), agency.kind(), a.assessor(), agency.district(), request.year(),
                    a.facts());
            sheets.add(sheet);
            session.insert(sheet);
        }
        long budget = (long) Budgets.maxFiringsPerAssessment() * (sheets.size() + districts.size() + 1);
        Budgets budgets = new Budgets(session);
        session.addEventListener(budgets);
        int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, budget));
        if (fired >= budget || budgets.outOfTime()) {
            throw new RulesException(guidance.info().id(), List.of((budgets.outOfTime()
                    ? "the rules ran longer than " + Budgets.maxTime().toSeconds() + " s"
                    : "the rules fired " + fired + " times, more than the budget of "
                    + Budgets.maxFiringsPerAssessment() + " per assessment")
                    + " without finishing; scoring was stopped / quy tắc chạy vòng lặp, đã dừng. Most fired: "
                    + budgets.busiest() + " — does a rule insert a fact that makes it, or another rule, fire "
                    + "again? (isoscoring.maxFiringsPerAssessment, isoscoring.maxSeconds)"));
        }
        for (Object o : session.getObjects()) {
            derived.add(o);
        }
    }

    /** The facts the rules derived, grouped. */
    private static final class Derived {
        final Map<Sheet, List<Award>> awards = new IdentityHashMap<>();
        final Map<Sheet, List<Subtotal>> subtotals = new IdentityHashMap<>();
        final Map<Sheet, List<Total>> totals = new IdentityHashMap<>();
        final Map<Sheet, List<Rated>> ratings = new IdentityHashMap<>();
        final Map<String, List<FinalResult>> finals = new HashMap<>();
        final Map<String, List<DistrictFigures>> figures = new HashMap<>();
        final Map<String, List<CommuneTally>> tallies = new HashMap<>();
        final Map<String, Set<String>> overScored = new HashMap<>();
        final Map<String, List<DistrictPenalty>> penalties = new HashMap<>();

        void add(Object o) {
            if (o instanceof Award a) {
                awards.computeIfAbsent(a.sheet(), k -> new ArrayList<>()).add(a);
            } else if (o instanceof Subtotal s) {
                subtotals.computeIfAbsent(s.sheet(), k -> new ArrayList<>()).add(s);
            } else if (o instanceof Total t) {
                totals.computeIfAbsent(t.sheet(), k -> new ArrayList<>()).add(t);
            } else if (o instanceof Rated r) {
                ratings.computeIfAbsent(r.sheet(), k -> new ArrayList<>()).add(r);
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

    private ScoringResult assemble(List<Sheet> sheets, List<District> districts, Derived derived) {
        List<Criterion> catalog = guidance.info().subCriteria();
        Set<String> known = catalog.stream().map(Criterion::id).collect(Collectors.toSet());
        List<AssessmentResult> results = new ArrayList<>();
        for (Sheet sheet : sheets) {
            String who = "assessments[" + sheet.index() + "] (" + sheet.getAssessor() + " assessment of " + sheet.getAgency()
                    + ")";
            Map<String, List<Award>> byCriterion = new HashMap<>();
            for (Award a : derived.awards.getOrDefault(sheet, List.of())) {
                if (!known.contains(a.criterion())) {
                    defects.add("rule \"" + a.rule() + "\" gives points to \"" + a.criterion()
                            + "\", which is not a sub-criterion of the catalog (check its @criterion)");
                }
                byCriterion.computeIfAbsent(a.criterion(), k -> new ArrayList<>()).add(a);
            }
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            List<Explanation> explanations = new ArrayList<>();
            for (Criterion sub : catalog) {
                List<Award> given = byCriterion.getOrDefault(sub.id(), List.of());
                if (given.isEmpty()) {
                    defects.add(who + ": tiêu chí " + sub.id() + " không được quy tắc nào cho điểm (các mức bị hở?) / "
                            + "sub-criterion " + sub.id() + " got no points: no rule matched its facts (a gap between "
                            + "bands?) — " + factsOf(sheet));
                    continue;
                }
                if (given.size() > 1) {
                    defects.add(who + ": tiêu chí " + sub.id() + " được " + given.size() + " quy tắc cho điểm (các mức "
                            + "chồng nhau?) / sub-criterion " + sub.id() + " got points from " + given.size() + " rules "
                            + "(overlapping bands?): " + given.stream().map(a -> "\"" + a.rule() + "\"").sorted()
                            .collect(Collectors.joining(", ")));
                    continue;
                }
                Award award = given.get(0);
                if (award.points().signum() < 0 || award.points().compareTo(sub.max()) > 0
                        || award.points().remainder(HALF).signum() != 0) {
                    defects.add("rule \"" + award.rule() + "\" gives " + award.points().toPlainString() + " points to "
                            + sub.id() + ", whose maximum is " + sub.max().toPlainString()
                            + " (points are multiples of 0.5 from 0 to the maximum)");
                }
                points.put(sub.id(), award.points());
                explanations.add(new Explanation(sub.id(), award.points(), sub.max(), award.rule(), award.reason(),
                        award.reasonEn(), award.facts()));
            }
            if (points.size() != catalog.size()) {
                continue; // the totals of a sheet with a missing or double award are not derived: one message is enough
            }
            Total total = one(derived.totals.get(sheet), who + ": total");
            Rated rated = one(derived.ratings.get(sheet), who + ": rating");
            Subtotal subtotal = one(derived.subtotals.get(sheet), who + ": subtotal");
            if (total == null || rated == null || subtotal == null) {
                continue;
            }
            results.add(new AssessmentResult(sheet.getAgency(), sheet.getAssessor(), points, subtotal.value(),
                    total.penalty(), total.value(), rated.rating(), explanations));
        }
        List<AgencyResult> agencies = new ArrayList<>();
        Set<String> assessed = new TreeSet<>();
        sheets.forEach(s -> assessed.add(s.getAgency()));
        for (String agency : assessed) {
            FinalResult f = one(derived.finals.get(agency), "agency " + agency + ": final result");
            if (f != null) {
                agencies.add(new AgencyResult(agency, f.sheet().getAssessor(), f.total(), f.rating()));
            }
        }
        List<DistrictReport> reports = new ArrayList<>();
        for (District d : districts.stream().sorted(Comparator.comparing(District::agency)).toList()) {
            String who = "district " + d.agency();
            DistrictFigures figures = one(derived.figures.get(d.agency()), who + ": sampling figures");
            CommuneTally tally = one(derived.tallies.get(d.agency()), who + ": communes at 80 or more");
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
        return new ScoringResult(guidance.info().id(), request.year(), guidance.rulesHash(), results, agencies,
                reports);
    }

    /** The facts of a sheet, for a message about a sub-criterion that got no points. */
    private static String factsOf(Sheet sheet) {
        return "facts: " + sheet.getFacts().byName().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String failure(Throwable e) {
        String rule = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getRule() != null) {
                rule = "rule \"" + c.getRule().getName() + "\": ";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return rule + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private <T> T one(List<T> found, String what) {
        if (found == null || found.isEmpty()) {
            defects.add(what + " was not derived by any rule");
            return null;
        }
        if (found.size() > 1) {
            defects.add(what + " was derived " + found.size() + " times: " + found);
            return null;
        }
        return found.get(0);
    }
}
