package org.isoscoring.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless LibreOffice (Calc) for the spreadsheet tests: a real spreadsheet application opens the workbooks we
 * write, saves them again for us to read back, and renders them to PNG for the docs. It is {@code $SOFFICE} or
 * {@code /usr/bin/soffice}; when neither is there, {@code scripts/install-libreoffice.sh} is tried once per JVM,
 * and without LibreOffice the tests are skipped with a message that says how to get it. {@link #png} needs
 * {@code pdftoppm} (poppler-utils) too and skips without it.
 *
 * <p>Each call starts a new {@code soffice --headless} with a fresh private profile
 * ({@code -env:UserInstallation}, deleted afterwards), so calls may run side by side, and stops it after
 * {@value #TIMEOUT_SECONDS} s. One conversion takes about 4 s on 2 cores (Debian's LibreOffice 7.4), mostly
 * LibreOffice's start: keep the number of calls per test class low. A failed call throws with LibreOffice's
 * command and output.
 */
public final class LibreOffice {

    /** How long one call may take before LibreOffice is stopped. */
    public static final int TIMEOUT_SECONDS = 120;

    /**
     * The CSV export filter: separator {@code ,} (44), text delimiter {@code "} (34), UTF-8 (76), line 1,
     * default cell formats, language en-US (1033, so a decimal point), quoted fields not forced to text, special
     * numbers detected, <em>cell contents saved as shown</em> (true), formulas not exported (their values are),
     * spaces not trimmed, and sheet -1: every sheet to a file of its own, {@code <name>-<sheet>.csv}
     * (LibreOffice 7.2 and later).
     */
    static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1";
    private static final String XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML";
    /** The PDF export with each sheet on one page of its own, sized to the sheet: page n is sheet n. */
    private static final String PDF_FILTER =
            "pdf:calc_pdf_Export:{\"SinglePageSheets\":{\"type\":\"boolean\",\"value\":\"true\"}}";
    private static final Pattern WRITING_SHEET = Pattern.compile("^Writing sheet (.*) -> (.*\\.csv)$",
            Pattern.MULTILINE);
    private static final InstalledProgram PROGRAM = new InstalledProgram("SOFFICE", "/usr/bin/soffice",
            "scripts/install-libreoffice.sh", "no LibreOffice for the spreadsheet tests: set SOFFICE to a soffice "
            + "binary, or run scripts/install-libreoffice.sh as root (Debian: apt-get install --no-install-recommends "
            + "libreoffice-calc-nogui poppler-utils)");

    private final Path soffice;

    private LibreOffice(Path soffice) {
        this.soffice = soffice;
    }

    /** LibreOffice, or the calling test is skipped (aborted) with a clear message. */
    public static LibreOffice require() {
        return new LibreOffice(PROGRAM.require());
    }

    private static Path pdftoppm() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "pdftoppm");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Every sheet of a workbook as LibreOffice reads it, in the workbook's order: sheet name, then rows, then
     * cells, each as LibreOffice <em>shows</em> it (the CSV export with "save cell contents as shown", language
     * en-US). So:
     * <ul>
     * <li>text is the text (Vietnamese, commas, quotes and line breaks kept);</li>
     * <li>a number in the General format comes out in its shortest decimal form with a point and no grouping
     * ({@code 42}, {@code 1234.5}, and {@code 0.3} for 0.1 + 0.2), one with a number format as that format shows
     * it;</li>
     * <li>a date comes out in its cell's format ({@code dd/mm/yyyy} gives {@code 07/03/2024});</li>
     * <li>a formula comes out as the value LibreOffice computes (FastExcel writes no cached values);</li>
     * <li>an empty cell is {@code ""}; each row has as many cells as the sheet's used area is wide (so trailing
     * empty cells are there), and the rows go down to the last used row. An empty sheet has no rows.</li>
     * </ul>
     */
    public Map<String, List<List<String>>> sheets(Path xlsx) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("libreoffice-csv-");
        try {
            String said = run(out, CSV_FILTER, xlsx);
            Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
            Matcher m = WRITING_SHEET.matcher(said);
            while (m.find()) {
                Path csv = Path.of(m.group(2));
                if (!Files.isRegularFile(csv)) {
                    throw new IllegalStateException("LibreOffice said it wrote " + csv + " but it is not there; it said:\n"
                            + said);
                }
                String text = Files.readString(csv, StandardCharsets.UTF_8);
                sheets.put(m.group(1), text.isBlank() ? List.of() : parseCsv(text));
            }
            if (sheets.isEmpty()) {
                throw new IllegalStateException("LibreOffice wrote no sheet of " + xlsx + " to CSV (it needs version "
                        + "7.2 or later to write every sheet); it said:\n" + said);
            }
            return sheets;
        } finally {
            delete(out);
        }
    }

    /**
     * The workbook opened and saved again as .xlsx by LibreOffice ({@code Calc MS Excel 2007 XML}), as
     * {@code dir/<name>.libreoffice.xlsx}: a workbook written by another application than ours, to read back.
     */
    public Path resave(Path xlsx, Path dir) throws IOException, InterruptedException {
        return convert(xlsx, XLSX_FILTER, ".xlsx", dir.resolve(baseName(xlsx) + ".libreoffice.xlsx"));
    }

    /**
     * A workbook made by LibreOffice from a CSV file (UTF-8, comma-separated, {@code "} for quotes, numbers and
     * dates recognised as LibreOffice does when it opens a CSV file), as {@code dir/<name>.xlsx}: a workbook as
     * a user of another application would make it.
     */
    public Path fromCsv(Path csv, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("libreoffice-in-");
        try {
            // Opening a .csv file uses the CSV import filter; its options must match the file.
            Path input = out.resolve(baseName(csv) + ".csv");
            Files.copy(csv, input);
            Path target = dir.resolve(baseName(csv) + ".xlsx");
            List<String> extra = List.of("--infilter=Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true");
            Path made = out.resolve("made");
            Files.createDirectories(made);
            String said = run(made, XLSX_FILTER, input, extra);
            Path result = made.resolve(baseName(csv) + ".xlsx");
            if (!Files.isRegularFile(result)) {
                throw new IllegalStateException("LibreOffice made no " + result.getFileName() + "; it said:\n" + said);
            }
            Files.createDirectories(dir);
            return Files.move(result, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            delete(out);
        }
    }

    /** The first sheet rendered by LibreOffice, as {@link #png(Path, Path, int, int)} at 80 dpi. */
    public Path png(Path xlsx, Path dir) throws IOException, InterruptedException {
        return png(xlsx, dir, 0, 80);
    }

    /**
     * One sheet of a workbook rendered by LibreOffice as a PNG for the docs, {@code dir/<name>-<sheet>.png}: the
     * workbook is exported to PDF with each sheet on one page sized to its used area (so a large sheet gives a
     * large page; keep screenshot workbooks small), then {@code pdftoppm} draws the sheet's page at {@code dpi}.
     * Skips the calling test when pdftoppm (poppler-utils) is missing.
     *
     * @param sheet the sheet's index, 0 for the first
     */
    public Path png(Path xlsx, Path dir, int sheet, int dpi) throws IOException, InterruptedException {
        Path pdftoppm = pdftoppm();
        Assumptions.assumeTrue(pdftoppm != null, "no pdftoppm to render workbooks to PNG: run "
                + "scripts/install-libreoffice.sh as root (Debian: apt-get install poppler-utils)");
        Path out = Files.createTempDirectory("libreoffice-pdf-");
        try {
            String said = run(out, PDF_FILTER, xlsx);
            Path pdf = out.resolve(baseName(xlsx) + ".pdf");
            if (!Files.isRegularFile(pdf)) {
                throw new IllegalStateException("LibreOffice made no PDF of " + xlsx + "; it said:\n" + said);
            }
            String page = String.valueOf(sheet + 1);
            Path prefix = out.resolve("page");
            List<String> command = List.of(pdftoppm.toString(), "-png", "-r", String.valueOf(dpi), "-f", page, "-l",
                    page, "-singlefile", pdf.toString(), prefix.toString());
            String drawn = exec(command, 60);
            Path png = out.resolve("page.png");
            if (!Files.isRegularFile(png)) {
                throw new IllegalStateException("pdftoppm drew no page " + page + " of " + pdf + " (is there a sheet "
                        + sheet + "?): " + command + "\n" + drawn);
            }
            Files.createDirectories(dir);
            return Files.move(png, dir.resolve(baseName(xlsx) + "-" + sheet + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            delete(out);
        }
    }

    /**
     * Parses CSV text as LibreOffice writes it (RFC 4180): fields separated by commas, a field in double quotes
     * may hold commas, line breaks and doubled quotes; records end with LF or CRLF; a last line break ends the last
     * record rather than starting an empty one.
     */
    public static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV ends inside a quoted field");
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private Path convert(Path input, String filter, String extension, Path target)
            throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("libreoffice-out-");
        try {
            String said = run(out, filter, input);
            Path made = out.resolve(baseName(input) + extension);
            if (!Files.isRegularFile(made)) {
                throw new IllegalStateException("LibreOffice made no " + made.getFileName() + " of " + input
                        + "; it said:\n" + said);
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.move(made, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            delete(out);
        }
    }

    private String run(Path outdir, String filter, Path input) throws IOException, InterruptedException {
        return run(outdir, filter, input, List.of());
    }

    /** Runs one conversion with a fresh profile; returns what LibreOffice said (stdout and stderr). */
    private String run(Path outdir, String filter, Path input, List<String> extra)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("no such file: " + input);
        }
        Path profile = Files.createTempDirectory("libreoffice-profile-");
        try {
            List<String> command = new ArrayList<>(List.of(soffice.toString(),
                    "-env:UserInstallation=" + profile.toUri(), "--headless", "--invisible", "--nologo",
                    "--norestore", "--nolockcheck", "--nodefault"));
            command.addAll(extra);
            command.addAll(List.of("--convert-to", filter, "--outdir", outdir.toAbsolutePath().toString(),
                    input.toAbsolutePath().toString()));
            return exec(command, TIMEOUT_SECONDS);
        } finally {
            delete(profile);
        }
    }

    private static String exec(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("libreoffice-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("did not finish in " + seconds + " s: " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String said = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exited with " + p.exitValue() + ": " + command + "\n" + said);
            }
            return said;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
