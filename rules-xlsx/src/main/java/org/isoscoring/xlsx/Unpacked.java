package org.isoscoring.xlsx;

import java.io.InputStream;

/** A workbook's bytes, checked against the limits before anything parses them (being written). */
final class Unpacked {
    private Unpacked() {
    }

    static Unpacked of(InputStream in) {
        throw new UnsupportedOperationException("not yet");
    }
}
