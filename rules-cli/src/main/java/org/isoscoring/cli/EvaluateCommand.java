package org.isoscoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.xlsx.Workbooks;
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
                "With --xlsx FILE: writes the results workbook (ranking, scores, reasons, group figures).",
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

    @Option(names = "--xlsx", paramLabel = "FILE",
            description = "Ghi bảng kết quả Excel / write the results workbook: the ranking, one row per "
                    + "assessment with every sub-criterion's points, the reasons, the figures of each group, "
                    + "stamped with the guidance and its rules hash.")
    private Path xlsx;

    @Option(names = "--lang", paramLabel = "vi|en|both",
            description = "Language of the summary, --explain, --html, --xlsx and the problems of a rejected "
                    + "request: vi (Vietnamese, the default), en (English) or both (the text outputs side by side, "
                    + "the pages and the workbook in Vietnamese).")
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
        if (xlsx != null && (json || explain != null || html != null)) {
            String other = json ? "--json" : explain != null ? "--explain" : "--html";
            throw new CommandLine.ParameterException(spec.commandLine(), language.t(
                    "không dùng --xlsx cùng " + other, "--xlsx cannot be combined with " + other));
        }
        if (xlsx != null && (xlsx.toString().isBlank() || xlsx.getFileName() == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--xlsx: " + language.t(
                    "cần tên một tệp", "needs the name of a file"));
        }
        if (xlsx != null && Files.isDirectory(xlsx)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--xlsx: " + xlsx
                    + " " + language.t("là một thư mục, không phải tệp", "is a folder, not a file"));
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
            if (xlsx != null) {
                writeWorkbook(parsed, result, guidance, language);
                out.println(language.t("Đã ghi bảng kết quả vào " + xlsx, "wrote the results workbook to " + xlsx));
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

    /**
     * Writes the results workbook to a new file next to {@link #xlsx}, then moves it into place, so a failure leaves
     * no partial workbook (and an existing one as it was).
     */
    private void writeWorkbook(ScoringRequest parsed, ScoringResult result, org.isoscoring.api.GuidanceInfo guidance,
                               Lang language) {
        Path target = xlsx.toAbsolutePath().normalize();
        Path folder = target.getParent();
        Path temporary = null;
        boolean moved = false;
        try {
            if (!Files.isDirectory(folder)) {
                throw new java.nio.file.NoSuchFileException(folder.toString(), null,
                        language.t("không có thư mục này", "no such folder"));
            }
            // not Files.createTempFile, whose file only its owner may read: the workbook gets the usual permissions
            temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                Workbooks.writeResults(parsed, result, guidance, language.english(), out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException(language.t("không ghi được bảng kết quả vào " + xlsx,
                    "cannot write the results workbook to " + xlsx) + ": " + why(e), e);
        } finally {
            if (!moved && temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the error already says what failed; a leftover file is named after the workbook
                }
            }
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
