package org.isoscoring.drools.check;

/**
 * A message in Vietnamese and in English, before it has a place: what the helpers of this package give, so that a
 * {@link org.isoscoring.api.Finding} gets each language from its source and no text is ever split.
 *
 * @param vi the Vietnamese message
 * @param en the English message
 */
public record Text(String vi, String en) {

    /** This text with a suffix in each language. */
    public Text plus(String vi, String en) {
        return new Text(this.vi + vi, this.en + en);
    }

    /** A finding with this text. */
    public org.isoscoring.api.Finding at(String file, int line, int column) {
        return new org.isoscoring.api.Finding(file, line, column, vi, en);
    }
}
