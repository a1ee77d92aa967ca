package org.isoscoring.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/**
 * Spreadsheets in and out (.xlsx, Office Open XML): the data-entry workbook of a guidance, a request read from such a
 * workbook, and the results workbook of a scored request.
 *
 * <pre>{@code
 * ScoringEngine engine = ScoringEngine.create();
 * ScoringRequest request = Workbooks.readRequest(upload, engine);   // RequestRejectedException: every problem, at its cell
 * ScoringResult result = engine.evaluate(request);
 * Workbooks.writeResults(request, result, engine.guidanceFor(request.guidance(), request.year()), false, out);
 * }</pre>
 *
 * <p>A workbook is read by the same checks as JSON ({@link org.isoscoring.api.RequestChecks}); each problem is placed
 * at its sheet and cell, with the fact it holds: {@code Phiếu chấm!F12 (staffTrained)}. A file that is not a
 * workbook, or that passes one of the limits below, is refused before any of it is parsed. Nothing here throws a
 * FastExcel type.
 */
public final class Workbooks {

    /** The largest workbook read, in bytes as stored (the national request is about 2 MB). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The most bytes any one part of a workbook (a sheet, the shared strings) may unpack to. */
    public static final long MAX_PART_BYTES = 256L * 1024 * 1024;
    /** The most bytes all the parts of a workbook together may unpack to. */
    public static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
    /** The most parts (files inside the zip) a workbook may have. */
    public static final int MAX_PARTS = 1_000;
    /** The most rows with a value a sheet may have (the national request has 22,000 assessments). */
    public static final int MAX_ROWS = 200_000;
    /**
     * The most cells with a value the sheets of agencies and assessments may hold together (the national request has
     * about 900,000: 22,000 assessments of 41 columns); the rows are kept in memory while they are read.
     */
    public static final int MAX_CELLS = 2_000_000;
    /** The most problems a rejected workbook lists: the rest are counted out, not listed. */
    public static final int MAX_PROBLEMS = 1_000;
    /** The longest text a cell may hold, in characters. */
    public static final int MAX_CELL_CHARACTERS = 10_000;

    private Workbooks() {
    }

    /**
     * Whether a file is to be read as a workbook: its name ends in {@code .xlsx} or {@code .xls}, or it starts as a
     * zip archive or an OLE2 compound file (an .xls, a password-protected workbook) does: these are refused with what
     * they are. Anything else is read as JSON.
     *
     * @param file the file given to read a request from; it need not exist when its name says what it is
     * @return {@code true} to read it as a workbook, {@code false} to read it as JSON (also when it cannot be read)
     */
    public static boolean isWorkbook(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4
                    || (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11
                    && (head[3] & 0xFF) == 0xE0);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a request from a workbook file made by {@link #writeForm} (or by hand in its layout), by the vocabulary of
     * the guidance of {@code engine} that scores it, as {@link org.isoscoring.api.ScoringJson#readRequest(Path,
     * ScoringEngine)} reads JSON.
     *
     * @param file   the workbook file
     * @param engine the engine that scores the request: its guidance for the guidance and year the workbook
     *               names gives the vocabulary the cells are read by
     * @return the request, checked as a JSON one is
     * @throws RequestRejectedException with every problem found, each at its sheet and cell; or the one limit passed;
     *                                  also when the file is a directory, is missing or cannot be read
     */
    public static ScoringRequest readRequest(Path file, ScoringEngine engine) {
        if (Files.isDirectory(file)) {
            throw new RequestRejectedException(List.of(new Problem(file.toString(), "is a directory, not a file",
                    "là một thư mục, không phải tệp")));
        }
        if (!Files.isReadable(file)) {
            throw new RequestRejectedException(List.of(new Problem(file.toString(), "no such file, or not readable",
                    "không có tệp này, hoặc không đọc được")));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readRequest(in, engine);
        } catch (IOException e) {
            throw new RequestRejectedException(List.of(new Problem(file.toString(), "cannot be read: " + e.getMessage(),
                    "không đọc được: " + e.getMessage())));
        }
    }

    /**
     * Reads a request from a workbook (an upload); the stream is read to its end (at most {@link #MAX_BYTES}) but not
     * closed.
     *
     * @param workbook the workbook's bytes
     * @param engine   the engine that scores the request: its guidance for the guidance and year the workbook
     *                 names gives the vocabulary the cells are read by
     * @return the request, checked as a JSON one is
     * @throws RequestRejectedException with every problem found, each at its sheet and cell; or the one limit passed
     */
    public static ScoringRequest readRequest(InputStream workbook, ScoringEngine engine) {
        return FormReader.read(Unpacked.of(workbook), engine);
    }

    /**
     * Writes the data-entry workbook of a guidance: a sheet that explains the form (with the guidance and the year), a
     * sheet of agencies, a sheet of assessments with one column per fact, and the lists its drop-downs offer; filled
     * in from {@code request} when it is not {@code null}. The stream is not closed.
     *
     * @param guidance the guidance whose vocabulary gives the sheets, columns and drop-down lists
     * @param request  the request to fill the form with; {@code null} for an empty form
     * @param year     the assessed year written in the form when there is no request; {@code null} for the
     *                 guidance's first
     * @param english  the form in English instead of Vietnamese
     * @param out      where the workbook is written
     * @throws UncheckedIOException if the stream fails
     */
    public static void writeForm(GuidanceInfo guidance, ScoringRequest request, Integer year, boolean english,
                                 OutputStream out) {
        try {
            new FormWriter(guidance, FormLayout.of(guidance.vocabulary(), english)).write(request, year, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the form", e);
        }
    }

    /**
     * Writes the results workbook of a scored request: the ranking, one row per assessment with every sub-criterion's
     * points, the reasons, the figures of each group the guidance declares, stamped with the guidance and its rules'
     * hash. The stream is not closed.
     *
     * @param request  the scored request
     * @param result   its result, from {@link ScoringEngine#evaluate}
     * @param guidance the guidance that scored it, as {@link ScoringEngine#guidanceFor} gives it
     * @param english  the workbook in English instead of Vietnamese
     * @param out      where the workbook is written
     * @throws UncheckedIOException if the stream fails
     */
    public static void writeResults(ScoringRequest request, ScoringResult result, GuidanceInfo guidance,
                                    boolean english, OutputStream out) {
        try {
            new ResultsWorkbook(request, result, guidance, english).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results workbook", e);
        }
    }
}
