package org.isoscoring.xlsx;

import org.isoscoring.api.Vocabulary;

/** The sheets and columns of a guidance's data-entry workbook (being written). */
final class FormLayout {
    private FormLayout() {
    }

    static FormLayout of(Vocabulary vocabulary, boolean english) {
        return new FormLayout();
    }
}
