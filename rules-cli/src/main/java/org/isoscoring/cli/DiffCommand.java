package org.isoscoring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.AgencyResult;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Scores one request under two guidances and shows what changes, agency by agency. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"So sánh hai bộ tiêu chí trên cùng một yêu cầu / Scores one request under two guidances and "
                + "shows what changes.",
                "A and B are bundled guidance ids or guidance folders."})
final class DiffCommand implements Callable<Integer>, Lang.Chosen {

    @Spec
    private CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "A", description = "The guidance now in force (id or folder).")
    private String base;

    @Option(names = "--with", required = true, paramLabel = "B", description = "The guidance to compare (id or folder).")
    private String with;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    private boolean json;

    @Option(names = "--lang", paramLabel = "vi|en|both",
            description = "Language of the problems of a rejected request or of two guidances that cannot be "
                    + "compared: vi (Vietnamese), en (English) or both (side by side, the default of diff).")
    private String lang;

    @Override
    public Lang language() {
        return lang == null ? Lang.BOTH : Lang.orVietnamese(lang);
    }

    @Parameters(paramLabel = "REQUEST", description = "The request: a JSON file (FORMAT.md), or a workbook (.xlsx) made with the form command.")
    private Path request;

    /** One sub-criterion that changed in an agency's final assessment. */
    record Change(String criterion, BigDecimal before, BigDecimal after, String ruleBefore, String ruleAfter) {
    }

    /** One agency whose final result changed. */
    record AgencyDiff(String agency, String name, AgencyResult before, AgencyResult after, List<Change> changes) {
        boolean ratingChanged() {
            return !before.rating().equals(after.rating());
        }
    }

    /** One figure of a group report that changed. */
    record FigureChange(String figure, Object before, Object after) {
    }

    /** One group report whose figures changed ({@code districts} of {@code HUYEN-LG}). */
    record GroupDiff(String group, String agency, List<FigureChange> changes) {
    }

    @Override
    public Integer call() throws Exception {
        if (lang != null && Lang.option(lang) == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), Lang.unknown(lang));
        }
        ScoringEngine reader = reader(base);
        ScoringRequest parsed = Loading.request(request, reader);
        GuidanceInfo baseInfo = reader.guidanceFor(parsed.guidance(), parsed.year());
        GuidanceInfo withInfo = info(with);
        sameVocabulary(baseInfo, withInfo);
        ScoringResult a = score(base, parsed);
        ScoringResult b = score(with, parsed);
        Map<String, String> names = parsed.agencies().stream().filter(x -> x.name() != null)
                .collect(Collectors.toMap(Agency::id, Agency::name));
        List<AgencyDiff> agencies = new ArrayList<>();
        for (AgencyResult before : a.agencies()) {
            AgencyResult after = b.agency(before.agency()).orElseThrow();
            List<Change> changes = changes(a, b, before, after);
            if (before.total().compareTo(after.total()) != 0 || !before.rating().equals(after.rating())
                    || !before.finalAssessor().equals(after.finalAssessor()) || !changes.isEmpty()) {
                agencies.add(new AgencyDiff(before.agency(), names.getOrDefault(before.agency(), ""), before, after,
                        changes));
            }
        }
        List<GroupDiff> groups = new ArrayList<>();
        for (var group : a.groups().entrySet()) {
            for (GroupReport before : group.getValue()) {
                GroupReport after = b.group(group.getKey()).stream()
                        .filter(r -> Objects.equals(r.agency(), before.agency())).findFirst().orElse(null);
                List<FigureChange> changed = new ArrayList<>();
                before.figures().forEach((name, value) -> {
                    Object other = after == null ? null : after.figure(name);
                    if (!same(value, other)) {
                        changed.add(new FigureChange(name, value, other));
                    }
                });
                if (!changed.isEmpty()) {
                    groups.add(new GroupDiff(group.getKey(), before.agency(), changed));
                }
            }
        }
        var out = spec.commandLine().getOut();
        out.print(json ? json(a, b, agencies, groups) : text(a, b, agencies, groups,
                Report.notice(baseInfo, Lang.BOTH), Report.notice(withInfo, Lang.BOTH)));
        return 0;
    }

    /** Whether two figures are equal: numbers by value ({@code 3} and {@code 3.0}), lists by their ids. */
    private static boolean same(Object x, Object y) {
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
            return p.compareTo(q) == 0;
        }
        return Objects.equals(x, y);
    }

    /**
     * Refuses, before scoring, two guidances that do not declare the same facts, kinds and assessors: one request
     * cannot be read by both, so there is nothing to compare agency by agency. The problems say what differs
     * (docs/decisions.md, decision 68).
     */
    private static void sameVocabulary(GuidanceInfo a, GuidanceInfo b) {
        Vocabulary x = a.vocabulary();
        Vocabulary y = b.vocabulary();
        List<Problem> problems = new ArrayList<>();
        String place = "--with " + b.id();
        differ(problems, place, a.id(), b.id(), "dữ kiện", "facts", names(x.facts(), DiffCommand::fact),
                names(y.facts(), DiffCommand::fact));
        differ(problems, place, a.id(), b.id(), "loại cơ quan", "kinds of agency",
                names(x.kinds(), Vocabulary.Kind::id), names(y.kinds(), Vocabulary.Kind::id));
        differ(problems, place, a.id(), b.id(), "cấp chấm", "assessors",
                names(x.assessors(), Vocabulary.Assessor::id), names(y.assessors(), Vocabulary.Assessor::id));
        if (!problems.isEmpty()) {
            problems.add(0, new Problem(place, a.id() + " and " + b.id() + " do not declare the same vocabulary, so "
                    + "one request cannot be scored under both; score each request with its own guidance "
                    + "(evaluate), or compare two versions of one guidance", a.id() + " và " + b.id()
                    + " không cùng bộ dữ kiện, loại cơ quan và cấp chấm, nên không chấm được một yêu cầu theo cả hai; "
                    + "hãy chấm mỗi yêu cầu theo bộ tiêu chí của nó (evaluate), hoặc so sánh hai phiên bản của "
                    + "cùng một bộ tiêu chí"));
            throw new RequestRejectedException(problems);
        }
    }

    /** A fact as compared: its name, and its type where it is not a count. */
    private static String fact(Vocabulary.Fact f) {
        String type = f.choice() == null ? f.type().name().toLowerCase(java.util.Locale.ROOT)
                : f.choice().name().equals(Vocabulary.JUDGEMENT.name()) ? "judgement" : f.choice().name();
        return "count".equals(type) ? f.name() : f.name() + " (" + type + ")";
    }

    private static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).toList();
    }

    private static void differ(List<Problem> problems, String place, String a, String b, String vi, String en,
                               List<String> x, List<String> y) {
        List<String> onlyA = x.stream().filter(n -> !y.contains(n)).toList();
        List<String> onlyB = y.stream().filter(n -> !x.contains(n)).toList();
        if (!onlyA.isEmpty()) {
            problems.add(new Problem(place, en + " only in " + a + ": " + String.join(", ", onlyA),
                    vi + " chỉ có ở " + a + ": " + String.join(", ", onlyA)));
        }
        if (!onlyB.isEmpty()) {
            problems.add(new Problem(place, en + " only in " + b + ": " + String.join(", ", onlyB),
                    vi + " chỉ có ở " + b + ": " + String.join(", ", onlyB)));
        }
    }

    /** What a guidance (a folder or a bundled id) declares. */
    private GuidanceInfo info(String guidance) {
        Path folder = Path.of(guidance);
        if (Files.isDirectory(folder)) {
            return ScoringEngine.create().withRules(folder).guidances().get(0);
        }
        return ScoringEngine.create().guidances().stream().filter(g -> g.id().equals(guidance)).findFirst()
                .orElseThrow(() -> notAGuidance(guidance));
    }

    private picocli.CommandLine.ParameterException notAGuidance(String guidance) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), "\"" + guidance + "\" không phải thư "
                + "mục hay bộ tiêu chí có sẵn / is neither a guidance folder nor a bundled guidance");
    }

    /** The engine that reads the request: the base guidance's vocabulary. */
    private ScoringEngine reader(String guidance) {
        Path folder = Path.of(guidance);
        return Files.isDirectory(folder) ? ScoringEngine.create().withRules(folder) : ScoringEngine.create();
    }

    private ScoringResult score(String guidance, ScoringRequest request) {
        Path folder = Path.of(guidance);
        if (Files.isDirectory(folder)) {
            return ScoringEngine.create().withRules(folder).evaluate(request);
        }
        if (ScoringEngine.create().guidances().stream().noneMatch(g -> g.id().equals(guidance))) {
            throw notAGuidance(guidance);
        }
        return ScoringEngine.create().evaluate(new ScoringRequest(guidance, request.year(), request.agencies(),
                request.assessments()));
    }

    private static List<Change> changes(ScoringResult a, ScoringResult b, AgencyResult before, AgencyResult after) {
        Optional<AssessmentResult> x = a.assessment(before.agency(), before.finalAssessor());
        Optional<AssessmentResult> y = b.assessment(after.agency(), after.finalAssessor());
        List<Change> changes = new ArrayList<>();
        if (x.isEmpty() || y.isEmpty()) {
            return changes;
        }
        for (var e : x.get().points().entrySet()) {
            BigDecimal other = y.get().points().get(e.getKey());
            String ruleBefore = x.get().explanation(e.getKey()).rule();
            String ruleAfter = other == null ? "" : y.get().explanation(e.getKey()).rule();
            if (other == null || other.compareTo(e.getValue()) != 0) {
                changes.add(new Change(e.getKey(), e.getValue(), other, ruleBefore, ruleAfter));
            }
        }
        for (var e : y.get().points().entrySet()) {
            if (!x.get().points().containsKey(e.getKey())) {
                changes.add(new Change(e.getKey(), null, e.getValue(), "", y.get().explanation(e.getKey()).rule()));
            }
        }
        if (x.get().penalty().compareTo(y.get().penalty()) != 0) {
            changes.add(new Change("penalty", x.get().penalty(), y.get().penalty(), "", ""));
        }
        return changes;
    }

    private static String text(ScoringResult a, ScoringResult b, List<AgencyDiff> agencies, List<GroupDiff> groups,
                               String noticeA, String noticeB) {
        StringBuilder out = new StringBuilder();
        out.append("SO SÁNH / DIFF: ").append(a.guidance()).append(noticeA).append(" (").append(shortHash(a))
                .append(") → ").append(b.guidance()).append(noticeB).append(" (").append(shortHash(b)).append("), ").append(a.agencies().size())
                .append(" cơ quan / agencies\n\n");
        for (AgencyDiff d : agencies) {
            out.append(String.format("%-14s %-40s %6s %-10s → %6s %-10s%s%n", d.agency(), cut(d.name()),
                    Report.points(d.before().total()), d.before().rating(), Report.points(d.after().total()),
                    d.after().rating(), d.ratingChanged() ? "  ĐỔI XẾP LOẠI / RATING CHANGES" : ""));
            for (Change c : d.changes()) {
                out.append("    ").append(c.criterion()).append(": ").append(p(c.before())).append(" → ")
                        .append(p(c.after()));
                if (!c.ruleBefore().equals(c.ruleAfter())) {
                    out.append("   [\"").append(c.ruleBefore()).append("\" → \"").append(c.ruleAfter()).append("\"]");
                }
                out.append('\n');
            }
        }
        if (agencies.isEmpty()) {
            out.append("Không cơ quan nào thay đổi / no agency changes.\n");
        }
        out.append('\n');
        for (GroupDiff d : groups) {
            out.append(d.group()).append(d.agency() == null ? "" : " " + d.agency()).append(": ")
                    .append(d.changes().stream().map(c -> c.figure() + " " + figure(c.before()) + " → "
                            + figure(c.after())).collect(Collectors.joining(" · "))).append('\n');
        }
        out.append("\nTÓM TẮT / SUMMARY: ").append(agencies.size()).append(" cơ quan đổi tổng điểm / agencies change; ")
                .append(agencies.stream().filter(AgencyDiff::ratingChanged).count())
                .append(" đổi xếp loại / change rating; ").append(groups.size())
                .append(" báo cáo nhóm đổi số liệu / group reports change\n");
        return out.toString();
    }

    private static String figure(Object value) {
        if (value instanceof BigDecimal d) {
            return Report.points(d);
        }
        if (value instanceof List<?> ids) {
            return ids.isEmpty() ? "—" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value == null ? "—" : String.valueOf(value);
    }

    private String json(ScoringResult a, ScoringResult b, List<AgencyDiff> agencies, List<GroupDiff> groups)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.putObject("base").put("guidance", a.guidance()).put("rulesHash", a.rulesHash());
        root.putObject("with").put("guidance", b.guidance()).put("rulesHash", b.rulesHash());
        ArrayNode list = root.putArray("agencies");
        for (AgencyDiff d : agencies) {
            ObjectNode n = list.addObject().put("agency", d.agency());
            n.putObject("base").put("total", Report.number(d.before().total())).put("rating", d.before().rating())
                    .put("finalAssessor", d.before().finalAssessor());
            n.putObject("with").put("total", Report.number(d.after().total())).put("rating", d.after().rating())
                    .put("finalAssessor", d.after().finalAssessor());
            ArrayNode changes = n.putArray("changes");
            for (Change c : d.changes()) {
                changes.addObject().put("criterion", c.criterion()).put("base", Report.number(c.before()))
                        .put("with", Report.number(c.after()))
                        .put("baseRule", c.ruleBefore()).put("withRule", c.ruleAfter());
            }
        }
        ArrayNode gs = root.putArray("groups");
        for (GroupDiff d : groups) {
            ObjectNode g = gs.addObject().put("group", d.group());
            if (d.agency() != null) {
                g.put("agency", d.agency());
            }
            ArrayNode changes = g.putArray("changes");
            for (FigureChange c : d.changes()) {
                ObjectNode change = changes.addObject().put("figure", c.figure());
                change.set("base", mapper.valueToTree(c.before() instanceof BigDecimal x ? Report.number(x) : c.before()));
                change.set("with", mapper.valueToTree(c.after() instanceof BigDecimal x ? Report.number(x) : c.after()));
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("agenciesChanged", agencies.size());
        summary.put("ratingsChanged", agencies.stream().filter(AgencyDiff::ratingChanged).count());
        summary.put("groupReportsChanged", groups.size());
        return mapper.writeValueAsString(root) + "\n";
    }

    private static String p(BigDecimal v) {
        return v == null ? "—" : Report.points(v);
    }

    private static String shortHash(ScoringResult r) {
        return r.rulesHash().length() > 19 ? r.rulesHash().substring(0, 19) + "…" : r.rulesHash();
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
