package org.isoscoring.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * FastExcel against Apache POI on the two workbook workloads of rules-xlsx (docs/bench-results/xlsx-libraries.md),
 * with synthetic workbooks of the real shape. Not JMH: each run is one cold JVM doing one thing once, as the
 * command line would, and prints one line: what, wall time, peak heap, live heap, file size and a checksum (the
 * same for every reader of the same file, so they all read everything). {@code scripts/xlsx-libraries.sh} runs
 * each several times under {@code -Xmx512m} and takes the medians.
 *
 * <pre>
 * java -Xmx512m -cp rules-bench/target/benchmarks.jar org.isoscoring.bench.XlsxLibraries prepare DIR
 * java -Xmx512m -cp ... XlsxLibraries read-fastexcel|read-poi-xssf|read-poi-sax FILE.xlsx
 * java -Xmx512m -cp ... XlsxLibraries read-json FILE.json
 * java -Xmx512m -cp ... XlsxLibraries write-fastexcel|write-fastexcel-shared|write-poi-sxssf OUT.xlsx
 * </pre>
 *
 * <p>Peak heap is the most heap in use, sampled every 2 ms (garbage counts until it is collected, so it grows
 * towards -Xmx when the collector has no reason to hurry); "live" is the most the heap held just after a
 * collection: closer to what the work needs, but with G1 a young collection leaves the old generation's garbage in
 * place, so it is an upper bound too. Both in MB.
 */
public final class XlsxLibraries {

    /** The data rows of a request workbook (a large province) and of the results' first sheet. */
    static final int ROWS = 22_000;
    /** The columns of a request workbook. */
    static final int COLUMNS = 45;
    /** The numeric columns of the results' first sheet. */
    static final int RESULT_COLUMNS = 60;
    /** The rows of the results' reasons sheet (one per assessment and criterion). */
    static final int REASONS = 1_000_000;
    static final String[] CHOICES = {"Đạt", "Không đạt", "Có", "Không", "Một phần"};
    static final LocalDate BASE = LocalDate.of(2024, 1, 1);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong PEAK = new AtomicLong();

    private XlsxLibraries() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: XlsxLibraries prepare DIR | read-fastexcel|read-poi-xssf|"
                    + "read-poi-sax FILE.xlsx | read-json FILE.json | write-fastexcel|write-fastexcel-shared|"
                    + "write-poi-sxssf OUT.xlsx");
        }
        watchCollections();
        Thread sampler = sampleHeap();
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        Object checksum = switch (args[0]) {
            case "prepare" -> prepare(file);
            case "read-fastexcel" -> readFastExcel(file);
            case "read-poi-xssf" -> readPoiXssf(file);
            case "read-poi-sax" -> readPoiSax(file);
            case "read-json" -> readJson(file);
            case "write-fastexcel" -> writeFastExcel(file, true);
            case "write-fastexcel-shared" -> writeFastExcel(file, false);
            case "write-poi-sxssf" -> writePoiSxssf(file);
            default -> throw new IllegalArgumentException("unknown: " + args[0]);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("%s\t%.2f s\tpeak %d MB\tlive %d MB\t%s\t%s%n", args[0], seconds, PEAK.get() >> 20,
                LIVE.get() >> 20, Files.isRegularFile(file) ? String.format("%.1f MB", Files.size(file) / 1e6) : "-",
                checksum);
    }

    /** The most heap in use, sampled every 2 ms (garbage included, until it is collected). */
    private static Thread sampleHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    break;
                }
            }
            PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The most heap in use right after any collection, from the collectors' notifications. */
    private static void watchCollections() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code")
                                && !e.getKey().contains("Compressed")) {
                            used += e.getValue().getUsed();
                        }
                    }
                    LIVE.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    // ----- the request workbook: 22,000 rows x 45 columns -----

    /** What column c of a request holds: 0 id, 1 district, 2 name (texts), 3 and 4 dates, then counts and choices. */
    static Object value(int row, int c) {
        return switch (c) {
            case 0 -> String.format("XA-%03d-%05d", row % 700, row);
            case 1 -> "HUYEN-" + (row % 700);
            case 2 -> "Xã Đông Hưng " + row;
            case 3, 4 -> BASE.plusDays((row * 7L + c) % 366);
            default -> c % 2 == 1 ? (Object) ((row * 31 + c * 17) % 500) : CHOICES[(row + c) % CHOICES.length];
        };
    }

    static String header(int c) {
        return switch (c) {
            case 0 -> "Mã xã";
            case 1 -> "Mã huyện";
            case 2 -> "Tên";
            case 3 -> "Ngày nộp";
            case 4 -> "Ngày chấm";
            default -> "TC" + c;
        };
    }

    /** The request workbook (by FastExcel) and the same rows as JSON objects. */
    static Object prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("request.xlsx")))) {
            Workbook wb = new Workbook(out, "iso-scoring-bench", "1.0");
            Worksheet ws = wb.newWorksheet("Hồ sơ");
            for (int c = 0; c < COLUMNS; c++) {
                ws.value(0, c, header(c));
            }
            for (int r = 1; r <= ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    Object v = value(r, c);
                    if (v instanceof String s) {
                        ws.value(r, c, s);
                    } else if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("dd/mm/yyyy").set();
                    } else {
                        ws.value(r, c, (Number) v);
                    }
                }
                if (r % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        ObjectMapper json = new ObjectMapper();
        try (JsonGenerator g = json.getFactory().createGenerator(dir.resolve("request.json").toFile(),
                JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter(); // indented, as the requests in docs/examples are
            g.writeStartObject();
            g.writeArrayFieldStart("rows");
            for (int r = 1; r <= ROWS; r++) {
                g.writeStartObject();
                for (int c = 0; c < COLUMNS; c++) {
                    Object v = value(r, c);
                    if (v instanceof Integer i) {
                        g.writeNumberField(header(c), i);
                    } else {
                        g.writeStringField(header(c), v.toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return "wrote " + dir.resolve("request.xlsx") + " and request.json";
    }

    /** What every reader adds up: cells, the sum of the counts, the choices "Đạt", the dates' days. */
    static final class Checksum {
        long cells;
        long counts;
        long passed;
        long days;

        void text(String s) {
            cells++;
            if ("Đạt".equals(s)) {
                passed++;
            }
        }

        void count(long n) {
            cells++;
            counts += n;
        }

        void date(LocalDate d) {
            cells++;
            days += d.toEpochDay();
        }

        @Override
        public String toString() {
            return "cells=" + cells + " counts=" + counts + " Đạt=" + passed + " days=" + days;
        }
    }

    static Checksum readFastExcel(Path file) throws IOException {
        Checksum sum = new Checksum();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
                var rows = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            it.next(); // the header
            while (it.hasNext()) {
                Row row = it.next();
                for (int c = 0; c < COLUMNS; c++) {
                    Cell cell = row.getCell(c);
                    if (c == 3 || c == 4) {
                        sum.date(cell.asDate().toLocalDate());
                    } else if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                        sum.count(cell.asNumber().longValueExact());
                    } else {
                        sum.text(cell.getText());
                    }
                }
            }
        }
        return sum;
    }

    static Checksum readPoiXssf(Path file) throws Exception {
        Checksum sum = new Checksum();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            var sheet = wb.getSheetAt(0);
            for (var row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                for (int c = 0; c < COLUMNS; c++) {
                    var cell = row.getCell(c);
                    if (cell.getCellType() == CellType.NUMERIC) {
                        if (DateUtil.isCellDateFormatted(cell)) {
                            sum.date(cell.getLocalDateTimeCellValue().toLocalDate());
                        } else {
                            sum.count((long) cell.getNumericCellValue());
                        }
                    } else {
                        sum.text(cell.getStringCellValue());
                    }
                }
            }
        }
        return sum;
    }

    /**
     * POI's streaming reader: XSSFReader and the SAX handler of the event API, which hands each cell over as the
     * text its format shows (a DataFormatter), so dates are read back from dd/mm/yyyy and counts from digits.
     */
    static Checksum readPoiSax(Path file) throws Exception {
        Checksum sum = new Checksum();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFSheetXMLHandler.SheetContentsHandler contents = new XSSFSheetXMLHandler.SheetContentsHandler() {
                int row;

                @Override
                public void startRow(int rowNum) {
                    row = rowNum;
                }

                @Override
                public void endRow(int rowNum) {
                }

                @Override
                public void cell(String ref, String text, XSSFComment comment) {
                    if (row == 0) {
                        return;
                    }
                    int c = column(ref);
                    if (c == 3 || c == 4) {
                        sum.date(LocalDate.parse(text, DAY));
                    } else if (c >= 5 && c % 2 == 1) {
                        sum.count(Long.parseLong(text));
                    } else {
                        sum.text(text);
                    }
                }
            };
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            XMLReader xml = factory.newSAXParser().getXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, contents, new DataFormatter(), false));
            Iterator<InputStream> sheets = reader.getSheetsData();
            try (InputStream sheet = sheets.next()) {
                xml.parse(new InputSource(sheet));
            }
        }
        return sum;
    }

    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (ref.charAt(i) - 'A' + 1);
        }
        return c - 1;
    }

    /** The same rows as JSON, read as a Jackson tree (as the command line reads a request). */
    static Checksum readJson(Path file) throws IOException {
        Checksum sum = new Checksum();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode row : root.get("rows")) {
            for (int c = 0; c < COLUMNS; c++) {
                JsonNode v = row.get(header(c));
                if (c == 3 || c == 4) {
                    sum.date(LocalDate.parse(v.asText()));
                } else if (v.isNumber()) {
                    sum.count(v.asLong());
                } else {
                    sum.text(v.asText());
                }
            }
        }
        return sum;
    }

    // ----- the results workbook: 22,000 rows x 60 numbers, and 1,000,000 reasons x 7 columns -----

    static double score(int row, int c) {
        return ((row * 131L + c * 7L) % 1000) / 10.0;
    }

    static final String[] CRITERIA = {"1.1", "1.2", "2.1", "2.3", "3.2", "4.1", "5.4"};
    static final String[] RATINGS = {"Đạt", "Không đạt", "Một phần"};

    /** The commune of reason row r: 22,000 communes of 46 rows each (one per criterion), as in a real result. */
    static String agency(int r) {
        return String.format("XA-%05d", r / 46);
    }

    /** A reason of about 120 characters, different on every row. */
    static String reason(int row) {
        return "Xã XA-" + (row % 700) + "-" + row + ": tiêu chí " + CRITERIA[row % CRITERIA.length]
                + " được " + (row % 10) + "/10 điểm vì hồ sơ minh chứng thiếu biên bản họp và báo cáo kết quả thực hiện";
    }

    static long writeFastExcel(Path out, boolean inline) throws IOException {
        long cells = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            Workbook wb = new Workbook(os, "iso-scoring-bench", "1.0");
            Worksheet scores = wb.newWorksheet("Kết quả");
            for (int c = 0; c < RESULT_COLUMNS; c++) {
                scores.value(0, c, "TC" + c);
            }
            for (int r = 1; r <= ROWS; r++) {
                for (int c = 0; c < RESULT_COLUMNS; c++) {
                    scores.value(r, c, score(r, c));
                    cells++;
                }
                if (r % 1000 == 0) {
                    scores.flush();
                }
            }
            scores.finish();
            Worksheet reasons = wb.newWorksheet("Lý do");
            String[] head = {"Mã xã", "Tiêu chí", "Kết quả", "Điểm", "Tối đa", "Chênh lệch", "Lý do"};
            for (int c = 0; c < head.length; c++) {
                reasons.value(0, c, head[c]);
            }
            for (int r = 1; r <= REASONS; r++) {
                reasons.value(r, 0, agency(r));
                reasons.value(r, 1, CRITERIA[r % CRITERIA.length]);
                reasons.value(r, 2, RATINGS[r % RATINGS.length]);
                reasons.value(r, 3, r % 10);
                reasons.value(r, 4, 10);
                reasons.value(r, 5, (r % 10) - 10);
                if (inline) {
                    reasons.inlineString(r, 6, reason(r));
                } else {
                    reasons.value(r, 6, reason(r));
                }
                cells += 7;
                if (r % 1000 == 0) {
                    reasons.flush();
                }
            }
            reasons.finish();
            wb.finish();
        }
        return cells;
    }

    static long writePoiSxssf(Path out) throws IOException {
        long cells = 0;
        SXSSFWorkbook wb = new SXSSFWorkbook(100); // 100 rows in memory; strings inline (the default)
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            SXSSFSheet scores = wb.createSheet("Kết quả");
            SXSSFRow header = scores.createRow(0);
            for (int c = 0; c < RESULT_COLUMNS; c++) {
                header.createCell(c).setCellValue("TC" + c);
            }
            for (int r = 1; r <= ROWS; r++) {
                SXSSFRow row = scores.createRow(r);
                for (int c = 0; c < RESULT_COLUMNS; c++) {
                    row.createCell(c).setCellValue(score(r, c));
                    cells++;
                }
            }
            SXSSFSheet reasons = wb.createSheet("Lý do");
            String[] head = {"Mã xã", "Tiêu chí", "Kết quả", "Điểm", "Tối đa", "Chênh lệch", "Lý do"};
            SXSSFRow h = reasons.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            for (int r = 1; r <= REASONS; r++) {
                SXSSFRow row = reasons.createRow(r);
                row.createCell(0).setCellValue(agency(r));
                row.createCell(1).setCellValue(CRITERIA[r % CRITERIA.length]);
                row.createCell(2).setCellValue(RATINGS[r % RATINGS.length]);
                row.createCell(3).setCellValue(r % 10);
                row.createCell(4).setCellValue(10);
                row.createCell(5).setCellValue((r % 10) - 10);
                row.createCell(6).setCellValue(reason(r));
                cells += 7;
            }
            wb.write(os);
        } finally {
            wb.close(); // deletes the temporary files (dispose() in POI before 5.4)
        }
        return cells;
    }
}
