package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Facts;
import org.isoscoring.api.Vocabulary;
import org.kie.api.runtime.KieSession;

/**
 * What {@code check} does beyond compiling: scores a few thousand assessments whose facts sweep every ratio in
 * steps of 0.5%, every day around the year's dates, small counts and every enum value, and reports each value for
 * which a sub-criterion gets no award (a gap between bands) or more than one (an overlap).
 */
public final class BandProbe {

    private static final int YEAR = 2000;

    private BandProbe() {
    }

    /** One probe: a description of what was varied, and the facts. */
    private record Probe(String what, Facts facts) {
    }

    /**
     * Probes every band of every sub-criterion of a compiled guidance for gaps and overlaps.
     *
     * @param guidance the compiled guidance; its {@code facts.json} gives the {@code "perfect"} example probed from
     * @param check what was checked before compiling the guidance's rules: where each sub-criterion's rule is
     * @return a finding for each sub-criterion with a gap and each overlap, at the sub-criterion's first rule; or one
     *         finding when the {@code "perfect"} example is missing or a rule fails on probe facts; empty when every
     *         band is sound
     */
    public static List<Finding> findings(Guidance guidance, GuidanceCheck check) {
        int year = guidance.info().years().isEmpty() ? YEAR : guidance.info().years().get(0);
        Vocabulary vocabulary = guidance.info().vocabulary();
        Facts base = vocabulary.example("perfect").map(e -> e.facts(year)).orElse(null);
        Facts worst = vocabulary.example("worst").map(e -> e.facts(year)).orElse(base);
        if (base == null) {
            return List.of(new Finding(Descriptor.FACTS, 0, 0, "facts.json không có ví dụ \"perfect\" để chạy thử các "
                    + "mức điểm", "facts.json has no example \"perfect\" to probe the bands with"));
        }
        List<Probe> probes = probes(vocabulary, base, worst, year);
        Map<BaseSheet, Probe> sheets = new LinkedHashMap<>();
        Map<BaseSheet, Map<String, List<Award>>> awards = new IdentityHashMap<>();
        KieSession session = guidance.kieBase().newKieSession();
        try {
            session.insert(new Catalog(guidance.subCriteria().size()));
            for (Vocabulary.Kind kind : probedKinds(vocabulary)) {
                Vocabulary.Assessor assessor = vocabulary.assessors().stream().filter(a -> a.mayAssess(kind.id()))
                        .max(java.util.Comparator.comparingInt(a -> guidance.rank(a.id()))).orElseThrow();
                Set<String> carried = new java.util.HashSet<>();
                vocabulary.factsOf(kind.id()).forEach(f -> carried.add(f.name()));
                for (Probe p : probes) {
                    Facts.Builder facts = p.facts().toBuilder();
                    p.facts().names().stream().filter(n -> !carried.contains(n)).forEach(facts::remove);
                    sheets.put(guidance.types().sheet(-1, "probe", kind.id(), assessor.id(), null, year,
                            guidance.rank(assessor.id()), facts.build()), probedAs(p, kind, vocabulary));
                }
            }
            guidance.direct().insertAndFire(session, new ArrayList<>(sheets.keySet()));
            new Budgets(session).fire((long) Budgets.maxFiringsPerAssessment() * (sheets.size() + 1));
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
            String detail = Guidance.withoutBuild(String.valueOf(e));
            return List.of(new Finding("", 0, 0, "một quy tắc bị lỗi khi chạy thử: " + detail,
                    "a rule failed on probe facts: " + detail));
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
                + "bị hở, khi " + list(values, false), "sub-criterion " + id + ": no rule gives points, a gap between "
                + "bands, when " + list(values, true))));
        overlaps.forEach((key, values) -> {
            String id = key.substring(0, key.indexOf(':'));
            String rules = key.substring(key.indexOf(':') + 1);
            findings.add(at(check, id, "tiêu chí " + id + ": nhiều quy tắc cùng cho điểm, các mức chồng nhau, khi "
                    + list(values, false) + " — các quy tắc" + rules, "sub-criterion " + id + ": several rules give "
                    + "points, overlapping bands, when " + list(values, true) + " — rules" + rules));
        });
        return findings;
    }

    private static String list(List<String> values, boolean english) {
        return values.size() <= 3 ? String.join("; ", values) : values.get(0) + " … " + values.get(values.size() - 1)
                + " (" + values.size() + (english ? " values)" : " giá trị)");
    }

    private static Finding at(GuidanceCheck check, String criterion, String vi, String en) {
        return check.rules().stream().filter(r -> criterion.equals(r.criterion())).findFirst()
                .map(r -> new Finding(r.file(), r.descr().getLine(), r.descr().getColumn() + 1, vi, en))
                .orElse(new Finding(Descriptor.FILE, 0, 0, vi, en));
    }

    /**
     * The kinds whose assessments are probed: one of each set of facts, among the kinds that have no members (a
     * district's criterion 15 needs its communes, which no probe has).
     */
    private static List<Vocabulary.Kind> probedKinds(Vocabulary vocabulary) {
        List<Vocabulary.Kind> kinds = new ArrayList<>();
        Set<List<Vocabulary.Fact>> seen = new java.util.HashSet<>();
        for (Vocabulary.Kind k : vocabulary.kinds()) {
            if (k.members() == null && vocabulary.membersOf(k.id()).isEmpty() && seen.add(vocabulary.factsOf(k.id()))) {
                kinds.add(k);
            }
        }
        return kinds.isEmpty() ? List.of(vocabulary.kinds().get(0)) : kinds;
    }

    /** The probe, saying its kind when the guidance probes more than one. */
    private static Probe probedAs(Probe p, Vocabulary.Kind kind, Vocabulary vocabulary) {
        return probedKinds(vocabulary).size() > 1 ? new Probe(kind.id() + ": " + p.what(), p.facts()) : p;
    }

    /**
     * Facts near every edge of every band the declarations allow: each ratio from 0/0 to 200/200, each count from 0
     * to 40, each date from late December before the year to early January after it and null, each choice and
     * boolean, each date of a days-between measure 40 days before to 60 days after the other; every probe starts from
     * the facts that meet every criterion and keeps each part within its whole.
     */
    private static List<Probe> probes(Vocabulary v, Facts base, Facts worst, int year) {
        List<Probe> probes = new ArrayList<>();
        for (Vocabulary.Measure m : v.measures()) {
            if (m.computation() == Vocabulary.Computation.RATIO && m.of().size() == 2) {
                ratio(probes, v, base, m);
            }
        }
        for (Vocabulary.Fact f : v.facts()) {
            switch (f.type()) {
                case COUNT -> {
                    for (int n = 0; n <= 40; n++) {
                        int k = n;
                        add(probes, v, base, f.name() + "=" + k, b -> b.set(f.name(), k));
                    }
                }
                case DATE -> {
                    for (LocalDate d = LocalDate.of(year - 1, 12, 25); !d.isAfter(LocalDate.of(year + 1, 1, 7));
                         d = d.plusDays(1)) {
                        LocalDate day = d;
                        add(probes, v, base, f.name() + "=" + day, b -> b.set(f.name(), day));
                    }
                    if (f.nullable()) {
                        add(probes, v, base, f.name() + "=null", b -> b.set(f.name(), null));
                    }
                }
                case CHOICE -> {
                    for (String value : f.choice().ids()) {
                        add(probes, v, base, f.name() + "=" + value, b -> b.set(f.name(), value));
                        for (Vocabulary.Fact date : v.facts()) {
                            if (date.type() == Vocabulary.Type.DATE && date.nullable()) {
                                add(probes, v, base, f.name() + "=" + value + ", " + date.name() + "=null",
                                        b -> b.set(f.name(), value).set(date.name(), null));
                            }
                        }
                    }
                }
                case BOOLEAN -> {
                    for (boolean flag : new boolean[] {true, false}) {
                        add(probes, v, base, f.name() + "=" + flag, b -> b.set(f.name(), flag));
                    }
                }
                default -> {
                }
            }
        }
        for (Vocabulary.Choice c : v.choices()) {
            for (String value : c.ids()) {
                add(probes, v, base, "every " + c.name() + " " + value, b -> {
                    v.facts().stream().filter(f -> f.choice() == c).forEach(f -> b.set(f.name(), value));
                    return b;
                });
            }
        }
        for (Vocabulary.Measure m : v.measures()) {
            if (m.computation() == Vocabulary.Computation.DAYS_BETWEEN && base.get(m.of().get(0)) instanceof LocalDate from) {
                for (int late = -40; late <= 60; late++) {
                    LocalDate day = from.plusDays(late);
                    add(probes, v, base, m.of().get(1) + "=" + day + " (" + m.of().get(0) + " " + from + ")",
                            b -> b.set(m.of().get(1), day));
                }
            }
        }
        add(probes, v, worst, "the facts that meet no criterion", b -> b);
        return probes;
    }

    private static void ratio(List<Probe> probes, Vocabulary v, Facts base, Vocabulary.Measure m) {
        String name = m.of().get(0) + "/" + m.of().get(1);
        int[][] pairs = new int[204][];
        pairs[0] = new int[] {0, 0};
        pairs[1] = new int[] {1, 1};
        pairs[2] = new int[] {0, 1};
        for (int part = 0; part <= 200; part++) {
            pairs[3 + part] = new int[] {part, 200};
        }
        for (int[] pair : pairs) {
            add(probes, v, base, name + " = " + pair[0] + "/" + pair[1], b -> {
                whole(v, b, m.of().get(1), pair[1]);
                set(v, b, m.of().get(0), pair[0]);
                return b;
            });
        }
    }

    /** Sets a count, or the first fact of a difference to it and the second to 0. */
    private static void set(Vocabulary v, Facts.Builder b, String name, int value) {
        Vocabulary.Measure m = v.measure(name).orElse(null);
        if (m != null && m.computation() == Vocabulary.Computation.DIFFERENCE) {
            b.set(m.of().get(0), value).set(m.of().get(1), 0);
        } else if (v.fact(name).isPresent()) {
            b.set(name, value);
        }
    }

    /** Sets a whole, at least its least value. */
    private static void whole(Vocabulary v, Facts.Builder b, String name, int value) {
        int least = v.fact(name).map(f -> f.min() == null ? 0 : f.min().intValue()).orElse(0);
        set(v, b, name, Math.max(value, least));
    }

    /** Lowers each part to its whole, so that a probe stays a request the checks accept. */
    private static Facts repaired(Vocabulary v, Facts facts) {
        Facts.Builder b = facts.toBuilder();
        for (int pass = 0; pass < 4; pass++) {
            Facts now = b.build();
            boolean changed = false;
            for (Vocabulary.Fact f : v.facts()) {
                if (f.partOf() == null || !(now.get(f.name()) instanceof Integer part)) {
                    continue;
                }
                Integer whole = wholeOf(v, now, f.partOf());
                if (whole != null && part > whole) {
                    b.set(f.name(), Math.max(whole, 0));
                    now = b.build();
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return b.build();
    }

    private static Integer wholeOf(Vocabulary v, Facts facts, String name) {
        Vocabulary.Measure m = v.measure(name).orElse(null);
        if (m != null && m.computation() == Vocabulary.Computation.DIFFERENCE
                && facts.get(m.of().get(0)) instanceof Integer a && facts.get(m.of().get(1)) instanceof Integer c) {
            return a - c;
        }
        return facts.get(name) instanceof Integer whole ? whole : null;
    }

    private static void add(List<Probe> probes, Vocabulary v, Facts base, String what,
                            UnaryOperator<Facts.Builder> change) {
        probes.add(new Probe(what, repaired(v, change.apply(base.toBuilder()).build())));
    }
}
