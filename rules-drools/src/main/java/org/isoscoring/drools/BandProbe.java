package org.isoscoring.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.isoscoring.api.AgencyKind;
import org.isoscoring.api.Assessor;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Declaration;
import org.isoscoring.api.Facts;
import org.isoscoring.api.IsoTeam;
import org.isoscoring.api.Judgement;
import org.kie.api.runtime.KieSession;

/**
 * What {@code check} does beyond compiling: scores a few thousand assessments whose facts sweep every ratio in
 * steps of 0.5%, every day around the year's dates, small counts and every enum value, and reports each value for
 * which a sub-criterion gets no award (a gap between bands) or more than one (an overlap).
 */
final class BandProbe {

    private static final int YEAR = 2000;

    private BandProbe() {
    }

    /** One probe: a description of what was varied, and the facts. */
    private record Probe(String what, Facts facts) {
    }

    static List<Finding> findings(Guidance guidance, GuidanceCheck check) {
        int year = guidance.info().years().isEmpty() ? YEAR : guidance.info().years().get(0);
        List<Probe> probes = probes(year);
        Map<Sheet, Probe> sheets = new LinkedHashMap<>();
        Map<Sheet, Map<String, List<Award>>> awards = new IdentityHashMap<>();
        KieSession session = guidance.kieBase().newKieSession();
        try {
            session.insert(new Catalog(guidance.subCriteria().size()));
            for (Probe p : probes) {
                sheets.put(new Sheet(-1, "probe", AgencyKind.DEPARTMENT, Assessor.PROVINCE, null, year, p.facts()), p);
            }
            guidance.direct().insertAndFire(session, new ArrayList<>(sheets.keySet()));
            new Budgets(session).fire((long) Budgets.maxFiringsPerAssessment() * (probes.size() + 1));
            List<Award> all = new ArrayList<>();
            sheets.keySet().forEach(sheet -> all.addAll(sheet.given())); // settled awards are kept on the sheet
            for (Object o : session.getObjects()) {
                if (o instanceof Award a) {
                    all.add(a);
                }
            }
            for (Award a : all) {
                awards.computeIfAbsent(a.sheet(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(a.criterion(), k -> new ArrayList<>()).add(a);
            }
        } catch (RuntimeException | LinkageError e) {
            return List.of(new Finding("", 0, 0, "một quy tắc bị lỗi khi chạy thử / a rule failed on probe facts: " + e));
        } finally {
            session.dispose();
        }
        Map<String, List<String>> gaps = new LinkedHashMap<>();
        Map<String, List<String>> overlaps = new LinkedHashMap<>();
        for (var e : sheets.entrySet()) {
            Map<String, List<Award>> byCriterion = awards.getOrDefault(e.getKey(), Map.of());
            for (Criterion sub : guidance.subCriteria()) {
                List<Award> given = byCriterion.getOrDefault(sub.id(), List.of());
                if (given.isEmpty()) {
                    gaps.computeIfAbsent(sub.id(), k -> new ArrayList<>()).add(e.getValue().what());
                } else if (given.size() > 1) {
                    overlaps.computeIfAbsent(sub.id() + ": " + given.stream().map(a -> "\"" + a.rule() + "\"").sorted()
                            .reduce((a, b) -> a + ", " + b).orElse(""), k -> new ArrayList<>()).add(e.getValue().what());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        gaps.forEach((id, values) -> findings.add(at(check, id, "tiêu chí " + id + ": không quy tắc nào cho điểm, các mức "
                + "bị hở / sub-criterion " + id + ": no rule gives points, a gap between bands, when " + list(values))));
        overlaps.forEach((key, values) -> {
            String id = key.substring(0, key.indexOf(':'));
            findings.add(at(check, id, "tiêu chí " + id + ": nhiều quy tắc cùng cho điểm, các mức chồng nhau / "
                    + "sub-criterion " + id + ": several rules give points, overlapping bands, when " + list(values)
                    + " — rules" + key.substring(key.indexOf(':') + 1)));
        });
        return findings;
    }

    private static String list(List<String> values) {
        return values.size() <= 3 ? String.join("; ", values)
                : values.get(0) + " … " + values.get(values.size() - 1) + " (" + values.size() + " giá trị / values)";
    }

    private static Finding at(GuidanceCheck check, String criterion, String message) {
        return check.rules().stream().filter(r -> criterion.equals(r.criterion())).findFirst()
                .map(r -> new Finding(r.file(), r.descr().getLine(), r.descr().getColumn() + 1, message))
                .orElse(new Finding(Descriptor.FILE, 0, 0, message));
    }

    private static List<Probe> probes(int year) {
        Facts base = BaseFacts.allMet(year);
        List<Probe> probes = new ArrayList<>();
        ratio(probes, base, "staffTrained/staffTotal", (b, p, w) -> b.staffTrained(p).staffTotal(Math.max(w, 1)));
        ratio(probes, base, "proceduresWithProcess/proceduresInScope", (b, p, w) -> b.proceduresWithProcess(p)
                .proceduresInScope(w).processesMatchingOneStop(p).processesAudited(p));
        ratio(probes, base, "changesUpdatedWithin30Days/procedureChanges",
                (b, p, w) -> b.changesUpdatedWithin30Days(p).procedureChanges(w));
        ratio(probes, base, "processesMatchingOneStop/proceduresWithProcess",
                (b, p, w) -> b.processesMatchingOneStop(p).proceduresWithProcess(w).proceduresInScope(w).processesAudited(w));
        ratio(probes, base, "dossiersOnTime/dossiersResolved",
                (b, p, w) -> b.dossiersOnTime(p).dossiersResolved(w).lateDossiersWithApology(w - p));
        ratio(probes, base, "lateDossiersWithApology/late",
                (b, p, w) -> b.dossiersResolved(w).dossiersOnTime(0).lateDossiersWithApology(p));
        ratio(probes, base, "satisfiedResponses/surveyResponses", (b, p, w) -> b.satisfiedResponses(p).surveyResponses(w));
        ratio(probes, base, "nonconformitiesClosed/nonconformitiesFound",
                (b, p, w) -> b.nonconformitiesClosed(p).nonconformitiesFound(w));
        ratio(probes, base, "feedbackResolved/feedbackReceived", (b, p, w) -> b.feedbackResolved(p).feedbackReceived(w));
        for (int n = 0; n <= 40; n++) {
            int k = n;
            add(probes, base, "internalAuditors=" + k, b -> b.internalAuditors(k));
            add(probes, base, "objectiveReviews=" + k, b -> b.objectiveReviews(k));
            add(probes, base, "improvementInitiatives=" + k, b -> b.improvementInitiatives(k));
            add(probes, base, "surveyResponses=" + k, b -> b.surveyResponses(k).satisfiedResponses(k));
            add(probes, base, "processesAudited=" + k + " of 20 processes", b -> b.processesAudited(k)
                    .proceduresWithProcess(20).proceduresInScope(20).processesMatchingOneStop(20));
        }
        for (LocalDate d = LocalDate.of(year - 1, 12, 25); !d.isAfter(LocalDate.of(year + 1, 1, 7)); d = d.plusDays(1)) {
            LocalDate day = d;
            add(probes, base, "annualPlanIssuedOn=" + day, b -> b.annualPlanIssuedOn(day));
            add(probes, base, "internalAuditDate=" + day, b -> b.internalAuditDate(day));
            add(probes, base, "managementReviewDate=" + day, b -> b.managementReviewDate(day));
        }
        LocalDate deadline = base.reportDeadline();
        for (int late = -40; late <= 60; late++) {
            LocalDate day = deadline.plusDays(late);
            add(probes, base, "reportSubmittedOn=" + day + " (deadline " + deadline + ")", b -> b.reportSubmittedOn(day));
        }
        for (LocalDate none : new LocalDate[] {null}) {
            add(probes, base, "annualPlanIssuedOn=null", b -> b.annualPlanIssuedOn(none));
            add(probes, base, "internalAuditDate=null", b -> b.internalAuditDate(none));
            add(probes, base, "managementReviewDate=null", b -> b.managementReviewDate(none));
            add(probes, base, "reportSubmittedOn=null", b -> b.reportSubmittedOn(none));
        }
        for (Judgement j : Judgement.values()) {
            add(probes, base, "every judgement " + j, b -> b.leaderInvolvement(j).objectivesSmart(j).contextDetermined(j)
                    .riskActionsEvaluated(j).documentControl(j).recordsAccessible(j).auditReport(j).reviewOutputs(j)
                    .publicDisclosure(j));
            add(probes, base, "every judgement " + j + ", no audit or review in the year", b -> b.leaderInvolvement(j)
                    .auditReport(j).reviewOutputs(j).internalAuditDate(null).managementReviewDate(null));
        }
        for (IsoTeam t : IsoTeam.values()) {
            add(probes, base, "isoTeam=" + t, b -> b.isoTeam(t));
        }
        for (Declaration d : Declaration.values()) {
            add(probes, base, "declaration=" + d, b -> b.declaration(d));
        }
        for (boolean flag : new boolean[] {true, false}) {
            add(probes, base, "qualityPolicyPublished/riskRegisterUpdated/electronicDocuments=" + flag,
                    b -> b.qualityPolicyPublished(flag).riskRegisterUpdated(flag).electronicDocuments(flag));
        }
        add(probes, BaseFacts.noneMet(year), "the facts that meet no criterion", b -> b);
        return probes;
    }

    /** Sets a part and its whole. */
    private interface PartWhole {
        Facts.Builder set(Facts.Builder b, int part, int whole);
    }

    private static void ratio(List<Probe> probes, Facts base, String name, PartWhole set) {
        add(probes, base, name + " = 0/0", b -> set.set(b, 0, 0));
        add(probes, base, name + " = 1/1", b -> set.set(b, 1, 1));
        add(probes, base, name + " = 0/1", b -> set.set(b, 0, 1));
        for (int part = 0; part <= 200; part++) {
            int p = part;
            add(probes, base, name + " = " + p + "/200", b -> set.set(b, p, 200));
        }
    }

    private static void add(List<Probe> probes, Facts base, String what, UnaryOperator<Facts.Builder> change) {
        probes.add(new Probe(what, change.apply(base.toBuilder()).build()));
    }
}
