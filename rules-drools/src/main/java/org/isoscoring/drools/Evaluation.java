package org.isoscoring.drools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.api.RulesException;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.kie.api.runtime.KieSession;

/**
 * Scores one valid request with one guidance: splits the request into parts no rule crosses (a district with its
 * communes; batches of other agencies), and for each part, in a session of its own and on all cores for a large
 * request, inserts its facts, lets the rules derive everything, reads the derived facts back and checks that the
 * rules did their whole job (one award per sub-criterion, within its maximum; one total and rating per
 * assessment; ...). The parts' results are put together in request order.
 */
final class Evaluation {

    private static final int MAX_DEFECTS_SHOWN = 20;
    /** The assessments from which a request is scored on all cores. */
    private static final int PARALLEL_FROM = 2_000;
    /** Small parts are put together in sessions of up to this many assessments. */
    private static final int BATCH = 64;

    private final Guidance guidance;
    private final ScoringRequest request;

    private Evaluation(Guidance guidance, ScoringRequest request) {
        this.guidance = guidance;
        this.request = request;
    }

    static ScoringResult run(Guidance guidance, ScoringRequest request) {
        return new Evaluation(guidance, request).run();
    }

    private ScoringResult run() {
        List<Partition> partitions = partition();
        long deadline = System.nanoTime() + Budgets.maxTime().toNanos();
        int sheets = request.assessments().size();
        List<Outcome> outcomes = (parallel(sheets, partitions.size()) ? partitions.parallelStream()
                : partitions.stream()).map(p -> score(p, deadline)).toList();
        AssessmentResult[] results = new AssessmentResult[sheets];
        List<AgencyResult> agencies = new ArrayList<>(); // each in one part only: sorted once at the end
        Map<String, Map<String, GroupReport>> reports = new LinkedHashMap<>();
        guidance.info().vocabulary().groups().forEach(g -> reports.put(g.id(), new TreeMap<>()));
        List<String> defects = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            Assembly part = outcome.assembly();
            part.results().forEach((index, result) -> results[index] = result);
            agencies.addAll(part.agencies());
            part.reports().forEach(r -> reports.get(r.group()).put(r.agency() == null ? "" : r.agency(), r));
            defects.addAll(part.defects());
        }
        if (!defects.isEmpty()) {
            List<String> shown = new ArrayList<>(defects.subList(0, Math.min(defects.size(), MAX_DEFECTS_SHOWN)));
            if (defects.size() > MAX_DEFECTS_SHOWN) {
                shown.add("... and " + (defects.size() - MAX_DEFECTS_SHOWN) + " more");
            }
            throw RulesException.whileScoring(guidance.info().id(), shown);
        }
        Map<String, List<GroupReport>> groups = new LinkedHashMap<>();
        reports.forEach((group, byAgency) -> groups.put(group, List.copyOf(byAgency.values())));
        return new ScoringResult(guidance.info().id(), request.year(), guidance.rulesHash(),
                Arrays.asList(results), sorted(agencies), groups);
    }

    /** The agencies' results by id (the parts come in request order, each sorted: mostly a merge). */
    private static List<AgencyResult> sorted(List<AgencyResult> agencies) {
        agencies.sort(Comparator.comparing(AgencyResult::agency));
        return List.copyOf(agencies);
    }

    /**
     * The facts that can meet in a rule: an agency with the agencies that belong to it (a district with its communes)
     * and all their assessments, or one other agency with its assessments. Rules relate an assessment to the other
     * assessments of its agency, an agency to the one it belongs to and to its members, never two agencies that
     * belong to no common one; so each part is scored in a session of its own, and the parts can be scored at the
     * same time. A guidance that reports figures of the whole request scores it in one part.
     */
    private record Partition(List<BaseSheet> sheets, List<BaseUnit> units, List<Agency> agencies) {
    }

    /** What one session derived, checked and assembled into results, or why it failed. */
    private record Outcome(Assembly assembly, RulesException failure) {
    }

    /** Whether to score the parts on all cores: for requests big enough to repay it, unless switched off. */
    private static boolean parallel(int sheets, int partitions) {
        return partitions > 1 && sheets >= PARALLEL_FROM && !"false".equals(System.getProperty("isoscoring.parallel"));
    }

    /** Makes the engine's facts of the request and splits them into parts, both in request order. */
    private List<Partition> partition() {
        Vocabulary vocabulary = guidance.info().vocabulary();
        Types types = guidance.types();
        Map<String, Agency> agencies = new HashMap<>();
        Map<String, Integer> members = new HashMap<>();
        for (Agency a : request.agencies()) {
            agencies.put(a.id(), a);
            if (a.parent() != null) {
                members.merge(a.parent(), 1, Integer::sum);
            }
        }
        Map<String, Partition> parts = new LinkedHashMap<>();
        for (Agency a : request.agencies()) {
            BaseUnit unit = types.unit(a.id(), a.kind(), a.parent(), members.getOrDefault(a.id(), 0), a.record());
            if (unit != null) {
                part(parts, root(a, agencies)).units().add(unit);
            }
        }
        List<Assessment> assessments = request.assessments();
        for (int i = 0; i < assessments.size(); i++) {
            Assessment a = assessments.get(i);
            Agency agency = agencies.get(a.agency());
            BaseSheet sheet = types.sheet(i, a.agency(), agency.kind(), a.assessor(), agency.parent(), request.year(),
                    guidance.rank(a.assessor()), a.facts());
            part(parts, root(agency, agencies)).sheets().add(sheet);
        }
        for (Agency a : request.agencies()) {
            part(parts, root(a, agencies)).agencies().add(a);
        }
        if (vocabulary.groups().stream().anyMatch(g -> g.of() == null)) {
            Partition all = new Partition(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            parts.values().forEach(p -> {
                all.sheets().addAll(p.sheets());
                all.units().addAll(p.units());
                all.agencies().addAll(p.agencies());
            });
            return List.of(all);
        }
        return batch(parts.values());
    }

    /** The agency an agency belongs to at the top ({@code a} itself for one that belongs to none). */
    private static String root(Agency a, Map<String, Agency> agencies) {
        Agency top = a;
        for (int depth = 0; top.parent() != null && agencies.containsKey(top.parent()) && depth < 64; depth++) {
            top = agencies.get(top.parent());
        }
        return top.id();
    }

    private static Partition part(Map<String, Partition> parts, String key) {
        return parts.computeIfAbsent(key, k -> new Partition(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }

    /** Puts small neighbouring parts in one session (a session per department costs more than its rules). */
    private static List<Partition> batch(Collection<Partition> parts) {
        List<Partition> batches = new ArrayList<>();
        Partition open = null;
        for (Partition p : parts) {
            if (open == null || open.sheets().size() + p.sheets().size() > BATCH) {
                open = new Partition(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                batches.add(open);
            }
            open.sheets().addAll(p.sheets());
            open.units().addAll(p.units());
            open.agencies().addAll(p.agencies());
        }
        return batches;
    }

    /** Scores one part in a session of its own, within the firing budget and the call's deadline. */
    private Outcome score(Partition part, long deadline) {
        KieSession session = guidance.kieBase().newKieSession();
        try {
            session.insert(new Catalog(guidance.subCriteria().size()));
            part.units().forEach(session::insert);
            long budget = (long) Budgets.maxFiringsPerAssessment() * (part.sheets().size() + part.units().size() + 1);
            // the assessments go in, and the rules that match one assessment alone and only give settled awards
            // fire first, without the network (Direct): once per assessment they hold for, as they would in it, and
            // counted as its firings
            long direct = guidance.direct().insertAndFire(session, part.sheets());
            long fired = direct;
            Budgets budgets = new Budgets(session, deadline, budget / 2);
            fired += budgets.fire(budget - fired);
            if (guidance.tallies() && fired < budget && !budgets.outOfTime()) {
                // every rule that gives settled awards has fired (Settled): they enter as one Tally per assessment,
                // and the rules of subtotals, totals, ratings and districts go on from there
                part.sheets().forEach(sheet -> session.insert(Tally.of(sheet)));
                fired += budgets.fire(budget - fired);
            }
            if (fired >= budget || budgets.outOfTime()) {
                return new Outcome(null, RulesException.whileScoring(guidance.info().id(), List.of((budgets.outOfTime()
                        ? "the rules ran longer than " + Budgets.maxTime().toSeconds() + " s"
                        : "the rules fired " + fired + " times, more than the budget of "
                        + Budgets.maxFiringsPerAssessment() + " per assessment")
                        + " without finishing; scoring was stopped / quy tắc chạy vòng lặp, đã dừng. Most fired: "
                        + (budgets.busiest().isEmpty() ? "the " + direct + " firings of the rules on one assessment "
                        + "alone (decision 54)" : budgets.busiest()) + " — does a rule insert a fact that makes it, or "
                        + "another rule, fire again? (isoscoring.maxFiringsPerAssessment, isoscoring.maxSeconds)")));
            }
            return new Outcome(Assembly.of(guidance.subCriteria(), guidance.criterionIds(),
                    guidance.info().vocabulary(), part.sheets(), part.agencies(), session.getObjects()), null);
        } catch (RulesException e) {
            return new Outcome(null, e);
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(null, RulesException.whileScoring(guidance.info().id(), List.of("a rule failed while scoring / "
                    + "một quy tắc bị lỗi khi chấm: " + failure(e))));
        } finally {
            session.dispose();
        }
    }

    private static String failure(Throwable e) {
        String rule = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getRule() != null) {
                rule = "rule \"" + c.getRule().getName() + "\": ";
            } else if (t instanceof Direct.Failure f) {
                rule = "rule \"" + f.rule() + "\": ";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return rule + root.getClass().getSimpleName() + (root.getMessage() == null ? ""
                : ": " + Guidance.withoutBuild(root.getMessage()));
    }
}
