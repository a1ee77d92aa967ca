package org.isoscoring.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a request: where it is, and what is wrong, in English and in Vietnamese.
 *
 * <p>Two problems are equal when their place and English message are: the Vietnamese message is a translation of
 * the same problem, so a caller or a test may compare the problems it expects by their English messages.
 *
 * @param place     the place in the request, as a JSON path without the leading {@code $.}, for example
 *                  {@code assessments[3].facts.staffTrained}; empty for the document as a whole. It is never
 *                  translated
 * @param message   what is wrong, in plain English
 * @param messageVi what is wrong, in plain Vietnamese (JSON field names and values stay as they are written)
 */
public record Problem(String place, String message, String messageVi) {

    /**
     * Checks the components.
     *
     * @param place     the place in the request, as a JSON path without the leading {@code $.}, for example
     *                  {@code assessments[3].facts.staffTrained}; empty for the document as a whole. It is never
     *                  translated
     * @param message   what is wrong, in plain English
     * @param messageVi what is wrong, in plain Vietnamese (JSON field names and values stay as they are written)
     * @throws NullPointerException when a required component is {@code null}
     */
    public Problem {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageVi, "messageVi");
    }

    /**
     * What is wrong, in English or in Vietnamese.
     *
     * @param english {@code true} for English, {@code false} for Vietnamese
     * @return {@code message} or {@code messageVi}
     */
    public String message(boolean english) {
        return english ? message : messageVi;
    }

    /**
     * The problem as one line in English or in Vietnamese: {@code place: message}. A JSON path is the same in both;
     * a place in the text of a document that is not JSON, {@code line 3, column 7}, reads {@code dòng 3, cột 7}.
     *
     * @param english {@code true} for English, {@code false} for Vietnamese
     * @return the line; the message alone when the place is empty
     */
    public String toString(boolean english) {
        if (!english) {
            Matcher m = LINE_COLUMN.matcher(place);
            if (m.matches()) {
                return "dòng " + m.group(1) + ", cột " + m.group(2) + ": " + messageVi;
            }
        }
        return line(message(english));
    }

    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");

    /** The problem as one line: {@code place: message} (English). */
    @Override
    public String toString() {
        return line(message);
    }

    private String line(String text) {
        return place.isEmpty() ? text : place + ": " + text;
    }

    /** Equal place and English message; the Vietnamese translation is not compared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Problem p && place.equals(p.place) && message.equals(p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(place, message);
    }
}
