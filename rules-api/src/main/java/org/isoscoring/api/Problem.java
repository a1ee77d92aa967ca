package org.isoscoring.api;

import java.util.Objects;

/**
 * One thing wrong with a request: where it is, and what is wrong.
 *
 * @param place   the place in the request, as a JSON path without the leading {@code $.}, for example
 *                {@code assessments[3].facts.staffTrained}; empty for the document as a whole
 * @param message what is wrong, in plain language
 */
public record Problem(String place, String message) {

    public Problem {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /** The problem as one line: {@code place: message}. */
    @Override
    public String toString() {
        return place.isEmpty() ? message : place + ": " + message;
    }
}
