package org.isoscoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Scores a request file and prints a summary, the JSON result, or one agency's score sheet, or writes the score
 * sheets and the province dashboard as HTML pages.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Chấm điểm một yêu cầu (JSON) / Scores a request (FORMAT.md JSON).",
                "Prints every agency ranked with its total and rating, then one line per report of each group the guidance declares (a district, or the whole province).",
                "With --html DIR: writes index.html, dashboard.html and one score sheet page per agency.",
                "A rejected request: exit status 2, one line per problem on standard error (in the --lang)."})
final class EvaluateCommand implements Callable<Integer>, Lang.Chosen {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "REQUEST", description = "The request: a JSON file (FORMAT.md), or a workbook (.xlsx) made with the form command.")
    private Path request;

    @Option(names = "--json", description = "Print the result as FORMAT.md JSON instead of the summary.")
    private boolean json;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Score with the guidance in this folder instead of the bundled one (see new-guidance).")
    private Path rules;

    @Option(names = "--explain", paramLabel = "AGENCY",
            description = "Print the score sheet of this agency, criterion by criterion, with reasons.")
    private String explain;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Write the score sheets (one page per agency), index.html and dashboard.html into DIR.")
    private Path html;

    @Option(names = "--lang", paramLabel = "vi|en|both",
            description = "Language of the summary, --explain, --html and the problems of a rejected request: "
                    + "vi (Vietnamese, the default), en (English) or both (the text outputs side by side, "
                    + "the pages in Vietnamese).")
    private String lang;

    @Override
    public Lang language() {
        return Lang.orVietnamese(lang);
    }

    @Override
    public Integer call() {
        Lang language = Lang.option(lang);
        if (language == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), Lang.unknown(lang));
        }
        if (json && explain != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), language.t(
                    "không dùng --json cùng --explain", "--json and --explain cannot be combined"));
        }
        if (html != null && (json || explain != null)) {
            String other = json ? "--json" : "--explain";
            throw new CommandLine.ParameterException(spec.commandLine(), language.t(
                    "không dùng --html cùng " + other, "--html cannot be combined with " + other));
        }
        if (html != null && (html.toString().isBlank() || html.toAbsolutePath().normalize().getParent() == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--html: " + language.t(
                    "cần tên một thư mục", "needs the name of a folder"));
        }
        if (html != null && Files.exists(html) && !Files.isDirectory(html)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--html: " + html
                    + " " + language.t("là một tệp, không phải thư mục", "is a file, not a folder"));
        }
        // The rules load on another core while the request is read: the two take about as long.
        CompletableFuture<ScoringEngine> loading = Loading.engine(rules);
        ScoringRequest parsed = Loading.request(request, Loading.reader(rules, loading));
        if (explain != null && parsed.agencies().stream().noneMatch(a -> a.id().equals(explain))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--explain: " + language.t(
                    "không có cơ quan \"" + explain + "\" trong " + request,
                    "no agency \"" + explain + "\" in " + request));
        }
        ScoringEngine engine = Loading.join(loading);
        ScoringResult result = engine.evaluate(parsed);
        var out = spec.commandLine().getOut();
        if (json) {
            ScoringJson.writeResult(result, out); // as it goes: a national result is hundreds of megabytes
        } else {
            var guidance = engine.guidances().stream().filter(g -> g.id().equals(result.guidance())).findFirst()
                    .orElseThrow();
            if (html != null) {
                int pages = write(new HtmlReport(parsed, result, guidance, language), language);
                out.println(language.t("Đã ghi " + pages + " trang vào " + html,
                        "wrote " + pages + " pages to " + html) + " (" + HtmlReport.INDEX + ", "
                        + HtmlReport.DASHBOARD + ")");
                out.flush();
                return 0;
            }
            Report report = new Report(parsed, result, guidance, language);
            if (explain != null) {
                out.print(report.scoreSheets(explain));
            } else {
                out.print(report.summary());
            }
        }
        out.flush();
        return 0;
    }

    private int write(HtmlReport pages, Lang language) {
        try {
            return pages.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(language.t("không ghi được các trang vào " + html,
                    "cannot write the pages to " + html) + ": " + why(e), e);
        }
    }

    /** What went wrong writing a file, in words: the file and the reason, not only a path. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String kind = e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(
                    java.util.Locale.ROOT).replace(" exception", "");
            return (f.getReason() != null ? f.getReason() : kind) + " (" + f.getFile() + ")";
        }
        return e.getMessage();
    }
}
