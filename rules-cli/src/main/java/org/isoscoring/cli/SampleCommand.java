package org.isoscoring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.GroupReport;
import org.isoscoring.api.Sampling;
import org.isoscoring.api.Sampling.Purpose;
import org.isoscoring.api.Sampling.Ranked;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Draws a district's samples by the verifiable algorithm of {@link Sampling} (docs/sampling.md): the communes the
 * province appraises and the communes the district scores on site. The sizes are the guidance's
 * ({@code provinceSampleSize}, {@code onSiteRequired}).
 */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Chọn mẫu xã có thể kiểm tra lại / Draws a verifiable sample of communes.",
                "With --district, of a district's communes; without it, of all the request's communes (a guidance "
                        + "without districts, such as the illustration two-tier-2026-example).",
                "Each commune's key is the SHA-256 of \"<purpose>\\n<seed>\\n<commune id>\" (UTF-8, lowercase hex);",
                "the communes with the smallest keys are chosen. Anyone can recompute it: docs/sampling.md.",
                "province: max(1, ⌈10%% · n⌉) communes appraised by the province (two-tier-2026-example: 20%%); "
                        + "district: ⌈n/3⌉ scored on site",
                "(the sizes are the guidance's). Exit 2: a rejected request (its problems in the --lang); 64: a wrong "
                        + "command line."})
final class SampleCommand implements Callable<Integer>, Lang.Chosen {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "REQUEST", description = "The request: a JSON file (FORMAT.md), or a workbook (.xlsx) made with the form command.")
    private Path request;

    @Option(names = "--district", paramLabel = "ID", description = "The district's agency id. Without it: every "
            + "agency of the kind the guidance's report of the whole request samples (the communes of "
            + "two-tier-2026-example).")
    private String district;

    @Option(names = "--seed", required = true, paramLabel = "TEXT",
            description = "A public text, for example \"2022-11-02 QĐ 2532/QĐ-UBND\" (hashed as UTF-8, NFC).")
    private String seed;

    @Option(names = "--purpose", paramLabel = "province|district|both", defaultValue = "both",
            description = "Which draw: province (appraisal), district (on site) or both (default: ${DEFAULT-VALUE}).")
    private String purpose;

    @Option(names = "--json", description = "Print the draw as JSON.")
    private boolean json;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Take the sample sizes from the guidance in this folder instead of the bundled one.")
    private Path rules;

    @Option(names = "--lang", paramLabel = "vi|en|both",
            description = "Language of the text output, of the messages of a wrong command line and of the problems "
                    + "of a rejected request: vi (Vietnamese, the default), en (English) or both (side by side).")
    private String lang;

    @Override
    public Lang language() {
        return Lang.orVietnamese(lang);
    }

    /** One draw: its purpose, the ranking, and how many are taken. */
    private record Draw(Purpose purpose, int communes, int size, List<Ranked> ranking) {
    }

    @Override
    public Integer call() throws Exception {
        Lang language = Lang.option(lang);
        if (language == null) {
            throw usage(Lang.unknown(lang));
        }
        List<Purpose> chosen = switch (purpose) {
            case "province" -> List.of(Purpose.PROVINCE);
            case "district" -> List.of(Purpose.DISTRICT);
            case "both" -> List.of(Purpose.PROVINCE, Purpose.DISTRICT);
            default -> throw usage("--purpose: \"" + purpose + "\" " + language.t("không phải một trong",
                    "is not one of") + " province, district, both");
        };
        List<Purpose> purposes = chosen;
        String hashedSeed;
        try {
            hashedSeed = Sampling.seed(seed);
        } catch (IllegalArgumentException e) {
            throw usage("--seed: " + e.getMessage());
        }
        ScoringEngine engine = rules == null ? ScoringEngine.create() : ScoringEngine.create().withRules(rules);
        ScoringRequest parsed = Loading.request(request, engine);
        var guidance = engine.guidanceFor(parsed.guidance(), parsed.year());
        var vocabulary = guidance.vocabulary();
        Scope scope = district == null ? wholeRequest(parsed, vocabulary, language)
                : ofDistrict(parsed, vocabulary, language);
        ScoringResult result = engine.evaluate(parsed);
        GroupReport report = (scope.agency() == null ? result.group(scope.group().id()).stream().findFirst()
                : result.report(scope.group().id(), district)).orElseThrow(() -> new IllegalStateException(
                        "the result has no report " + scope.group().id() + " of " + district));
        if (purpose.equals("both") && scope.agency() == null) {
            // A report of the whole request draws only what it has a size for (no on-site draw without districts).
            purposes = purposes.stream().filter(p -> report.figures().containsKey(SIZES.get(p))).toList();
            if (purposes.isEmpty()) {
                throw usage(language.t("nhóm \"" + scope.group().id() + "\" không báo cỡ mẫu provinceSampleSize "
                        + "(docs/sampling.md)", "the group \"" + scope.group().id() + "\" reports no sample size "
                        + "provinceSampleSize (docs/sampling.md)"));
            }
        }
        List<String> communes = scope.members();
        // A guidance may ask for more communes than there are: all of them are then drawn, in ranked order.
        List<Draw> draws = new java.util.ArrayList<>();
        for (Purpose p : purposes) {
            if (!report.figures().containsKey(SIZES.get(p))) {
                throw usage("--purpose: " + language.t("bộ tiêu chí " + result.guidance() + " không có cỡ mẫu "
                        + SIZES.get(p), "the guidance " + result.guidance() + " has no sample size " + SIZES.get(p))
                        + (scope.agency() == null ? " (" + language.t("không có huyện chấm tại chỗ",
                        "no district scores on site") + ")" : ""));
            }
            draws.add(new Draw(p, communes.size(), Math.min(communes.size(), size(report, SIZES.get(p))),
                    Sampling.rank(p, hashedSeed, communes)));
        }
        Map<String, String> names = parsed.agencies().stream()
                .collect(Collectors.toMap(Agency::id, a -> a.name() == null ? "" : a.name(), (a, b) -> a));
        var out = spec.commandLine().getOut();
        out.print(json ? json(scope, hashedSeed, result, draws, names::get)
                : text(scope, hashedSeed, result, draws, names::get, language, Report.notice(guidance, language)));
        out.flush();
        return 0;
    }

    /** The figure of a group's report that sizes each draw (docs/sampling.md). */
    private static final Map<Purpose, String> SIZES = Map.of(Purpose.PROVINCE, "provinceSampleSize",
            Purpose.DISTRICT, "onSiteRequired");

    /**
     * What is drawn from: a district's communes (the members of the agency {@code --district} names, sized by its
     * group's report), or, without {@code --district}, every agency of the kind a whole-request group samples.
     */
    private record Scope(Agency agency, Vocabulary.Group group, List<String> members) {
    }

    private Scope ofDistrict(ScoringRequest parsed, Vocabulary vocabulary, Lang language) {
        Agency agency = parsed.agencies().stream().filter(a -> a.id().equals(district)).findFirst()
                .orElseThrow(() -> usage("--district: " + language.t("không có huyện", "no agency") + " \""
                        + district + "\" " + language.t("trong", "in") + " " + request));
        var group = vocabulary.groups().stream().filter(g -> agency.kind().equals(g.of())).findFirst();
        if (vocabulary.membersOf(agency.kind()).isEmpty() || group.isEmpty()) {
            String kinds = vocabulary.kinds().stream().filter(k -> !vocabulary.membersOf(k.id()).isEmpty())
                    .map(k -> k.id()).collect(Collectors.joining(", "));
            if (kinds.isEmpty()) {
                throw usage("--district: " + language.t("bộ tiêu chí không có huyện; bỏ --district để chọn mẫu trong "
                        + "mọi xã của yêu cầu", "the guidance has no districts; leave out --district to draw from "
                        + "all the request's communes"));
            }
            throw usage("--district: \"" + district + "\" " + language.t("là", "is a") + " " + agency.kind() + ", "
                    + language.t("không phải huyện", "not a") + " " + kinds);
        }
        List<String> communes = Sampling.membersOf(parsed, district);
        if (communes.isEmpty()) { // a valid request has none such (SCORING.md §7); kept for a request built in Java
            throw usage("--district: " + language.t("huyện", "district") + " \"" + district + "\" "
                    + language.t("không có xã nào", "has no communes"));
        }
        return new Scope(agency, group.get(), communes);
    }

    private Scope wholeRequest(ScoringRequest parsed, Vocabulary vocabulary, Lang language) {
        var group = vocabulary.groups().stream().filter(g -> g.of() == null && g.sampleOf() != null).findFirst();
        if (group.isEmpty()) {
            String kinds = vocabulary.groups().stream().map(Vocabulary.Group::of).filter(java.util.Objects::nonNull)
                    .filter(k -> !vocabulary.membersOf(k).isEmpty()).distinct().collect(Collectors.joining(", "));
            if (kinds.isEmpty()) {
                throw usage(language.t("bộ tiêu chí không khai báo mẫu nào: không có nhóm theo một loại cơ quan có "
                        + "thành viên, cũng không có nhóm của toàn yêu cầu có \"sampleOf\" (docs/sampling.md)",
                        "the guidance declares no sample: no group of a kind with members, and no group of the whole "
                        + "request with \"sampleOf\" (docs/sampling.md)"));
            }
            throw usage(language.t("thiếu --district: bộ tiêu chí chọn mẫu theo từng " + kinds,
                    "--district is needed: the guidance draws a sample per " + kinds));
        }
        List<String> members = Sampling.ofKind(parsed, group.get().sampleOf());
        if (members.isEmpty()) {
            throw usage(language.t("yêu cầu không có cơ quan " + group.get().sampleOf() + " nào để chọn mẫu",
                    "the request has no " + group.get().sampleOf() + " agency to draw from"));
        }
        return new Scope(null, group.get(), members);
    }

    /** A sample size the guidance's report gives, by the figure's name (docs/sampling.md). */
    private int size(GroupReport report, String figure) {
        if (report.figure(figure) instanceof Integer size) {
            return size;
        }
        throw new IllegalStateException("the guidance's report of " + report.agency() + " has no figure " + figure
                + " (docs/sampling.md: the group of a district reports provinceSampleSize and onSiteRequired)");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String text(Scope scope, String seed, ScoringResult result, List<Draw> draws,
                               Function<String, String> names, Lang l, String notice) {
        StringBuilder out = new StringBuilder();
        Agency agency = scope.agency();
        out.append(l.t("CHỌN MẪU", "SAMPLE")).append(" — ");
        if (agency == null) {
            out.append(l.label(scope.group().title())).append(" (").append(l.t("mọi " + scope.group().sampleOf()
                    + " của yêu cầu", "every " + scope.group().sampleOf() + " of the request")).append(')');
        } else {
            out.append(agency.id());
            if (agency.name() != null && !agency.name().isEmpty()) {
                out.append(" (").append(agency.name()).append(')');
            }
        }
        out.append('\n');
        out.append(l.t("Hạt giống", "seed")).append(": \"").append(seed).append("\" (UTF-8: ").append(utf8Hex(seed)).append(")\n");
        out.append(l.t("Thuật toán", "algorithm")).append(' ').append(Sampling.ALGORITHM).append(": ")
                .append(l.t("khoá", "key")).append(" = SHA-256(UTF-8(").append(l.t("mục đích", "purpose"))
                .append(" + \"\\n\" + seed + \"\\n\" + ").append(l.t("mã xã", "commune id")).append(")), ")
                .append(l.t("hex chữ thường", "lowercase")).append("; ").append(l.t("xếp khoá tăng dần",
                        "keys ascending")).append("; ").append(l.t("chọn k xã đầu", "the first k are chosen"))
                .append(" (docs/sampling.md)\n");
        out.append(l.t("Cỡ mẫu theo bộ tiêu chí", "sizes from guidance")).append(' ').append(result.guidance())
                .append(notice).append(" · ")
                .append(result.rulesHash()).append('\n');
        for (Draw d : draws) {
            out.append('\n');
            if (d.purpose() == Purpose.PROVINCE) {
                out.append(l.t("TỈNH THẨM ĐỊNH", "PROVINCE APPRAISAL")).append(" (purpose \"province\"): n = ")
                        .append(d.communes()).append(' ').append(l.t("xã", "communes"))
                        .append(", k = provinceSampleSize = ").append(d.size())
                        .append(" (").append(l.t("do bộ tiêu chí tính", "as the guidance computes it")).append(", ")
                        .append(result.guidance()).append(")\n");
            } else {
                out.append(l.t("HUYỆN CHẤM TẠI CHỖ", "DISTRICT ON SITE")).append(" (purpose \"district\"): n = ")
                        .append(d.communes()).append(' ').append(l.t("xã", "communes"))
                        .append(", k = onSiteRequired = ").append(d.size())
                        .append(" (").append(l.t("do bộ tiêu chí tính", "as the guidance computes it")).append(", ")
                        .append(result.guidance()).append(")\n");
            }
            int idWidth = d.ranking().stream().mapToInt(r -> r.commune().length()).max().orElse(0);
            int nameWidth = d.ranking().stream().mapToInt(r -> names.apply(r.commune()).length()).max().orElse(0);
            for (Ranked r : d.ranking()) {
                out.append(r.rank() <= d.size() ? "  * " : "    ")
                        .append(String.format("%" + String.valueOf(d.ranking().size()).length() + "d", r.rank()))
                        .append("  ").append(pad(r.commune(), idWidth)).append("  ")
                        .append(pad(names.apply(r.commune()), nameWidth)).append("  ").append(r.key()).append('\n');
            }
            out.append("  ").append(l.t("Chọn", "chosen")).append(" (*): ").append(d.ranking().subList(0, d.size()).stream().map(Ranked::commune)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    private static String json(Scope scope, String seed, ScoringResult result, List<Draw> draws,
                               Function<String, String> names) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        if (scope.agency() == null) {
            root.put("group", scope.group().id());
            root.put("kind", scope.group().sampleOf());
        } else {
            root.put("district", scope.agency().id());
        }
        root.put("seed", seed);
        root.put("seedUtf8", utf8Hex(seed));
        root.put("algorithm", Sampling.ALGORITHM);
        root.put("keyOf", "lowercase hex SHA-256 of UTF-8(purpose + \"\\n\" + seed + \"\\n\" + communeId)");
        root.put("guidance", result.guidance());
        root.put("rulesHash", result.rulesHash());
        ArrayNode list = root.putArray("draws");
        for (Draw d : draws) {
            ObjectNode n = list.addObject();
            n.put("purpose", d.purpose().label());
            n.put("communes", d.communes());
            n.put("size", d.size());
            ArrayNode chosen = n.putArray("chosen");
            d.ranking().subList(0, d.size()).forEach(r -> chosen.add(r.commune()));
            ArrayNode ranking = n.putArray("ranking");
            for (Ranked r : d.ranking()) {
                ranking.addObject().put("rank", r.rank()).put("commune", r.commune())
                        .put("name", names.apply(r.commune())).put("key", r.key()).put("chosen", r.rank() <= d.size());
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static String utf8Hex(String s) {
        return HexFormat.ofDelimiter(" ").formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
