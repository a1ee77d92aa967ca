package org.isoscoring.drools.check;

/**
 * A message in Vietnamese and in English, before it has a place: what the helpers of this package give, so that a
 * {@link org.isoscoring.api.Finding} gets each language from its source and no text is ever split.
 *
 * @param vi the Vietnamese message
 * @param en the English message
 */
public record Text(String vi, String en) {

    /**
     * This text with a suffix in each language.
     *
     * @param vi what is added to the Vietnamese message
     * @param en what is added to the English message
     * @return a new text
     */
    public Text plus(String vi, String en) {
        return new Text(this.vi + vi, this.en + en);
    }

    /**
     * A finding with this text.
     *
     * @param file the file the finding is in, for example {@code facts.json}; {@code ""} for none
     * @param line the line, from 1; {@code 0} when it is not known
     * @param column the column, from 1; {@code 0} when it is not known
     * @return a new finding
     */
    public org.isoscoring.api.Finding at(String file, int line, int column) {
        return new org.isoscoring.api.Finding(file, line, column, vi, en);
    }
}
