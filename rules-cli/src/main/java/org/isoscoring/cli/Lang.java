package org.isoscoring.cli;

import java.util.Locale;
import org.isoscoring.api.Explanation;
import org.isoscoring.api.Label;
import org.isoscoring.api.Problem;
import org.isoscoring.api.Vocabulary;

/**
 * The language of what the tool writes: Vietnamese (the default of {@code evaluate} and {@code sample}), English,
 * or both side by side ("vi / en"), which the officers' commands print.
 */
enum Lang {
    VI, EN, BOTH;

    /** The language a {@code --lang} value names, or {@code null} for an unknown one. */
    static Lang parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "vi" -> VI;
            case "en" -> EN;
            case "both" -> BOTH;
            default -> null;
        };
    }

    /** A text in this language: the Vietnamese, the English, or {@code "vi / en"}. */
    String t(String vi, String en) {
        return switch (this) {
            case VI -> vi;
            case EN -> en;
            case BOTH -> vi + " / " + en;
        };
    }

    /**
     * A problem of a rejected request as one line: {@code place: message} in Vietnamese or English, or
     * {@code place: vi / en} when both.
     */
    String problem(Problem p) {
        return switch (this) {
            case VI -> p.toString(false);
            case EN -> p.toString(true);
            case BOTH -> p.place().isEmpty() ? t(p.messageVi(), p.message())
                    : p.place() + ": " + t(p.messageVi(), p.message());
        };
    }

    /** A command with a {@code --lang} option: Main prints the problems of a rejected request in its language. */
    interface Chosen {
        /** The language chosen: Vietnamese without {@code --lang} (or before the option is checked). */
        Lang language();
    }

    /**
     * The language a {@code --lang} value names: Vietnamese for none (the tool's language), {@code null} for an
     * unknown one.
     */
    static Lang option(String value) {
        return value == null ? VI : parse(value);
    }

    /** The language a {@code --lang} value names, Vietnamese for none or an unknown one (checked later). */
    static Lang orVietnamese(String value) {
        Lang chosen = value == null ? null : parse(value);
        return chosen == null ? VI : chosen;
    }

    /** The usage message of an unknown {@code --lang} value. */
    static String unknown(String value) {
        return "--lang: \"" + value + "\" is not a language; use vi (Vietnamese, the default), en (English) or both";
    }

    /** Whether reasons and titles are shown in English. */
    boolean english() {
        return this == EN;
    }

    /** The value of the HTML {@code lang} attribute. */
    String code() {
        return this == EN ? "en" : "vi";
    }

    /** The reason of an explanation in this language (Vietnamese when both). */
    String reason(Explanation e) {
        return e.reason(english());
    }

    /** A rating's name as the guidance writes it; both languages write the Vietnamese and the rating's id. */
    String rating(Vocabulary vocabulary, String id) {
        Label title = vocabulary.rating(id).map(Vocabulary.Rating::title).orElse(new Label(id, id));
        return this == BOTH ? title.vi() + " (" + id + ")" : title.text(english());
    }

    /** Who scored an assessment; both languages write the Vietnamese and the assessor's id. */
    String assessor(Vocabulary vocabulary, String id) {
        Label title = vocabulary.assessor(id).map(Vocabulary.Assessor::title).orElse(new Label(id, id));
        return this == BOTH ? title.vi() + " / " + id : title.text(english());
    }

    /** A kind of agency, as the guidance names it. */
    String kind(Vocabulary vocabulary, String id) {
        Label title = vocabulary.kind(id).map(Vocabulary.Kind::title).orElse(new Label(id, id));
        return t(title.vi(), title.en());
    }

    /** A text of the guidance ({@link Label}) in this language: the Vietnamese, the English, or "vi / en". */
    String label(Label label) {
        return label.vi().equals(label.en()) ? label.vi() : t(label.vi(), label.en());
    }
}
