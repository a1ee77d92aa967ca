package org.isoscoring.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringRequest;

/** Writes the data-entry workbook (being written). */
final class FormWriter {
    FormWriter(GuidanceInfo guidance, FormLayout layout) {
    }

    void write(ScoringRequest request, Integer year, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
