package org.isoscoring.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium for the browser tests of the HTML pages: {@code $CHROMIUM} or {@code /usr/bin/chromium};
 * when neither is there, {@code scripts/install-chromium.sh} is tried once per JVM, and without a browser the
 * tests are skipped with a message that says how to get one.
 */
public final class Chromium {

    private static final Pattern MEDIA_BOX = Pattern.compile(
            "/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]");
    private static final InstalledProgram PROGRAM = new InstalledProgram("CHROMIUM", "/usr/bin/chromium",
            "scripts/install-chromium.sh", "no Chromium for the browser tests of the HTML pages: set CHROMIUM to a "
            + "chromium binary, or run scripts/install-chromium.sh as root (Debian: apt-get install chromium)");

    private final Path browser;

    private Chromium(Path browser) {
        this.browser = browser;
    }

    /** The browser, or the calling test is skipped (aborted) with a clear message. */
    public static Chromium require() {
        return new Chromium(PROGRAM.require());
    }

    /** The DOM of a page after Chromium loaded it, as HTML. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dom-", ".html");
        try {
            run(out, List.of("--dump-dom", page.toUri().toString()));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Prints a page to PDF as a browser's "print to PDF" does (the page's own {@code @page} size). */
    public byte[] printToPdf(Path page) throws IOException, InterruptedException {
        Path pdf = Files.createTempFile("print-", ".pdf");
        try {
            run(null, List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString()));
            return Files.readAllBytes(pdf);
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    /** Takes a PNG screenshot of a page in a window of the given size. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(null, List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
    }

    /** The page sizes of a PDF in points (width, height), one per page. */
    public static List<double[]> pageSizes(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        List<double[]> sizes = new ArrayList<>();
        Matcher m = MEDIA_BOX.matcher(text);
        while (m.find()) {
            sizes.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return sizes;
    }

    private void run(Path stdout, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = builder.start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 90 s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + command);
            }
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
