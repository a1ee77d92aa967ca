package org.isoscoring.tests.support;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.isoscoring.api.Facts;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestChecks;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;

/**
 * Requests in and out of JSON, and their checks, with the bundled guidances: reading a request needs the vocabulary
 * of the guidance that scores it ({@link ScoringEngine#guidanceFor}), writing one and checking one too.
 */
public final class Requests {

    /** One engine of the bundled guidances, shared by the tests that only read, write and check requests. */
    public static final ScoringEngine ENGINE = ScoringEngine.create();

    /** The bundled guidance of SCORING.md. */
    public static final String GUIDANCE = "bac-giang-2022";

    private Requests() {
    }

    /** The bundled guidance {@code bac-giang-2022}. */
    public static GuidanceInfo bacGiang2022() {
        return ENGINE.guidanceFor(GUIDANCE, 2022);
    }

    /** The guidance that scores this request (the one it names, or the one of its year). */
    public static GuidanceInfo guidanceOf(ScoringRequest request) {
        return ENGINE.guidanceFor(request.guidance(), request.year());
    }

    /** A request read from its JSON text. */
    public static ScoringRequest read(String json) {
        return ScoringJson.readRequest(json, ENGINE);
    }

    /** A request read from a stream of UTF-8 JSON. */
    public static ScoringRequest read(InputStream json) {
        return ScoringJson.readRequest(json, ENGINE);
    }

    /** A request read from a JSON file. */
    public static ScoringRequest read(Path file) {
        return ScoringJson.readRequest(file, ENGINE);
    }

    /** The request as FORMAT.md JSON, written with the guidance that scores it. */
    public static String write(ScoringRequest request) {
        return ScoringJson.writeRequest(request, guidanceOf(request));
    }

    /** The problems of a request under the guidance that scores it. */
    public static List<Problem> problems(ScoringRequest request) {
        return RequestChecks.problems(request, guidanceOf(request));
    }

    /**
     * A district's {@code communeScoring} record (FORMAT.md): the communes it scored on site, the day it sent its
     * results (or {@code null}) and the province's deadline.
     */
    public static Facts communeScoring(List<String> onSiteCommunes, LocalDate resultsSentOn,
                                       LocalDate resultsDeadline) {
        return Facts.builder().set("onSiteCommunes", onSiteCommunes).set("resultsSentOn", resultsSentOn)
                .set("resultsDeadline", resultsDeadline).build();
    }
}
