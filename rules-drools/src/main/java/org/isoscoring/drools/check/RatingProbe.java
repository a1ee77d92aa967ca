package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import org.isoscoring.rules.Rated;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.Facts;
import org.kie.api.runtime.KieSession;

/**
 * Checks what the compiler cannot see in the rating bands: every total from 0 to 100, in steps of 0.5, gets
 * exactly one rating — the bands cover 0–100 without gaps or overlaps.
 */
public final class RatingProbe {

    private RatingProbe() {
    }

    /**
     * Probes the rating bands of a compiled guidance for totals with no rating or more than one.
     *
     * @param guidance the compiled guidance
     * @param check what was checked before compiling the guidance's rules: where the rating rules are
     * @return a finding for the totals with no rating and one for the totals with several, in the rule file that
     *         rates; or one finding when the rules loop; empty when the bands cover 0–100 once
     */
    public static List<Finding> findings(Guidance guidance, GuidanceCheck check) {
        Map<BaseSheet, BigDecimal> probes = new IdentityHashMap<>();
        Map<BaseSheet, List<Rated>> ratings = new IdentityHashMap<>();
        var vocabulary = guidance.info().vocabulary();
        String kind = vocabulary.kinds().get(0).id();
        String assessor = vocabulary.assessors().stream().filter(a -> a.mayAssess(kind)).findFirst()
                .orElse(vocabulary.assessors().get(0)).id();
        Facts facts = vocabulary.example("worst").or(() -> vocabulary.example("perfect"))
                .map(e -> e.facts(2000)).orElse(Facts.none());
        KieSession session = guidance.kieBase().newKieSession();
        try {
            for (int half = 0; half <= 200; half++) {
                // probe sheets are never inserted, so no criterion rule sees them: only the Totals are
                BaseSheet sheet = guidance.types().sheet(-1, "probe", kind, assessor, null, 2000, 0, facts);
                BigDecimal total = BigDecimal.valueOf(half, 1).multiply(BigDecimal.valueOf(5));
                probes.put(sheet, total);
                session.insert(guidance.types().total(sheet, total, BigDecimal.ZERO));
            }
            Budgets budgets = new Budgets(session);
            int limit = 201 * 50;
            long fired = budgets.fire(limit);
            if (fired >= limit || budgets.outOfTime()) {
                String file = check.rules().stream().filter(r -> budgets.busiest().contains("\"" + r.descr().getName() + "\""))
                        .findFirst().map(r -> r.file() + ":" + r.descr().getLine() + ":" + (r.descr().getColumn() + 1))
                        .orElse(Descriptor.FILE + ":0:0");
                String[] at = file.split(":");
                return List.of(new Finding(at[0], Integer.parseInt(at[1]), Integer.parseInt(at[2]),
                        "các quy tắc chạy vòng lặp không dừng: " + fired + " lần chạy cho 201 tổng điểm; chạy nhiều nhất: "
                        + budgets.busiest() + " — có quy tắc nào chèn một dữ kiện làm chính nó, hoặc quy tắc khác, chạy "
                        + "lại?", "the rules loop: " + fired + " firings for 201 totals; "
                        + "most fired: " + budgets.busiest() + " — does a rule insert a fact that makes it, or another "
                        + "rule, fire again?"));
            }
            for (Object o : session.getObjects()) {
                if (o instanceof Rated r) {
                    ratings.computeIfAbsent(r.sheet(), k -> new ArrayList<>()).add(r);
                }
            }
        } finally {
            session.dispose();
        }
        String file = check.rules().stream().filter(r -> String.valueOf(r.descr().getConsequence()).contains("rate("))
                .map(GuidanceCheck.ParsedRule::file).findFirst().orElse(Descriptor.FILE);
        List<BigDecimal> gaps = new ArrayList<>();
        List<String> overlaps = new ArrayList<>();
        probes.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            List<Rated> got = ratings.getOrDefault(e.getKey(), List.of());
            if (got.isEmpty()) {
                gaps.add(e.getValue());
            } else if (got.size() > 1) {
                overlaps.add(GuidanceCheck.plain(e.getValue()) + " (" + got.stream()
                        .map(r -> r.rating() + " \"" + r.rule() + "\"").sorted().reduce((a, b) -> a + ", " + b).orElse("")
                        + ")");
            }
        });
        List<Finding> findings = new ArrayList<>();
        if (!gaps.isEmpty()) {
            findings.add(new Finding(file, 0, 0, "các mức xếp loại bỏ sót tổng điểm " + ranges(gaps)
                   , "the rating bands leave totals " + ranges(gaps) + " without a rating"));
        }
        if (!overlaps.isEmpty()) {
            findings.add(new Finding(file, 0, 0, "các mức xếp loại chồng nhau ở tổng điểm "
                    + overlaps.stream().map(o -> o.substring(0, o.indexOf(' '))).limit(5).collect(java.util.stream.Collectors.joining(", "))
                   , "the rating bands overlap at " + String.join("; ", overlaps.subList(0, Math.min(5, overlaps.size())))
                    + (overlaps.size() > 5 ? "; … (" + overlaps.size() + " totals)" : "")));
        }
        return findings;
    }

    private static String ranges(List<BigDecimal> values) {
        List<String> out = new ArrayList<>();
        BigDecimal start = null;
        BigDecimal previous = null;
        BigDecimal step = new BigDecimal("0.5");
        for (BigDecimal v : values) {
            if (start != null && v.subtract(previous).compareTo(step) == 0) {
                previous = v;
                continue;
            }
            if (start != null) {
                out.add(range(start, previous));
            }
            start = v;
            previous = v;
        }
        if (start != null) {
            out.add(range(start, previous));
        }
        return String.join(", ", out);
    }

    private static String range(BigDecimal from, BigDecimal to) {
        return from.compareTo(to) == 0 ? GuidanceCheck.plain(from) : GuidanceCheck.plain(from) + "–" + GuidanceCheck.plain(to);
    }
}
