package org.isoscoring.drools.check;

import org.isoscoring.drools.Guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.isoscoring.api.Finding;
import org.isoscoring.api.Vocabulary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code check} says of a guidance's declarations ({@code guidance.json}, {@code facts.json}) before any rule is
 * read: each mistake an officer makes, at the file, line and column where it was written, in Vietnamese and English.
 */
@DisplayName("The declarations of a guidance are checked")
class VocabularyCheckTests {

    private static SortedMap<String, String> bundled() {
        return new TreeMap<>(Guidance.bundledFiles("bac-giang-2022"));
    }

    /** The findings of the descriptor with {@code from} replaced by {@code to} in {@code file} (once, and it must be there). */
    private static List<Finding> findings(String file, String from, String to) {
        SortedMap<String, String> files = bundled();
        if (file.equals("guidance.json.assessors")) { // SELF and PROVINCE both restricted: two edits of one file
            files.put("guidance.json", files.get("guidance.json").replace(
                    "{\"id\": \"PROVINCE\", \"title\"", "{\"id\": \"PROVINCE\", \"assesses\": [\"DEPARTMENT\"], \"title\""));
            file = "guidance.json";
        }
        String text = files.get(file);
        assertTrue(text.contains(from), file + " has no " + from);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        List<Finding> findings = new ArrayList<>();
        Descriptor.parse(files, findings);
        return findings;
    }

    /** The line and column (from 1) of the first {@code what} in a file's text after the edit. */
    private static int[] place(String file, String from, String to, String what) {
        file = file.equals("guidance.json.assessors") ? "guidance.json" : file;
        String text = bundled().get(file).replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        int offset = text.indexOf(what);
        assertTrue(offset >= 0, what + " is not in " + file);
        DrlText t = new DrlText(text);
        return new int[] {t.line(offset), t.column(offset)};
    }

    @Test
    @DisplayName("the bundled guidance declares its vocabulary without a finding")
    void bundledIsClean() {
        List<Finding> findings = new ArrayList<>();
        Descriptor descriptor = Descriptor.parse(bundled(), findings);
        assertEquals(List.of(), findings);
        assertNotNull(descriptor);
        Vocabulary v = descriptor.info().vocabulary();
        assertEquals(39, v.facts().size());
        assertEquals(List.of("DEPARTMENT", "DISTRICT", "COMMUNE", "PUBLIC_SERVICE_UNIT"),
                v.kinds().stream().map(Vocabulary.Kind::id).toList());
        assertEquals(List.of("PROVINCE", "DISTRICT", "SELF"), v.finalAssessor());
        assertEquals("staffTotal", v.fact("staffTrained").orElseThrow().partOf());
        assertEquals("DISTRICT", v.kind("COMMUNE").orElseThrow().belongsTo().kind());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an unknown type, with a suggestion", "facts.json",
                        "{\"name\": \"staffTrained\", \"type\": \"count\"", "{\"name\": \"staffTrained\", \"type\": \"cuont\"",
                        "\"cuont\"", "unknown type \"cuont\"", "did you mean \"count\""),
                Arguments.of("a constraint naming an undeclared fact", "facts.json",
                        "\"partOf\": \"staffTotal\"", "\"partOf\": \"staffTotl\"",
                        "\"staffTotl\"", "\"staffTotl\" is not a declared fact or measure", "did you mean \"staffTotal\""),
                Arguments.of("a measure of an undeclared fact", "facts.json",
                        "[\"dossiersOnTime\", \"dossiersResolved\"]", "[\"dossiersOnTime\", \"dossiersSolved\"]",
                        "\"dossiersSolved\"", "\"dossiersSolved\" is not a declared fact or measure", "dossiersResolved"),
                Arguments.of("a fact declared twice", "facts.json",
                        "{\"name\": \"internalAuditors\",", "{\"name\": \"staffTotal\",",
                        "\"staffTotal\", \"type\": \"count\", \"title\": \"Số chuyên gia",
                        "the fact \"staffTotal\" is declared already", "facts[3]"),
                Arguments.of("an unknown field, with a suggestion", "facts.json",
                        "\"partOf\": \"staffTotal\"", "\"partof\": \"staffTotal\"",
                        "\"staffTotal\", \"title\": \"Số CBCC được đào tạo", "unknown field \"partof\"",
                        "did you mean \"partOf\""),
                Arguments.of("a fact of an undeclared kind", "facts.json",
                        "\"kinds\": [\"DEPARTMENT\", \"COMMUNE\"", "\"kinds\": [\"DEPARTMENT\", \"COMUNE\"",
                        "[\"DEPARTMENT\", \"COMUNE\"", "\"COMUNE\" is not a declared kind", "did you mean \"COMMUNE\""),
                Arguments.of("a nesting that loops", "guidance.json",
                        "\"fact\": \"District\", ", "\"fact\": \"District\", \"belongsTo\": {\"kind\": \"COMMUNE\", \"field\": \"commune\"}, ",
                        "{\"kind\": \"COMMUNE\"", "the nesting loops", "belongs to itself"),
                Arguments.of("a kind no assessor may assess", "guidance.json.assessors",
                        "{\"id\": \"SELF\", \"title\": \"cơ quan tự chấm\", \"titleEn\": \"self-assessment\"}",
                        "{\"id\": \"SELF\", \"title\": \"cơ quan tự chấm\", \"assesses\": [\"DEPARTMENT\", \"DISTRICT\"]}",
                        "\"PUBLIC_SERVICE_UNIT\", \"title\"", "no assessor may assess a \"PUBLIC_SERVICE_UNIT\"", "assesses"),
                Arguments.of("an assessor left out of the final order", "guidance.json",
                        "\"finalAssessor\": [\"PROVINCE\", \"DISTRICT\", \"SELF\"]", "\"finalAssessor\": [\"PROVINCE\", \"SELF\"]",
                        "[\"PROVINCE\", \"SELF\"]", "\"DISTRICT\" is missing", "every assessor has its place"),
                Arguments.of("a group of an undeclared kind", "guidance.json",
                        "\"of\": \"DISTRICT\"", "\"of\": \"DISTRIKT\"",
                        "\"DISTRIKT\"", "\"DISTRIKT\" is not a declared kind", "did you mean \"DISTRICT\""),
                Arguments.of("a group sampling an undeclared kind", "guidance.json",
                        "\"of\": \"DISTRICT\", \"title\": \"Cấp huyện\"", "\"sampleOf\": \"COMUNE\", \"title\": \"Cấp huyện\"",
                        "\"COMUNE\"", "\"COMUNE\" is not a declared kind", "did you mean \"COMMUNE\""),
                Arguments.of("a group of a kind that also names a sampled kind", "guidance.json",
                        "\"of\": \"DISTRICT\", \"title\": \"Cấp huyện\"",
                        "\"of\": \"DISTRICT\", \"sampleOf\": \"COMMUNE\", \"title\": \"Cấp huyện\"",
                        "\"COMMUNE\", \"title\": \"Cấp huyện\"", "\"sampleOf\" is for a group of the whole request",
                        "không có \"of\""),
                Arguments.of("a rating declared twice", "guidance.json",
                        "{\"id\": \"GOOD\",", "{\"id\": \"EXCELLENT\",",
                        "\"EXCELLENT\", \"title\": \"Tốt\"", "the rating \"EXCELLENT\" is declared already", "đã có"),
                Arguments.of("a nullable count", "facts.json",
                        "{\"name\": \"internalAuditors\", \"type\": \"count\",", "{\"name\": \"internalAuditors\", \"type\": \"count\", \"nullable\": true,",
                        "true, \"title\": \"Số chuyên gia", "only a date may be null", "chỉ ngày"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("a mistake is found where it was written, in both languages")
    void mistake(String what, String file, String from, String to, String at, String english, String also) {
        // given the bundled declarations with one mistake; when they are read
        List<Finding> findings = findings(file, from, to);
        // then the finding names the file, the line and column of the mistake, and says what is wrong
        Finding f = findings.stream().filter(x -> x.messageEn().contains(english)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding says \"" + english + "\": " + findings));
        int[] expected = place(file, from, to, at);
        assertEquals(file.replace(".assessors", ""), f.file());
        assertEquals(expected[0], f.line(), f.toString());
        assertEquals(expected[1], f.column(), f.toString());
        assertTrue(f.messages().contains(also), f.toString());
        assertTrue(f.messages().contains(" / "), "Vietnamese / English: " + f);
    }

    @Nested
    @DisplayName("a file that is not JSON")
    class Broken {

        @Test
        @DisplayName("is found at its line and column, and nothing else is read")
        void syntax() {
            List<Finding> findings = findings("facts.json", "\"type\": \"count\", \"min\": 1,", "\"type\": \"count\" \"min\": 1,");
            assertEquals(1, findings.size(), findings.toString());
            assertEquals("facts.json", findings.get(0).file());
            assertEquals(place("facts.json", "\"type\": \"count\", \"min\": 1,", "\"type\": \"count\" \"min\": 1,",
                    "\"min\": 1,")[0], findings.get(0).line());
            assertTrue(findings.get(0).messages().contains("not valid JSON"), findings.toString());
        }

        @Test
        @DisplayName("a folder without facts.json says what is missing")
        void missing() {
            SortedMap<String, String> files = bundled();
            files.remove(Descriptor.FACTS);
            List<Finding> findings = new ArrayList<>();
            assertNull(Descriptor.parse(files, findings));
            assertEquals(1, findings.size());
            assertTrue(findings.get(0).toString().startsWith("facts.json:0:0: thiếu tệp dữ kiện / missing"),
                    findings.toString());
        }
    }
}
