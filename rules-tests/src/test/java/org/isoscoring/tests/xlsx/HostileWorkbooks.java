package org.isoscoring.tests.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.xlsx.Workbooks;

/**
 * Makes hostile workbooks: each starts from a genuine data-entry form of {@code bac-giang-2022} (the example request,
 * written by {@link Workbooks#writeForm}) whose zip parts are then edited with {@code java.util.zip}, or is a file that
 * is no workbook at all. The large ones (a zip bomb, a million rows) are written streaming: neither the maker nor the
 * file holds what the parts unpack to.
 *
 * <p>The cells edited: {@value #AGENCY_NAME} (the name of the first agency, a text) and {@value #FACT_CELL} (the first
 * assessment's first count, {@code documentsIssued} of {@code VP-UBND}).
 *
 * <p>Run {@link #main} to make them all in a folder ({@code scripts/hostile-workbooks.sh}); docs/hostile-workbooks.md
 * lists them with what the refusal says.
 */
public final class HostileWorkbooks {

    /** The sheet of agencies, the sheet of assessments, and the about sheet, as the writer names their parts. */
    static final String ABOUT = "xl/worksheets/sheet1.xml";
    static final String AGENCIES = "xl/worksheets/sheet2.xml";
    static final String ASSESSMENTS = "xl/worksheets/sheet3.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    /** The cell of the first agency's name, on the sheet "Cơ quan". */
    static final String AGENCY_NAME = "B3";
    /** The cell of the first assessment's first count, on the sheet "Phiếu chấm". */
    static final String FACT_CELL = "F3";

    private static final int MIB = 1024 * 1024;

    /** One hostile file: its name in the folder, what it is, and how it is made. */
    public record Hostile(String file, String what, Maker maker) {
    }

    /** Makes one hostile file at the given path. */
    @FunctionalInterface
    public interface Maker {
        void make(Path file) throws IOException;
    }

    /** Every hostile file, in the order of docs/hostile-workbooks.md. */
    public static final List<Hostile> ALL = List.of(
            new Hostile("zip-bomb-one-part.xlsx", "a sheet that unpacks to 300 MiB (of empty tags), 300 KiB stored",
                    HostileWorkbooks::zipBombOnePart),
            new Hostile("zip-bomb-all-parts.xlsx", "three extra parts of 200 MiB of zeros each, 600 MiB in all",
                    HostileWorkbooks::zipBombAllParts),
            new Hostile("too-many-parts.xlsx", "the form with 1,200 extra tiny parts", HostileWorkbooks::tooManyParts),
            new Hostile("larger-than-64-mib.xlsx", "the form with a stored part of 65 MiB: 65 MiB on disk",
                    HostileWorkbooks::tooLarge),
            new Hostile("xxe-shared-strings.xlsx", "xl/sharedStrings.xml declares an external entity "
                    + "(file:///etc/passwd) and uses it in a cell", HostileWorkbooks::xxeSharedStrings),
            new Hostile("xxe-sheet.xlsx", "the sheet \"Cơ quan\" declares an external entity (a URL) and uses it in a "
                    + "cell", HostileWorkbooks::xxeSheet),
            new Hostile("xxe-utf16.xlsx", "the external entity of xxe-shared-strings.xlsx, with xl/sharedStrings.xml "
                    + "encoded in UTF-16", HostileWorkbooks::xxeUtf16),
            new Hostile("billion-laughs.xlsx", "the sheet \"Phiếu chấm\" declares the nested entities of the "
                    + "\"billion laughs\" (10^9 \"lol\")", HostileWorkbooks::billionLaughs),
            new Hostile("million-rows.xlsx", "the sheet \"Phiếu chấm\" with 1,000,000 assessments (agency and "
                    + "assessor filled in)", HostileWorkbooks::millionRows),
            new Hostile("wide-rows.xlsx", "the sheet \"Phiếu chấm\" with 199,000 rows of 41 cells (8 million cells, "
                    + "under the limits of bytes and rows)", HostileWorkbooks::wideRows),
            new Hostile("many-problems.xlsx", "the sheet \"Phiếu chấm\" with 5,000 more assessments of an agency "
                    + "that does not exist, each with its facts missing", HostileWorkbooks::manyProblems),
            new Hostile("million-formatted-rows.xlsx", "the genuine form with 1,048,000 empty formatted rows "
                    + "after its data (a whole column formatted): not hostile, it is read",
                    HostileWorkbooks::millionFormattedRows),
            new Hostile("two-million-empty-rows.xlsx", "the sheet \"Phiếu chấm\" with 2,000,000 empty rows, more "
                    + "than a spreadsheet can have", HostileWorkbooks::twoMillionEmptyRows),
            new Hostile("megabytes-shared-string.xlsx", "the first agency's name, a shared string of 3 MiB",
                    HostileWorkbooks::megabytesSharedString),
            new Hostile("megabytes-inline-string.xlsx", "the first agency's name, an inline string of 3 MiB",
                    HostileWorkbooks::megabytesInlineString),
            new Hostile("megabytes-rich-text.xlsx", "the first agency's name, a shared string of 4 MiB in four "
                    + "formatted runs of 1,000,000 characters (each under the 1 MiB run)",
                    HostileWorkbooks::megabytesRichText),
            new Hostile("long-cell.xlsx", "the first agency's name, 20,000 characters (over the cell limit, under "
                    + "the 1 MiB run)", HostileWorkbooks::longCell),
            new Hostile("formula-with-value.xlsx", "the first assessment's first count (172) as the formula =2*2 "
                    + "with the saved value 172: not hostile, the saved value is read and the formula not computed",
                    HostileWorkbooks::formulaWithValue),
            new Hostile("formula-without-value.xlsx", "the first assessment's first count as the formula =170+2 "
                    + "with no saved value", HostileWorkbooks::formulaWithoutValue),
            new Hostile("error-cell.xlsx", "the first assessment's first count as the error value #DIV/0!",
                    HostileWorkbooks::errorCell),
            new Hostile("formula-error.xlsx", "the first assessment's first count as the formula =1/0 with its "
                    + "saved value #DIV/0!", HostileWorkbooks::formulaError),
            new Hostile("password-protected.xlsx", "an OLE2 compound file with the streams EncryptionInfo and "
                    + "EncryptedPackage, as Excel saves a workbook with a password to open",
                    HostileWorkbooks::passwordProtected),
            new Hostile("excel-97.xls", "an Excel 97-2003 workbook (an OLE2 compound file with a Workbook stream)",
                    HostileWorkbooks::excel97),
            new Hostile("excel-97-renamed.xlsx", "excel-97.xls renamed .xlsx", HostileWorkbooks::excel97),
            new Hostile("csv-renamed.xlsx", "a CSV file (UTF-8, Vietnamese) renamed .xlsx", HostileWorkbooks::csv),
            new Hostile("empty.xlsx", "a file of 0 bytes", HostileWorkbooks::empty),
            new Hostile("directory.xlsx", "a directory named .xlsx", Files::createDirectories),
            new Hostile("truncated.xlsx", "the first half of the genuine form", HostileWorkbooks::truncated),
            new Hostile("random-bytes.xlsx", "64 KiB of random bytes", HostileWorkbooks::randomBytes),
            new Hostile("random-after-zip-header.xlsx", "a zip's first four bytes (PK 3 4), then 64 KiB of random "
                    + "bytes", HostileWorkbooks::randomAfterZipHeader),
            new Hostile("flipped-bytes.xlsx", "the genuine form with 64 bytes in the middle of its compressed "
                    + "sheet \"Phiếu chấm\" overwritten", HostileWorkbooks::flippedBytes),
            new Hostile("empty-zip.xlsx", "a zip archive with no part", HostileWorkbooks::emptyZip),
            new Hostile("no-content-types.xlsx", "the genuine form without [Content_Types].xml",
                    f -> write(f, without("[Content_Types].xml"))),
            new Hostile("no-workbook-part.xlsx", "the genuine form without xl/workbook.xml",
                    f -> write(f, without("xl/workbook.xml"))),
            new Hostile("broken-sheet-xml.xlsx", "the sheet \"Phiếu chấm\" cut in the middle of a tag",
                    HostileWorkbooks::brokenSheet),
            new Hostile("not-a-form.xlsx", "a workbook with one sheet \"Sheet1\" and no sheet of the form",
                    HostileWorkbooks::notAForm));

    private HostileWorkbooks() {
    }

    /** Makes every hostile file in {@code args[0]} (default {@code target/hostile-workbooks}) and lists them. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/hostile-workbooks");
        Files.createDirectories(folder);
        for (Hostile h : ALL) {
            Path file = folder.resolve(h.file());
            long start = System.nanoTime();
            h.maker().make(file);
            System.out.printf("%-32s %6d ms  %s%n", h.file(), (System.nanoTime() - start) / 1_000_000, h.what());
        }
    }

    /** Makes the named hostile file in the folder; its path. */
    public static Path make(Path folder, String name) {
        Hostile h = ALL.stream().filter(x -> x.file().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
        Path file = folder.resolve(name);
        try {
            h.maker().make(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // ---------------------------------------------------------------- the genuine form and its parts

    private static Map<String, byte[]> genuine;

    /** The example request of bac-giang-2022 as read from docs/examples. */
    public static ScoringRequest example(ScoringEngine engine) {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path json = root.resolve("docs/examples/bac-giang-2022.json");
        if (!Files.exists(json)) {
            json = Path.of("docs/examples/bac-giang-2022.json");
        }
        return ScoringJson.readRequest(json, engine);
    }

    /** The genuine form's bytes: the data-entry workbook of bac-giang-2022 filled in from the example request. */
    public static synchronized byte[] genuineBytes() {
        ScoringEngine engine = ScoringEngine.create();
        ScoringRequest request = example(engine);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbooks.writeForm(engine.guidanceFor(request.guidance(), request.year()), request, null, false, out);
        return out.toByteArray();
    }

    /** The genuine form's parts, by name, in their order. */
    static synchronized Map<String, byte[]> parts() {
        if (genuine == null) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            try {
                // read by the central directory: the writer's entries have data descriptors ZipInputStream rejects
                Path form = Files.createTempFile("genuine-form", ".xlsx");
                try {
                    Files.write(form, genuineBytes());
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(form.toFile())) {
                        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                            try (java.io.InputStream in = zip.getInputStream(e)) {
                                parts.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                } finally {
                    Files.deleteIfExists(form);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            genuine = parts;
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        genuine.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** A part's content, written to the zip as it goes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the parts as a zip; a part is bytes or {@link Content}. */
    static void write(Path file, Map<String, ?> parts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED); // quick to make; a run of one byte still compresses a thousandfold
            for (Map.Entry<String, ?> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                if (part.getValue() instanceof byte[] bytes) {
                    zip.write(bytes);
                } else {
                    ((Content) part.getValue()).writeTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> without(String part) {
        Map<String, byte[]> parts = parts();
        parts.remove(part);
        return parts;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The genuine form with one part's text changed. */
    private static void edited(Path file, String part, Function<String, String> edit) throws IOException {
        Map<String, byte[]> parts = parts();
        String before = text(parts.get(part));
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException("the edit of " + part + " changed nothing");
        }
        parts.put(part, bytes(after));
        write(file, parts);
    }

    /** A sheet's XML with one cell (its whole {@code <c>} element) replaced. */
    private static String cell(String sheet, String ref, String replacement) {
        int start = sheet.indexOf("<c r=\"" + ref + "\"");
        if (start < 0) {
            throw new IllegalStateException("no cell " + ref);
        }
        int selfClosed = sheet.indexOf("/>", start);
        int close = sheet.indexOf("</c>", start);
        int end = selfClosed >= 0 && selfClosed < sheet.indexOf('>', start) + 1 ? selfClosed + 2 : close + 4;
        return sheet.substring(0, start) + replacement + sheet.substring(end);
    }

    /** A sheet with rows written after its last one, streaming, inside its {@code <sheetData>}. */
    private static Content rowsAppended(String sheet, RowWriter rows) {
        int end = sheet.indexOf("</sheetData>");
        String head = sheet.substring(0, end).replaceFirst("<dimension ref=\"[^\"]*\"/>", "");
        String tail = sheet.substring(end);
        return out -> {
            out.write(bytes(head));
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(nonClosing(out),
                    StandardCharsets.UTF_8), 1 << 16);
            rows.write(w);
            w.flush();
            out.write(bytes(tail));
        };
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(java.io.Writer w) throws IOException;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Writes {@code count} bytes repeating {@code pattern}. */
    private static Content repeated(String pattern, long count) {
        return out -> {
            byte[] unit = bytes(pattern);
            byte[] block = new byte[unit.length * (64 * 1024 / unit.length)];
            for (int i = 0; i < block.length; i++) {
                block[i] = unit[i % unit.length];
            }
            for (long left = count; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        };
    }

    // ---------------------------------------------------------------- zip bombs and sizes

    static void zipBombOnePart(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        String sheet = text((byte[]) parts.get(ASSESSMENTS));
        int data = sheet.indexOf("<sheetData>") + "<sheetData>".length();
        String head = sheet.substring(0, data);
        String tail = sheet.substring(data);
        Content bomb = repeated("<row/>", 300L * MIB);
        parts.put(ASSESSMENTS, (Content) out -> {
            out.write(bytes(head));
            bomb.writeTo(out);
            out.write(bytes(tail));
        });
        write(file, parts);
    }

    static void zipBombAllParts(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        for (int i = 1; i <= 3; i++) {
            parts.put("xl/media/image" + i + ".bin", repeated("\0", 200L * MIB));
        }
        write(file, parts);
    }

    static void tooManyParts(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        for (int i = 1; i <= 1_200; i++) {
            parts.put("xl/media/part" + i + ".bin", new byte[] {(byte) i});
        }
        write(file, parts);
    }

    static void tooLarge(Path file) throws IOException {
        Map<String, byte[]> parts = parts();
        try (ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            byte[] noise = new byte[(int) (65L * MIB)];
            new Random(65).nextBytes(noise);
            ZipEntry stored = new ZipEntry("xl/media/image1.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(noise.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(noise);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(noise);
            zip.closeEntry();
        }
    }

    // ---------------------------------------------------------------- entities

    private static final String XXE_FILE = "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    static void xxeSharedStrings(Path file) throws IOException {
        edited(file, SHARED_STRINGS, s -> s.replaceFirst("\\?>", "?>" + XXE_FILE)
                .replaceFirst("<si><t xml:space=\"preserve\">", "<si><t xml:space=\"preserve\">&xxe;"));
    }

    static void xxeSheet(Path file) throws IOException {
        edited(file, AGENCIES, s -> cell(s.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "
                        + "\"http://127.0.0.1:9/xxe\">]>"), AGENCY_NAME,
                "<c r=\"" + AGENCY_NAME + "\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"));
    }

    static void xxeUtf16(Path file) throws IOException {
        Map<String, byte[]> parts = parts();
        String s = text(parts.get(SHARED_STRINGS)).replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .replaceFirst("\\?>", "?>" + XXE_FILE)
                .replaceFirst("<si><t xml:space=\"preserve\">", "<si><t xml:space=\"preserve\">&xxe;");
        byte[] utf16 = s.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        parts.put(SHARED_STRINGS, withBom);
        write(file, parts);
    }

    static void billionLaughs(Path file) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        edited(file, ASSESSMENTS, s -> cell(s.replaceFirst("\\?>", "?>" + dtd), "A3",
                "<c r=\"A3\" t=\"inlineStr\"><is><t>&lol9;</t></is></c>"));
    }

    // ---------------------------------------------------------------- rows and cells

    static void millionRows(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        String sheet = text((byte[]) parts.get(ASSESSMENTS));
        int last = lastRow(sheet);
        parts.put(ASSESSMENTS, rowsAppended(sheet, w -> {
            for (int r = last + 1; r <= last + 1_000_000; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>VP-UBND</t></is></c>"
                        + "<c r=\"B" + r + "\" t=\"inlineStr\"><is><t>SELF</t></is></c></row>");
            }
        }));
        write(file, parts);
    }

    static void wideRows(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        String sheet = text((byte[]) parts.get(ASSESSMENTS));
        int last = lastRow(sheet);
        String[] columns = new String[39]; // beyond the form's columns (no key): read past, but counted as cells
        for (int c = 0; c < columns.length; c++) {
            int index = 60 + c;
            columns[c] = String.valueOf((char) ('A' + index / 26 - 1)) + (char) ('A' + index % 26);
        }
        parts.put(ASSESSMENTS, rowsAppended(sheet, w -> {
            for (int r = last + 1; r <= last + 199_000; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>VP-UBND</t></is></c>"
                        + "<c r=\"B" + r + "\" t=\"inlineStr\"><is><t>SELF</t></is></c>");
                for (String c : columns) {
                    w.write("<c r=\"" + c + r + "\"><v>" + r % 7 + "</v></c>");
                }
                w.write("</row>");
            }
        }));
        write(file, parts);
    }

    static void manyProblems(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        String sheet = text((byte[]) parts.get(ASSESSMENTS));
        int last = lastRow(sheet);
        parts.put(ASSESSMENTS, rowsAppended(sheet, w -> {
            for (int r = last + 1; r <= last + 5_000; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>KHONG-CO-" + r
                        + "</t></is></c><c r=\"B" + r + "\" t=\"inlineStr\"><is><t>SELF</t></is></c></row>");
            }
        }));
        write(file, parts);
    }

    static void millionFormattedRows(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        String sheet = text((byte[]) parts.get(ASSESSMENTS));
        int last = lastRow(sheet);
        parts.put(ASSESSMENTS, rowsAppended(sheet, w -> {
            for (int r = last + 1; r <= 1_048_000; r++) {
                w.write("<row r=\"" + r + "\" s=\"8\" customFormat=\"1\"/>");
            }
        }));
        write(file, parts);
    }

    static void twoMillionEmptyRows(Path file) throws IOException {
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        String sheet = text((byte[]) parts.get(ASSESSMENTS));
        int last = lastRow(sheet);
        parts.put(ASSESSMENTS, rowsAppended(sheet, w -> {
            for (int r = last + 1; r <= last + 2_000_000; r++) {
                w.write("<row r=\"" + r + "\"/>");
            }
        }));
        write(file, parts);
    }

    private static int lastRow(String sheet) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<row r=\"(\\d+)\"").matcher(sheet);
        int last = 0;
        while (m.find()) {
            last = Math.max(last, Integer.parseInt(m.group(1)));
        }
        return last;
    }

    /** The first agency's name as a new shared string, appended: its XML between {@code <si>} and {@code </si>}. */
    private static void agencyNameShared(Path file, String si) throws IOException {
        Map<String, byte[]> parts = parts();
        String strings = text(parts.get(SHARED_STRINGS));
        int index = strings.split("<si>", -1).length - 1;
        parts.put(SHARED_STRINGS, bytes(strings.replace("</sst>", "<si>" + si + "</si></sst>")));
        parts.put(AGENCIES, bytes(cell(text(parts.get(AGENCIES)), AGENCY_NAME,
                "<c r=\"" + AGENCY_NAME + "\" t=\"s\"><v>" + index + "</v></c>")));
        write(file, parts);
    }

    private static void agencyNameInline(Path file, String text) throws IOException {
        edited(file, AGENCIES, s -> cell(s, AGENCY_NAME, "<c r=\"" + AGENCY_NAME + "\" t=\"inlineStr\"><is><t>"
                + text + "</t></is></c>"));
    }

    static void megabytesSharedString(Path file) throws IOException {
        agencyNameShared(file, "<t>" + "Sở Nội vụ ".repeat(3 * MIB / 10) + "</t>");
    }

    static void megabytesInlineString(Path file) throws IOException {
        agencyNameInline(file, "Sở Nội vụ ".repeat(3 * MIB / 10));
    }

    static void megabytesRichText(Path file) throws IOException {
        String run = "<r><rPr><b/></rPr><t>" + "x".repeat(1_000_000) + "</t></r>";
        agencyNameShared(file, run.repeat(4));
    }

    static void longCell(Path file) throws IOException {
        agencyNameInline(file, "Sở Nội vụ ".repeat(2_000));
    }

    // ---------------------------------------------------------------- formulas and errors

    static void formulaWithValue(Path file) throws IOException {
        edited(file, ASSESSMENTS, s -> cell(s, FACT_CELL, "<c r=\"" + FACT_CELL + "\"><f>2*2</f><v>172</v></c>"));
    }

    static void formulaWithoutValue(Path file) throws IOException {
        edited(file, ASSESSMENTS, s -> cell(s, FACT_CELL, "<c r=\"" + FACT_CELL + "\"><f>170+2</f></c>"));
    }

    static void errorCell(Path file) throws IOException {
        edited(file, ASSESSMENTS, s -> cell(s, FACT_CELL, "<c r=\"" + FACT_CELL + "\" t=\"e\"><v>#DIV/0!</v></c>"));
    }

    static void formulaError(Path file) throws IOException {
        edited(file, ASSESSMENTS, s -> cell(s, FACT_CELL,
                "<c r=\"" + FACT_CELL + "\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"));
    }

    // ---------------------------------------------------------------- not a workbook

    static void passwordProtected(Path file) throws IOException {
        byte[] info = new byte[4096];
        byte[] xml = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><encryption xmlns="
                + "\"http://schemas.microsoft.com/office/2006/encryption\"><keyData saltSize=\"16\" blockSize=\"16\" "
                + "keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" "
                + "hashAlgorithm=\"SHA512\" saltValue=\"AAAAAAAAAAAAAAAAAAAAAA==\"/></encryption>");
        info[0] = 4; // version 4.4: agile encryption
        info[2] = 4;
        info[4] = 0x40;
        System.arraycopy(xml, 0, info, 8, xml.length);
        byte[] pack = new byte[4096];
        new Random(4).nextBytes(pack);
        Arrays.fill(pack, 0, 8, (byte) 0);
        pack[1] = 0x10; // the size of the encrypted package: 4096
        Files.write(file, compoundFile(new String[] {"EncryptionInfo", "EncryptedPackage"}, info, pack));
    }

    static void excel97(Path file) throws IOException {
        byte[] workbook = new byte[4096];
        // a BIFF8 BOF record (workbook globals), then EOF
        byte[] bof = {0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, (byte) 0xBB, 0x0D, (byte) 0xCC, 0x07, 0, 0, 0,
                0, 0x06, 0x03, 0, 0, 0x0A, 0x00, 0x00, 0x00};
        System.arraycopy(bof, 0, workbook, 0, bof.length);
        Files.write(file, compoundFile(new String[] {"Workbook"}, workbook));
    }

    /**
     * A minimal OLE2 compound file (version 3, 512-byte sectors): the header, one FAT sector, one directory sector
     * (the root and the streams, each a multiple of 4096 bytes so none is in the mini stream), then the streams.
     */
    static byte[] compoundFile(String[] names, byte[]... streams) {
        int sectors = 2;
        int[] first = new int[streams.length];
        for (int i = 0; i < streams.length; i++) {
            first[i] = sectors;
            sectors += streams[i].length / 512;
        }
        ByteBuffer out = ByteBuffer.allocate(512 * (1 + sectors)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        out.position(24);
        out.putShort((short) 0x3E).putShort((short) 3).putShort((short) 0xFFFE).putShort((short) 9)
                .putShort((short) 6);
        out.position(44);
        out.putInt(1).putInt(1).putInt(0).putInt(4096).putInt(-2).putInt(0).putInt(-2).putInt(0);
        out.putInt(0); // DIFAT[0]: the FAT is sector 0
        for (int i = 1; i < 109; i++) {
            out.putInt(-1);
        }
        // sector 0: the FAT
        int fat = 512;
        out.position(fat);
        out.putInt(-3).putInt(-2);
        for (int i = 0; i < streams.length; i++) {
            int n = streams[i].length / 512;
            for (int k = 0; k < n; k++) {
                out.putInt(k == n - 1 ? -2 : first[i] + k + 1);
            }
        }
        while (out.position() < fat + 512) {
            out.putInt(-1);
        }
        // sector 1: the directory: the root, then each stream, the second one the right sibling of the first
        int dir = 1024;
        entry(out, dir, "Root Entry", 5, -1, -1, 1, -2, 0);
        for (int i = 0; i < streams.length; i++) {
            entry(out, dir + 128 * (i + 1), names[i], 2, -1, i + 1 < streams.length ? i + 2 : -1, -1, first[i],
                    streams[i].length);
        }
        for (int i = 0; i < streams.length; i++) {
            out.position(512 * (1 + first[i]));
            out.put(streams[i]);
        }
        return out.array();
    }

    private static void entry(ByteBuffer out, int at, String name, int type, int left, int right, int child,
                              int start, int size) {
        out.position(at);
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        out.put(n);
        out.position(at + 64);
        out.putShort((short) (n.length + 2));
        out.put((byte) type).put((byte) 1);
        out.putInt(left).putInt(right).putInt(child);
        out.position(at + 116);
        out.putInt(start).putInt(size).putInt(0);
    }

    static void csv(Path file) throws IOException {
        Files.writeString(file, "Mã cơ quan,Tên cơ quan,Loại cơ quan\nVP-UBND,Văn phòng UBND tỉnh,Sở\n"
                + "SO-NV,Sở Nội vụ,Sở\n", StandardCharsets.UTF_8);
    }

    static void empty(Path file) throws IOException {
        Files.write(file, new byte[0]);
    }

    static void truncated(Path file) throws IOException {
        byte[] form = genuineBytes();
        Files.write(file, Arrays.copyOf(form, form.length / 2));
    }

    static void randomBytes(Path file) throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(1).nextBytes(noise);
        noise[0] = 0x01; // not a character of text, not a zip, not OLE2
        Files.write(file, noise);
    }

    static void randomAfterZipHeader(Path file) throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(2).nextBytes(noise);
        noise[0] = 'P';
        noise[1] = 'K';
        noise[2] = 3;
        noise[3] = 4;
        Files.write(file, noise);
    }

    static void flippedBytes(Path file) throws IOException {
        write(file, parts());
        byte[] form = Files.readAllBytes(file);
        // the sheet of assessments is the third part written; its compressed bytes are the largest stretch
        int at = indexOf(form, bytes(ASSESSMENTS)) + ASSESSMENTS.length();
        int middle = at + 20_000;
        for (int i = 0; i < 64; i++) {
            form[middle + i] = (byte) (form[middle + i] ^ 0x5A);
        }
        Files.write(file, form);
    }

    private static int indexOf(byte[] bytes, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= bytes.length; i++) {
            for (int k = 0; k < word.length; k++) {
                if (bytes[i + k] != word[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    static void emptyZip(Path file) throws IOException {
        write(file, Map.of());
    }

    static void brokenSheet(Path file) throws IOException {
        edited(file, ASSESSMENTS, s -> s.substring(0, s.indexOf("<row r=\"5\"") + 12));
    }

    static void notAForm(Path file) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName="
                + "\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.worksheet+xml\"/></Types>"));
        parts.put("_rels/.rels", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                + "xl/workbook.xml\"/></Relationships>"));
        parts.put("xl/workbook.xml", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://"
                + "schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\""
                + "worksheets/sheet1.xml\"/></Relationships>"));
        parts.put("xl/worksheets/sheet1.xml", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" "
                + "t=\"inlineStr\"><is><t>hello</t></is></c></row></sheetData></worksheet>"));
        write(file, parts);
    }
}
