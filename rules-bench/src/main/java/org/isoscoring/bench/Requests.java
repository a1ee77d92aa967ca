package org.isoscoring.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.cli.Main;
import org.isoscoring.examples.ExampleProvinces;

/**
 * The requests the benchmarks score, made by the deterministic generator of the command line's
 * {@code iso-scoring generate-example} ({@link ExampleProvinces}): the same arguments give the same request on any
 * machine.
 */
public final class Requests {

    /** The engine that reads and writes the requests: their vocabulary is the guidance's that scores them. */
    private static final ScoringEngine ENGINE = ScoringEngine.create();

    /** Assessments of one generated district of 15 communes: its own, 5 on site, 2 appraised, 10 self-assessed. */
    public static final int PER_DISTRICT = 18;

    private Requests() {
    }

    /** The request of {@code iso-scoring generate-example ARGS}, as JSON text. */
    public static String json(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "generate-example";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Main.run(command, new PrintWriter(out), new PrintWriter(err));
        if (status != 0) {
            throw new IllegalStateException("generate-example failed: " + err);
        }
        return out.toString();
    }

    /** The example province of docs/examples/bac-giang-2022.json (293 assessments). */
    public static ScoringRequest example() {
        return read(json());
    }

    /** A request read from its JSON, with the vocabulary of the guidance that scores it. */
    public static ScoringRequest read(String json) {
        return ScoringJson.readRequest(json, ENGINE);
    }

    /** A request as JSON, written with the guidance that scores it. */
    public static String write(ScoringRequest request) {
        return ScoringJson.writeRequest(request, guidanceOf(request));
    }

    /** The guidance that scores a request. */
    public static GuidanceInfo guidanceOf(ScoringRequest request) {
        return ENGINE.guidanceFor(request.guidance(), request.year());
    }

    /**
     * A national-size request of {@code districts} districts of 15 communes, seed 2022: the request of
     * {@code generate-example --districts N}, made without JSON (100,000 assessments are above the input limit).
     */
    public static ScoringRequest national(int districts) {
        return ExampleProvinces.national(districts, 15, 2022);
    }

    /**
     * A request of about {@code target} assessments: one department's appraisal for 1, otherwise
     * {@code round(target / 18)} generated districts.
     */
    public static ScoringRequest ofSize(int target) {
        if (target == 1) {
            ScoringRequest example = example();
            var department = example.agencies().stream().filter(a -> a.kind().equals("DEPARTMENT")).findFirst()
                    .orElseThrow();
            Assessment appraisal = example.assessments().stream()
                    .filter(a -> a.agency().equals(department.id()) && a.assessor().equals("PROVINCE")).findFirst()
                    .orElseThrow();
            return new ScoringRequest(example.guidance(), example.year(), List.of(department), List.of(appraisal));
        }
        return national(Math.max(1, Math.round(target / (float) PER_DISTRICT)));
    }

    /** Fails unless the request has the number of assessments a benchmark divides by. */
    static ScoringRequest expect(ScoringRequest request, int assessments) {
        if (request.assessments().size() != assessments) {
            throw new IllegalStateException("the generator made " + request.assessments().size()
                    + " assessments, the benchmark expects " + assessments);
        }
        return request;
    }
}
