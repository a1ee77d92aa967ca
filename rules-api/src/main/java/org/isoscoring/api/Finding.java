package org.isoscoring.api;

import java.util.Objects;

/**
 * One problem of a guidance's files, where it is and what is wrong in Vietnamese and in English:
 * {@code 07-dossier-handling.drl:42:17: …}. {@link GuidanceTools#check} gives them, and a {@link RulesException}
 * carries them.
 *
 * <p>The messages are written in each language at their source; where the text comes from a tool that speaks only
 * English (the Drools compiler, a JSON parser), the Vietnamese message is a Vietnamese lead-in followed by that
 * English detail. A defect found while scoring (a sub-criterion without an award, rules that loop) has no file:
 * its file is {@code ""}, its line and column 0, and both messages are the one text the engine wrote.
 *
 * @param file      the file's name in the guidance folder ({@code guidance.json}, {@code 07-dossier-handling.drl}),
 *                  the folder itself when the problem is the whole folder, or {@code ""} when no file is known
 * @param line      the line, from 1; 0 when the problem is the whole file or the line is unknown
 * @param column    the column, from 1; 0 when unknown
 * @param messageVi what is wrong, in Vietnamese
 * @param messageEn what is wrong, in English
 */
public record Finding(String file, int line, int column, String messageVi, String messageEn) {

    /**
     * Checks the components.
     *
     * @param file      the file's name in the guidance folder, the folder itself, or {@code ""}
     * @param line      the line, from 1; 0 when the problem is the whole file or the line is unknown
     * @param column    the column, from 1; 0 when unknown
     * @param messageVi what is wrong, in Vietnamese
     * @param messageEn what is wrong, in English
     * @throws NullPointerException     when {@code file} or a message is {@code null}
     * @throws IllegalArgumentException when {@code line} or {@code column} is negative
     */
    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 0 or more, not " + line + ":" + column);
        }
    }

    /**
     * What is wrong, in English or in Vietnamese.
     *
     * @param english {@code true} for English, {@code false} for Vietnamese
     * @return the message in that language
     */
    public String message(boolean english) {
        return english ? messageEn : messageVi;
    }

    /**
     * Where it is, the same in both languages (an editor jumps to it).
     *
     * @return {@code file:line:column}
     */
    public String place() {
        return file + ":" + line + ":" + column;
    }

    /**
     * The finding as one line in one language.
     *
     * @param english {@code true} for English, {@code false} for Vietnamese
     * @return {@code file:line:column: message}
     */
    public String toString(boolean english) {
        return place() + ": " + message(english);
    }

    /**
     * The finding as one line in both languages, as {@code check} prints it: {@code file:line:column: vi / en}, or
     * {@code file:line:column: message} when the two messages are the same text.
     */
    @Override
    public String toString() {
        return place() + ": " + messages();
    }

    /**
     * Both messages as one text.
     *
     * @return {@code vi / en}, or the one text when they are the same
     */
    public String messages() {
        return messageVi.equals(messageEn) ? messageVi : messageVi + " / " + messageEn;
    }
}
