package org.isoscoring.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.xlsx.Workbooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes the data-entry workbook of a guidance, empty or filled in from a request. */
@Command(name = "form", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Tạo phiếu nhập liệu Excel của một bộ tiêu chí / Writes the data-entry workbook (.xlsx) of a "
                + "guidance.",
                "Made from the guidance's declarations: a sheet that explains the form, a sheet of agencies, a sheet of "
                        + "assessments with one column per fact, drop-down lists and checks. Filled in from REQUEST "
                        + "when one is given. Score the filled form with: iso-scoring evaluate FILE.xlsx",
                "A rejected REQUEST: exit status 2 with its problems; a wrong command line: 64."})
final class FormCommand implements Callable<Integer>, Lang.Chosen {

    @Spec
    private CommandSpec spec;

    @Option(names = "--guidance", required = true, paramLabel = "ID",
            description = "A bundled guidance id (see guidances) or a guidance folder.")
    private String guidance;

    @Parameters(paramLabel = "REQUEST", arity = "0..1",
            description = "A request to fill the form in from (JSON, or a workbook); without it the form is empty.")
    private Path request;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "The workbook to write.")
    private Path out;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "The assessed year written in an empty form (default: the guidance's first year).")
    private Integer year;

    @Option(names = "--lang", paramLabel = "vi|en",
            description = "Language of the form: vi (Vietnamese, the default) or en (English).")
    private String lang;

    @Override
    public Lang language() {
        return Lang.orVietnamese(lang);
    }

    @Override
    public Integer call() {
        Lang language = Lang.option(lang);
        if (language == null || language == Lang.BOTH) {
            throw usage(language == null ? Lang.unknown(lang)
                    : "--lang: một phiếu chỉ có một ngôn ngữ, vi hoặc en / a form has one language: vi or en");
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx")) {
            throw usage("--out: " + language.t("tên tệp phải có đuôi .xlsx (" + out + ")",
                    "the file's name must end in .xlsx (" + out + ")"));
        }
        if (Files.isDirectory(out)) {
            throw usage("--out: " + out + " " + language.t("là một thư mục", "is a folder"));
        }
        Path folder = folder();
        ScoringEngine engine = folder != null ? ScoringEngine.create().withRules(folder) : ScoringEngine.create();
        GuidanceInfo info = folder != null ? engine.guidances().get(0) : bundled(engine, language);
        if (request != null && year != null) {
            throw usage(language.t("--year chỉ dùng cho phiếu trống: năm của phiếu lấy từ REQUEST",
                    "--year is for an empty form only: the form takes REQUEST's year"));
        }
        if (year != null && !info.covers(year)) {
            throw usage("--year: " + language.t(info.id() + " không dùng cho năm " + year + " (dùng cho "
                    + years(info) + ")", info.id() + " does not cover " + year + " (it covers " + years(info) + ")"));
        }
        ScoringRequest filled = null;
        if (request != null) {
            filled = Loading.request(request, engine);
            GuidanceInfo scoring = engine.guidanceFor(filled.guidance(), filled.year());
            if (!scoring.id().equals(info.id())) {
                throw usage(language.t(request + " được chấm theo " + scoring.id() + ", không phải " + info.id(),
                        request + " is scored by " + scoring.id() + ", not " + info.id()));
            }
        }
        write(info, filled, language);
        spec.commandLine().getOut().println(language.t("Đã ghi phiếu nhập liệu " + info.id() + " vào " + out,
                "wrote the data-entry form of " + info.id() + " to " + out) + (filled == null ? "" : " ("
                + filled.agencies().size() + language.t(" cơ quan, ", " agencies, ") + filled.assessments().size()
                + language.t(" phiếu chấm)", " assessments)")));
        return 0;
    }

    /** Writes the workbook beside its place and moves it there: a failure leaves no half-written file. */
    private void write(GuidanceInfo info, ScoringRequest filled, Lang language) {
        Path target = out.toAbsolutePath().normalize();
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = target.resolveSibling("." + target.getFileName() + ".part");
            try (OutputStream stream = Files.newOutputStream(partial)) {
                Workbooks.writeForm(info, filled, year, language.english(), stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException(language.t("không ghi được " + out, "cannot write " + out) + ": "
                    + (e.getCause() != null && e instanceof UncheckedIOException ? e.getCause() : e).getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // nothing was left there, or nothing more can be done
                }
            }
        }
    }

    private GuidanceInfo bundled(ScoringEngine engine, Lang language) {
        List<GuidanceInfo> bundled = engine.guidances();
        String ids = bundled.stream().map(GuidanceInfo::id).collect(Collectors.joining(", "));
        return bundled.stream().filter(g -> g.id().equals(guidance)).findFirst().orElseThrow(() -> usage(
                "--guidance: " + language.t("\"" + guidance + "\" không phải thư mục hay bộ tiêu chí có sẵn (có sẵn: "
                        + ids + ")", "\"" + guidance + "\" is neither a guidance folder nor a bundled guidance "
                        + "(bundled: " + ids + ")")));
    }

    private Path folder() {
        try {
            Path path = Path.of(guidance);
            return Files.isDirectory(path) ? path : null;
        } catch (InvalidPathException e) {
            return null; // not a path on this system: only a bundled id can be meant
        }
    }

    private static String years(GuidanceInfo info) {
        return info.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
