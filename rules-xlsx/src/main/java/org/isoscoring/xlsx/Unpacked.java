package org.isoscoring.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;

/**
 * A workbook's bytes, checked before anything parses them: that they are an .xlsx workbook at all (not an .xls, a
 * password-protected file, a CSV or text renamed, a damaged zip) and that every part unpacks within the limits of
 * {@link Workbooks} (a zip bomb), declares no document type (entity expansion, external entities) and has no run of
 * text or markup longer than {@link #MAX_RUN} bytes (a cell of megabytes). Every part is unpacked once here, counting,
 * with the same zip reader (commons-compress over the central directory) that the workbook reader then uses: what it
 * reads is what was checked.
 */
final class Unpacked {

    /** The longest run of bytes between two angle brackets in an XML part: a cell's text, or one tag. */
    static final int MAX_RUN = 1024 * 1024;

    private final byte[] bytes;

    private Unpacked(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The workbook in this stream, read to its end, checked. */
    static Unpacked of(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Workbooks.MAX_BYTES + 1);
        } catch (IOException e) {
            throw refused("cannot be read: " + e.getMessage(), "không đọc được: " + e.getMessage());
        }
        if (bytes.length > Workbooks.MAX_BYTES) {
            throw refused("the workbook is larger than " + mib(Workbooks.MAX_BYTES) + ", the limit",
                    "sổ tính lớn hơn giới hạn " + mib(Workbooks.MAX_BYTES));
        }
        kind(bytes);
        check(bytes);
        return new Unpacked(bytes);
    }

    /** A stream of the checked bytes, for the workbook reader. */
    InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }

    /** Refuses what is not an .xlsx workbook, by its first bytes. */
    private static void kind(byte[] bytes) {
        if (bytes.length == 0) {
            throw refused("the file is empty: an .xlsx workbook was expected", "tệp trống: cần một sổ tính .xlsx");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) { // an OLE2 compound file
            if (contains(bytes, "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE))) {
                throw refused("the workbook is protected by a password (encrypted): save it again without a "
                        + "password to open (File > Info > Protect Workbook), then score it",
                        "sổ tính được bảo vệ bằng mật khẩu (đã mã hoá): hãy lưu lại không đặt mật khẩu mở tệp, "
                                + "rồi chấm");
            }
            throw refused("this is an Excel 97-2003 workbook (.xls), which is not read: save it as an Excel "
                    + "workbook (.xlsx) and score that", "đây là sổ tính Excel 97-2003 (.xls), không đọc được: "
                    + "hãy lưu thành Excel Workbook (.xlsx) rồi chấm tệp đó");
        }
        if (!startsWith(bytes, 'P', 'K', 3, 4) && !startsWith(bytes, 'P', 'K', 5, 6)) {
            String what = text(bytes) ? " (it looks like text, a CSV perhaps, renamed .xlsx)" : "";
            String whatVi = text(bytes) ? " (trông như văn bản, có thể là tệp CSV đổi tên thành .xlsx)" : "";
            throw refused("not an .xlsx workbook" + what + ": open it in a spreadsheet application and save it as an "
                    + "Excel workbook (.xlsx)", "không phải sổ tính .xlsx" + whatVi + ": hãy mở bằng phần mềm bảng "
                    + "tính và lưu thành Excel Workbook (.xlsx)");
        }
    }

    /** Unpacks every part once, counting, and refuses the first that passes a limit. */
    private static void check(byte[] bytes) {
        try (ZipFile zip = open(bytes)) {
            long total = 0;
            int parts = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (++parts > Workbooks.MAX_PARTS) {
                    throw refused("the workbook has more than " + Workbooks.MAX_PARTS + " parts, the limit",
                            "sổ tính có hơn " + Workbooks.MAX_PARTS + " phần, quá giới hạn");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                Scan scan = isXml(name) ? new Scan() : null;
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (size > Workbooks.MAX_PART_BYTES || total > Workbooks.MAX_UNPACKED_BYTES) {
                            throw refused("the workbook unpacks to more than " + mib(size > Workbooks.MAX_PART_BYTES
                                    ? Workbooks.MAX_PART_BYTES : Workbooks.MAX_UNPACKED_BYTES) + (size
                                    > Workbooks.MAX_PART_BYTES ? " in its part " + name : "") + ", the limit (a zip bomb?)",
                                    "sổ tính giải nén ra hơn " + mib(size > Workbooks.MAX_PART_BYTES
                                            ? Workbooks.MAX_PART_BYTES : Workbooks.MAX_UNPACKED_BYTES)
                                            + (size > Workbooks.MAX_PART_BYTES ? " ở phần " + name : "")
                                            + ", quá giới hạn (một \"zip bomb\"?)");
                        }
                        if (scan != null) {
                            scan.feed(buffer, n, name);
                        }
                    }
                }
            }
            if (parts == 0) {
                throw refused("the zip archive is empty: not an .xlsx workbook", "tệp nén trống: không phải sổ tính .xlsx");
            }
        } catch (RequestRejectedException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw damaged(e);
        }
    }

    /** The zip archive's directory of parts, read; a file cut short or broken is refused as such. */
    private static ZipFile open(byte[] bytes) {
        try {
            return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException | RuntimeException e) {
            throw refused("the workbook is damaged: it starts as a zip archive, but its list of parts cannot be "
                    + "read (the file is cut short or broken): open it in a spreadsheet application and save it "
                    + "again", "sổ tính bị hỏng: tệp bắt đầu như một tệp nén zip nhưng không đọc được danh sách các "
                    + "phần (tệp bị cắt cụt hoặc hỏng): hãy mở bằng phần mềm bảng tính và lưu lại");
        }
    }

    /** The refusal of a file the zip or workbook reader cannot make sense of. */
    static RequestRejectedException damaged(Exception e) {
        return damaged(e, "");
    }

    /** A library's class names before a message ({@code com.fasterxml.aalto.WFCException: }). */
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "^(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*:\\s*");
    /** An XML parser's place in a part: {@code at [row,col {unknown-source}]: [1,10111]}. */
    private static final java.util.regex.Pattern XML_PLACE = java.util.regex.Pattern.compile(
            "\\s*at \\[row,col[^\\]]*]: \\[(\\d+),(\\d+)]");

    /**
     * The refusal of a file the zip or workbook reader cannot make sense of, at {@code place} (the sheet being read,
     * or empty): the reader's reason on one line, without its class names, and the line and column of the XML.
     */
    static RequestRejectedException damaged(Exception e, String place) {
        String why = e.getMessage() == null ? "" : e.getMessage();
        String at = "";
        String atVi = "";
        java.util.regex.Matcher m = XML_PLACE.matcher(why);
        if (m.find()) {
            at = ", line " + m.group(1) + ", column " + m.group(2) + " of its XML";
            atVi = ", dòng " + m.group(1) + ", cột " + m.group(2) + " của XML";
            why = why.substring(0, m.start());
        }
        for (String before = null; !why.equals(before); ) {
            before = why;
            why = CLASS_NAME.matcher(why).replaceFirst("");
        }
        why = why.replaceAll("\\s+", " ").strip();
        if (why.length() > 200) {
            why = why.substring(0, 200) + "…";
        }
        String detail = why.isEmpty() && at.isEmpty() ? "" : " (" + why + at + ")";
        String detailVi = why.isEmpty() && at.isEmpty() ? "" : " (" + why + atVi + ")";
        return new RequestRejectedException(List.of(new Problem(place, "the workbook is damaged and cannot be read"
                + detail + ": open it in a spreadsheet application and save it again", "sổ tính bị hỏng, không đọc "
                + "được" + detailVi + ": hãy mở bằng phần mềm bảng tính và lưu lại")));
    }

    private static boolean isXml(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
    }

    /** Watches an XML part go by: no document type declaration, no run between angle brackets over the limit. */
    private static final class Scan {
        private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ENTITY = "<!ENTITY".getBytes(StandardCharsets.US_ASCII);
        private int run;
        private int doctype;
        private int entity;

        void feed(byte[] buffer, int length, String part) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                if (b == '<' || b == '>') {
                    run = 0;
                } else if (++run > MAX_RUN) {
                    throw refused("the part " + part + " has a text or a tag longer than " + mib(MAX_RUN)
                            + ", the limit (a cell holds at most " + Workbooks.MAX_CELL_CHARACTERS + " characters)",
                            "phần " + part + " có một đoạn văn bản hoặc thẻ dài hơn " + mib(MAX_RUN)
                                    + ", quá giới hạn (một ô chứa tối đa " + Workbooks.MAX_CELL_CHARACTERS + " ký tự)");
                }
                if (b == 0) {
                    continue; // a part in UTF-16 or UTF-32: its declarations are matched by their ASCII bytes
                }
                doctype = match(DOCTYPE, doctype, b);
                entity = match(ENTITY, entity, b);
                if (doctype == DOCTYPE.length || entity == ENTITY.length) {
                    throw refused("the part " + part + " declares a document type or entities, which a workbook never "
                            + "needs and which are refused (entity expansion, external entities)", "phần " + part
                            + " khai báo kiểu tài liệu hoặc thực thể (entity), điều sổ tính không bao giờ cần, nên bị "
                            + "từ chối (mở rộng thực thể, thực thể bên ngoài)");
                }
            }
        }

        /** How much of {@code word} has been seen after {@code b}, case-insensitively. */
        private static int match(byte[] word, int seen, byte b) {
            byte upper = (byte) Character.toUpperCase((char) (b & 0xFF));
            if (upper == word[seen]) {
                return seen + 1;
            }
            return upper == word[0] ? 1 : 0;
        }
    }

    private static boolean startsWith(byte[] bytes, int... head) {
        if (bytes.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((bytes[i] & 0xFF) != head[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= bytes.length; i++) {
            for (int k = 0; k < word.length; k++) {
                if (bytes[i + k] != word[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the first bytes read as text (no control characters but tab, newline, return; UTF-8 allowed). */
    private static boolean text(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String mib(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }

    static RequestRejectedException refused(String message, String messageVi) {
        return new RequestRejectedException(List.of(new Problem("", message, messageVi)));
    }
}
