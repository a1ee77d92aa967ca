package org.isoscoring.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.xlsx.Workbooks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the same request as JSON and as the data-entry workbook of its guidance (issue: a workbook reads in at most
 * twice the time of its JSON), warm, from bytes in memory: unpacking, parsing, the limits, every check of SCORING.md
 * §7. The national size is 22,000 assessments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class WorkbookReadBenchmark {

    private static final ScoringEngine ENGINE = ScoringEngine.create();

    @Param({"500", "5000", "22000"})
    public int size;

    private byte[] json;
    private byte[] workbook;

    @Setup(Level.Trial)
    public void setUp() {
        ScoringRequest request = Requests.ofSize(size);
        json = Requests.write(request).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbooks.writeForm(Requests.guidanceOf(request), request, null, false, out);
        workbook = out.toByteArray();
        if (!read(true).equals(read(false))) {
            throw new IllegalStateException("the workbook does not read as its JSON");
        }
    }

    private ScoringRequest read(boolean fromWorkbook) {
        return fromWorkbook ? Workbooks.readRequest(new ByteArrayInputStream(workbook), ENGINE)
                : ScoringJson.readRequest(new ByteArrayInputStream(json), ENGINE);
    }

    @Benchmark
    public ScoringRequest readJson() {
        return read(false);
    }

    @Benchmark
    public ScoringRequest readWorkbook() {
        return read(true);
    }
}
