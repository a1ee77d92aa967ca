package org.isoscoring.drools.check;

import org.isoscoring.drools.*;

/**
 * One problem of a guidance folder, where it is: {@code 07-dossier-handling.drl:42:17: message}.
 *
 * @param file    the file's name in the folder
 * @param line    the line, from 1; 0 when the problem is the whole file
 * @param column  the column, from 1; 0 when unknown
 * @param message what is wrong, in Vietnamese and English
 */
public record Finding(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
