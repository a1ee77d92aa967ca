package org.isoscoring.drools;

import org.isoscoring.rules.Penalty;
import org.isoscoring.rules.Subtotal;
import org.isoscoring.rules.Rated;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.api.spi.ResultParts;

/**
 * The results of one session, read back from the facts its rules derived, with a check that the rules did their
 * whole job: one award per sub-criterion within its maximum, one subtotal, total and rating per assessment, one
 * final result per agency, one report of each group the guidance declares with every figure it declares, a penalty
 * taken at most once.
 *
 * @param results  the results of the session's assessments, by their position in the request
 * @param agencies the final results of the session's agencies
 * @param reports  the reports of the session's groups
 * @param defects  what the rules failed to do; the results are only good when there is none
 */
record Assembly(Map<Integer, AssessmentResult> results, List<AgencyResult> agencies, List<GroupReport> reports,
                List<String> defects) {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Assembles the results of {@code sheets} and of the groups of {@code members} from the facts of their session. */
    static Assembly of(List<Criterion> catalog, List<String> ids, Vocabulary vocabulary, List<BaseSheet> sheets,
                       List<Agency> members, Collection<?> facts) {
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
        Map<String, BaseSheet> assessed = new TreeMap<>();
        for (BaseSheet sheet : sheets) {
            assessed.putIfAbsent(sheet.getAgency(), sheet);
            AssessmentResult result = result(catalog, ids, positions, sheet, derived.of(sheet), defects);
            if (result != null) {
                results.put(sheet.index(), result);
            }
        }
        List<AgencyResult> agencies = new ArrayList<>();
        for (String agency : assessed.keySet()) {
            BaseFinalResult f = one(derived.finals.get(agency), () -> "agency " + agency + ": final result", defects);
            if (f != null) {
                agencies.add(new AgencyResult(agency, f.getSheet().assessorId(), f.getTotal(), f.getRating().name()));
            }
        }
        derived.penalties.forEach((agency, penalties) -> {
            if (penalties.size() > 1) {
                defects.add("agency " + agency + ": penalised by " + penalties.size() + " rules; a penalty is taken "
                        + "once");
            }
        });
        List<GroupReport> reports = new ArrayList<>();
        for (Vocabulary.Group group : vocabulary.groups()) {
            List<String> of = new ArrayList<>();
            if (group.of() == null) {
                of.add(null);
            } else {
                members.stream().filter(a -> a.kind().equals(group.of())).forEach(a -> of.add(a.id()));
            }
            for (String agency : of) {
                String who = "group " + group.id() + (agency == null ? "" : " of " + agency);
                Figures figures = one(derived.figures.get(group.id() + "\u0000" + agency), () -> who + ": report",
                        defects);
                if (figures != null) {
                    GroupReport report = report(group, agency, figures, who, defects);
                    if (report != null) {
                        reports.add(report);
                    }
                }
            }
        }
        derived.figures.forEach((key, found) -> {
            String group = key.substring(0, key.indexOf('\u0000'));
            if (vocabulary.group(group).isEmpty()) {
                defects.add("rule \"" + found.get(0).rule() + "\" reports figures of \"" + group + "\", which is not "
                        + "a group of guidance.json");
            }
        });
        return new Assembly(results, agencies, reports, defects);
    }

    /** A group's report with its figures in the declared order and of the declared types, or {@code null} with defects. */
    private static GroupReport report(Vocabulary.Group group, String agency, Figures figures, String who,
                                      List<String> defects) {
        Map<String, Object> values = new LinkedHashMap<>();
        int before = defects.size();
        for (Vocabulary.Figure figure : group.figures()) {
            Object value = figures.figures().get(figure.name());
            if (!figures.figures().containsKey(figure.name()) || value == Figures.MISSING) {
                defects.add(who + ": rule \"" + figures.rule() + "\" does not report " + figure.name());
                continue;
            }
            Object typed = typed(figure, value);
            if (typed == null) {
                defects.add(who + ": rule \"" + figures.rule() + "\" reports " + figure.name() + " = " + value
                        + ", which is not " + (figure.type() == Vocabulary.Type.AGENCIES ? "a list of agency ids"
                        : figure.type() == Vocabulary.Type.COUNT ? "a whole number from 0" : "a number"));
                continue;
            }
            values.put(figure.name(), typed);
        }
        for (String name : figures.figures().keySet()) {
            if (group.figures().stream().noneMatch(f -> f.name().equals(name))) {
                defects.add(who + ": rule \"" + figures.rule() + "\" reports " + name + ", which is not a figure of the "
                        + "group in guidance.json");
            }
        }
        return defects.size() > before ? null : new GroupReport(group.id(), agency, values);
    }

    /** A figure's value as its declared type has it: a count, points, or sorted distinct ids; {@code null} if not. */
    private static Object typed(Vocabulary.Figure figure, Object value) {
        switch (figure.type()) {
            case COUNT:
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    long n = ((Number) value).longValue();
                    return n >= 0 && n <= Integer.MAX_VALUE ? (int) n : null;
                }
                return null;
            case AGENCIES:
                if (value instanceof Collection<?> ids) {
                    TreeSet<String> sorted = new TreeSet<>();
                    for (Object id : ids) {
                        sorted.add(String.valueOf(id));
                    }
                    return List.copyOf(sorted);
                }
                return null;
            default:
                if (value instanceof BigDecimal d) {
                    return d;
                }
                if (value instanceof Integer || value instanceof Long) {
                    return BigDecimal.valueOf(((Number) value).longValue());
                }
                if (value instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
                return null;
        }
    }

    /** The result of one assessment, or {@code null} with defects. */
    private static AssessmentResult result(List<Criterion> catalog, List<String> ids, Map<String, Integer> positions,
                                           BaseSheet sheet, Found found, List<String> defects) {
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
        BaseTotal total = one(found.totals, () -> who(sheet) + ": total", defects);
        Rated rated = one(found.ratings, () -> who(sheet) + ": rating", defects);
        Subtotal subtotal = one(found.subtotals, () -> who(sheet) + ": subtotal", defects);
        if (total == null || rated == null || subtotal == null) {
            return null;
        }
        // the reasons are filled when an explanation is first read (Reason): most of the time of scoring otherwise
        List<Explanation> explanations = ResultParts.explanationsOnRead(catalog.size(), i -> new Explanation(
                catalog.get(i).id(), awards[i].points(), catalog.get(i).max(), awards[i].rule(), awards[i].reason(),
                awards[i].reasonEn(), awards[i].facts()));
        BigDecimal[] points = new BigDecimal[awards.length];
        for (int i = 0; i < awards.length; i++) {
            points[i] = awards[i].points();
        }
        return new AssessmentResult(sheet.getAgency(), sheet.assessorId(), ResultParts.pointsInOrder(ids, points),
                subtotal.value(), total.getPenalty(), total.getValue(), rated.rating().name(), explanations);
    }

    private static String who(BaseSheet sheet) {
        return "assessments[" + sheet.index() + "] (" + sheet.assessorId() + " assessment of " + sheet.getAgency() + ")";
    }

    /** The facts of a sheet, for a message about a sub-criterion that got no points. */
    private static String factsOf(BaseSheet sheet) {
        return "facts: " + sheet.getFacts().asMap().entrySet().stream().filter(e -> e.getValue() != null)
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
        final List<BaseTotal> totals = new ArrayList<>(1);
        final List<Rated> ratings = new ArrayList<>(1);

        void add(Award award) {
            if (awards.isEmpty()) {
                awards = new ArrayList<>();
            }
            awards.add(award);
        }
    }

    /** The facts the rules derived, grouped by assessment, agency and group. */
    private static final class Derived {
        final Found[] found;
        final Map<String, List<BaseFinalResult>> finals = new HashMap<>();
        final Map<String, List<Figures>> figures = new HashMap<>();
        final Map<String, List<Penalty>> penalties = new HashMap<>();

        Derived(List<BaseSheet> sheets) {
            found = new Found[sheets.size()];
            for (int i = 0; i < found.length; i++) {
                BaseSheet sheet = sheets.get(i);
                sheet.slot(i); // the session is over: no rule sees it
                found[i] = new Found();
            }
        }

        Found of(BaseSheet sheet) {
            return found[sheet.slot()];
        }

        void add(Object o) {
            if (o instanceof Award a) {
                of(a.sheet()).add(a);
            } else if (o instanceof Subtotal s) {
                of(s.sheet()).subtotals.add(s);
            } else if (o instanceof BaseTotal t) {
                of(t.getSheet()).totals.add(t);
            } else if (o instanceof Rated r) {
                of(r.sheet()).ratings.add(r);
            } else if (o instanceof BaseFinalResult f) {
                finals.computeIfAbsent(f.getAgency(), k -> new ArrayList<>()).add(f);
            } else if (o instanceof Figures f) {
                figures.computeIfAbsent(f.group() + "\u0000" + f.agency(), k -> new ArrayList<>()).add(f);
            } else if (o instanceof Penalty p) {
                penalties.computeIfAbsent(p.agency(), k -> new ArrayList<>()).add(p);
            }
        }
    }
}
