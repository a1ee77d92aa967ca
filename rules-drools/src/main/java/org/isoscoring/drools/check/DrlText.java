package org.isoscoring.drools.check;

import org.isoscoring.drools.*;

/** Positions in a rule file's text, and the text with comments and string literals blanked out. */
public final class DrlText {

    private final String text;
    private final String code;

    /**
     * Reads a rule file's text.
     *
     * @param text the rule file's text as written
     */
    public DrlText(String text) {
        this.text = text;
        this.code = blank(text);
    }

    /**
     * The text as written.
     *
     * @return the rule file's text
     */
    public String text() {
        return text;
    }

    /**
     * The text with comments and the insides of string literals replaced by spaces (same length, same lines).
     *
     * @return the blanked text, in which a word found is code
     */
    public String code() {
        return code;
    }

    /**
     * Line (from 1) of a character offset.
     *
     * @param offset an index into the text (or into {@link #code()}, which has the same places)
     * @return the line the offset is on, from 1
     */
    public int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Column (from 1) of a character offset.
     *
     * @param offset an index into the text (or into {@link #code()}, which has the same places)
     * @return the column of the offset on its line, from 1
     */
    public int column(int offset) {
        int start = text.lastIndexOf('\n', Math.max(0, offset - 1));
        return offset - start;
    }

    private static String blank(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                while (i < s.length() && !(s.charAt(i) == '*' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                    if (s.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < s.length(); k++) {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        out.setCharAt(i++, ' ');
                    }
                    out.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
