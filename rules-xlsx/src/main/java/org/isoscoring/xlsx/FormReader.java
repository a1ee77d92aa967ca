package org.isoscoring.xlsx;

import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringRequest;

/** Reads a request from a data-entry workbook (being written). */
final class FormReader {
    private FormReader() {
    }

    static ScoringRequest read(Unpacked workbook, ScoringEngine engine) {
        throw new UnsupportedOperationException("not yet");
    }
}
