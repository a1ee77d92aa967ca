package org.isoscoring.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.Sample;
import org.isoscoring.api.Sampling;
import org.isoscoring.api.Sampling.Purpose;
import org.isoscoring.api.Sampling.Ranked;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Draws a district's samples ({@link Sample}) by the verifiable algorithm of {@link org.isoscoring.api.Sampling} (docs/sampling.md): the communes the
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

    @Override
    public Integer call() {
        Lang language = Lang.option(lang);
        if (language == null) {
            throw usage(Lang.unknown(lang));
        }
        ScoringEngine engine = rules == null ? ScoringEngine.create() : ScoringEngine.create().withRules(rules);
        ScoringRequest parsed = Loading.request(request, engine);
        var guidance = engine.guidanceFor(parsed.guidance(), parsed.year());
        ScoringResult result = engine.evaluate(parsed);
        Sample sample;
        try {
            sample = Sample.of(parsed, result, guidance, district, seed, purpose);
        } catch (RequestRejectedException e) { // a draw that cannot be made is a wrong command line
            throw usage(e.problems().stream().map(p -> (p.place().isEmpty() ? "" : "--" + p.place() + ": ")
                    + language.t(p.messageVi(), p.message())).collect(Collectors.joining("\n")));
        }
        var out = spec.commandLine().getOut();
        out.print(json ? ScoringJson.writeSample(sample) : text(sample, language, Report.notice(guidance, language)));
        out.flush();
        return 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String text(Sample sample, Lang l, String notice) {
        StringBuilder out = new StringBuilder();
        Agency agency = sample.district();
        Function<String, String> names = id -> sample.names().getOrDefault(id, "");
        String seed = sample.seed();
        out.append(l.t("CHỌN MẪU", "SAMPLE")).append(" — ");
        if (agency == null) {
            out.append(l.label(sample.group().title())).append(" (").append(l.t("mọi " + sample.group().sampleOf()
                    + " của yêu cầu", "every " + sample.group().sampleOf() + " of the request")).append(')');
        } else {
            out.append(agency.id());
            if (agency.name() != null && !agency.name().isEmpty()) {
                out.append(" (").append(agency.name()).append(')');
            }
        }
        out.append('\n');
        out.append(l.t("Hạt giống", "seed")).append(": \"").append(seed).append("\" (UTF-8: ").append(sample.seedUtf8()).append(")\n");
        out.append(l.t("Thuật toán", "algorithm")).append(' ').append(Sampling.ALGORITHM).append(": ")
                .append(l.t("khoá", "key")).append(" = SHA-256(UTF-8(").append(l.t("mục đích", "purpose"))
                .append(" + \"\\n\" + seed + \"\\n\" + ").append(l.t("mã xã", "commune id")).append(")), ")
                .append(l.t("hex chữ thường", "lowercase")).append("; ").append(l.t("xếp khoá tăng dần",
                        "keys ascending")).append("; ").append(l.t("chọn k xã đầu", "the first k are chosen"))
                .append(" (docs/sampling.md)\n");
        out.append(l.t("Cỡ mẫu theo bộ tiêu chí", "sizes from guidance")).append(' ').append(sample.guidance())
                .append(notice).append(" · ")
                .append(sample.rulesHash()).append('\n');
        for (Sample.Draw d : sample.draws()) {
            out.append('\n');
            if (d.purpose() == Purpose.PROVINCE) {
                out.append(l.t("TỈNH THẨM ĐỊNH", "PROVINCE APPRAISAL")).append(" (purpose \"province\"): n = ")
                        .append(d.communes()).append(' ').append(l.t("xã", "communes"))
                        .append(", k = provinceSampleSize = ").append(d.size())
                        .append(" (").append(l.t("do bộ tiêu chí tính", "as the guidance computes it")).append(", ")
                        .append(sample.guidance()).append(")\n");
            } else {
                out.append(l.t("HUYỆN CHẤM TẠI CHỖ", "DISTRICT ON SITE")).append(" (purpose \"district\"): n = ")
                        .append(d.communes()).append(' ').append(l.t("xã", "communes"))
                        .append(", k = onSiteRequired = ").append(d.size())
                        .append(" (").append(l.t("do bộ tiêu chí tính", "as the guidance computes it")).append(", ")
                        .append(sample.guidance()).append(")\n");
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

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
