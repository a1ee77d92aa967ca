package org.isoscoring.api;

import java.util.Objects;

/**
 * A text a guidance gives in Vietnamese and, where it gives one, in English: a title, a help text.
 *
 * @param vi the Vietnamese text
 * @param en the English text; the Vietnamese text when the guidance gives none
 */
public record Label(String vi, String en) {

    /**
     * Checks the components.
     *
     * @param vi the Vietnamese text
     * @param en the English text; the Vietnamese text when the guidance gives none
     * @throws NullPointerException when a required component is {@code null}
     */
    public Label {
        Objects.requireNonNull(vi, "vi");
        en = en == null ? vi : en;
    }

    /**
     * The text in English when {@code english}, else in Vietnamese.
     *
     * @param english {@code true} for English, {@code false} for Vietnamese
     * @return {@code en} or {@code vi}
     */
    public String text(boolean english) {
        return english ? en : vi;
    }
}
