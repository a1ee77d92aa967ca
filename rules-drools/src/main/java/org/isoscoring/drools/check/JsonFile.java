package org.isoscoring.drools.check;

import org.isoscoring.drools.*;
import org.isoscoring.api.Finding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON file of a guidance folder, read with the line and column of every value, so that a problem is reported
 * where the officer wrote it ({@code facts.json:12:5: …}).
 */
public final class JsonFile {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String name;
    private final JsonNode root;
    private final Map<String, int[]> places;

    private JsonFile(String name, JsonNode root, Map<String, int[]> places) {
        this.name = name;
        this.root = root;
        this.places = places;
    }

    /**
     * Reads a file, or gives {@code null} with one finding where its JSON is broken.
     *
     * @param name the file's name in the guidance folder, for example {@code guidance.json}
     * @param text the file's text
     * @param findings where the one finding is added when the file is not a readable JSON object
     * @return the file read, or {@code null}
     */
    public static JsonFile read(String name, String text, List<Finding> findings) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                findings.add(new Finding(name, 1, 1, "tệp phải là một đối tượng JSON { … }", "the file must be a JSON "
                        + "object { … }"));
                return null;
            }
            return new JsonFile(name, root, places(text));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            findings.add(new Finding(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "không phải JSON hợp lệ: " + firstLine(e.getOriginalMessage()),
                    "not valid JSON: " + firstLine(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            findings.add(new Finding(name, 0, 0, "không đọc được: " + e.getMessage(), "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** Where each value starts, by JSON pointer (a field's value, not its name: the value is what is wrong). */
    private static Map<String, int[]> places(String text) throws IOException {
        Map<String, int[]> places = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || t == JsonToken.FIELD_NAME) {
                    continue;
                }
                JsonLocation at = p.currentTokenLocation();
                places.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                        new int[] {at.getLineNr(), at.getColumnNr()});
            }
        }
        return places;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * The file's name in the guidance folder, which each of its findings names.
     *
     * @return the file's name, for example {@code facts.json}
     */
    public String name() {
        return name;
    }

    /**
     * The file's JSON object.
     *
     * @return the root object
     */
    public JsonNode root() {
        return root;
    }

    /**
     * A finding at the value of this JSON pointer ({@code /facts/3/type}), or at the nearest value that holds it.
     *
     * @param pointer a JSON pointer into the file; {@code ""} for the whole file
     * @param vi the finding's Vietnamese message
     * @param en the finding's English message
     * @return a new finding at the value's line and column
     */
    public Finding at(String pointer, String vi, String en) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            int[] place = places.get(p);
            if (place != null) {
                return new Finding(name, place[0], place[1], vi, en);
            }
            if (p.isEmpty()) {
                return new Finding(name, 1, 1, vi, en);
            }
        }
    }
}
