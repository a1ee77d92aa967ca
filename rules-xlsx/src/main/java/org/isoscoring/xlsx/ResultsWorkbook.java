package org.isoscoring.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

/** The results workbook of a scored request (being written). */
final class ResultsWorkbook {

    ResultsWorkbook(ScoringRequest request, ScoringResult result, GuidanceInfo guidance, boolean english) {
    }

    void write(OutputStream out) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
