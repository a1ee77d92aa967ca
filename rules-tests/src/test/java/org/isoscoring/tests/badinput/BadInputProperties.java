package org.isoscoring.tests.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.Problem;
import org.isoscoring.api.RequestRejectedException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.tests.properties.Generators;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.tests.support.SeedReporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Fuzz-style properties of bad input (SCORING.md §7, FORMAT.md "Errors", issues 3 and 6): valid requests made by
 * {@link Generators}, cut down to small provinces, are written as FORMAT.md JSON and then corrupted, many times
 * each, as a Jackson tree or as bytes. Every corrupted document is read with {@link ScoringJson#readRequest}
 * (from a {@code String}, an {@code InputStream} or a file) and, if reading passes, scored by the engine. The
 * properties:
 * <ul>
 *   <li><b>(a) structured corruptions</b> &mdash; a field removed, an unknown field (root, agency, communeScoring,
 *       assessment, facts), a value of the wrong type (string, {@code 3.0}, {@code 1.5}, boolean, null, array,
 *       object, numbers beyond {@code long}), a negative count, a count larger than its whole (every pair of §7,
 *       {@code lateDossiersWithApology > late} included), {@code staffTotal = 0}, impossible dates, bad enum
 *       values, a year or guidance no bundled guidance covers, broken references (assessment of an unknown
 *       agency, a commune's district unknown or not a district, an on-site commune that is not the district's),
 *       a changed agency kind, forbidden {@code district}/{@code communeScoring}, criterion-15 facts on a
 *       district, a blank or duplicated agency id, a duplicated (agency, assessor) assessment, a {@code DISTRICT}
 *       assessment of a non-commune, a commune with no assessment, a district with no communes, and several
 *       reading errors at once &mdash; are rejected with {@link RequestRejectedException} and nothing else, with
 *       at least one problem whose place names the corrupted path (the entity's {@code agencies[i]} or
 *       {@code assessments[j]} for duplicates and missing assessments) and whose message says what is wrong;
 *       with several reading errors at once, every one of them is listed (but when one of them is the year or the
 *       guidance, the rest of the request cannot be read without that guidance's vocabulary: then the year's and
 *       the guidance's problems are listed, and nothing below the request's own fields);</li>
 *   <li><b>(b) truncation</b> at any position: rejected as malformed JSON (only a cut of trailing white space may,
 *       and must, still be accepted);</li>
 *   <li><b>(c) random byte edits</b> (bit flips, random, zero, inserted, deleted, swapped bytes, deleted or
 *       repeated ranges): rejected, or &mdash; when the edit happens to leave a valid document &mdash; scored
 *       normally; never another exception, and a document accepted must really be valid UTF-8 JSON;</li>
 *   <li><b>(d) broken encodings</b>: the first bytes overwritten or prefixed with zero bytes, byte order marks and
 *       the like (Jackson's encoding detection), invalid UTF-8 sequences inside strings (stray bytes, truncated,
 *       overlong, surrogate and beyond-U+10FFFF sequences, and {@code 0xFF} bytes that fill up the last partial
 *       4-byte group of a field name, which Jackson's name table pads with {@code 0xFF}): rejected, any other
 *       exception is a failure, and invalid UTF-8 is always rejected with a message that says so;</li>
 *   <li><b>(e) trailing content</b> after the request object (garbage, a second document): rejected;</li>
 *   <li><b>(f) broken syntax</b>: duplicate keys, nesting deeper than the documented limit, numbers longer than
 *       the limit, comments, single quotes, unquoted keys, non-JSON numbers, control characters, bad escapes,
 *       missing and trailing commas, documents that are not a request object: rejected.</li>
 * </ul>
 * Every rejection must carry at least one problem, each with a message and a Vietnamese message that is not the
 * English one (issue 7); a problem without a place must say what is wrong with the document as a whole. Each property prints a table of the corruptions tried, by kind: how many
 * were rejected, accepted (still valid), answered with another exception, or failed a check, with the places
 * reached and the variants drawn.
 *
 * <h2>Seeds and reproducing a failure</h2>
 * Every property prints its seed; the same seed replays the same requests and the same corruptions (everything is
 * drawn from the QuickTheories source). A property runs in two passes with that seed: a survey tries every
 * corruption of every example, prints the table and groups what went wrong (one full description per group); if
 * anything did, a replay stops at the first failing example and lets QuickTheories shrink it. The failure report
 * gives the seed, the replay command, the shrunk example's failing corruptions and the survey's groups; each
 * failing corruption says what was done, the expected place, what happened (the problems, or the stack trace of
 * the other exception), and where its document is saved, under {@code rules-tests/target/badinput/}.
 * <pre>
 * mvn -B -pl rules-tests test -Dtest='BadInputProperties#structuredCorruptions' -DQT_SEED=1234567890
 * </pre>
 *
 * <h2>Run length</h2>
 * Each property tries {@code QT_EXAMPLES} generated requests (default {@value #DEFAULT_EXAMPLES}) and corrupts
 * each of them many times ((a) 50, (b) 20, (c) 25, (d) 15, (e) 4, (f) 12 per request): about 10,000 corrupted
 * documents per normal run, in well under a minute on two cores (most of the time goes to the engine's build and
 * to scoring the corrupted documents that are still valid; a property that fails also replays and shrinks, and a
 * machine shared with other builds can double the time). A failure is shrunk for at most
 * {@code QT_SHRINKS} cycles (default {@value #DEFAULT_SHRINKS}). A deeper run, for example before a release or
 * after changing the reading code (about 126,000 corrupted documents, five to ten minutes):
 * <pre>
 * mvn -B -pl rules-tests test -Dtest='BadInputProperties' -DQT_EXAMPLES=1000
 * </pre>
 */
@DisplayName("Bad input properties: corrupted requests are rejected with their place (QuickTheories)")
final class BadInputProperties {

    static final int DEFAULT_EXAMPLES = 80;
    static final int DEFAULT_SHRINKS = 15;

    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", DEFAULT_EXAMPLES);
    private static final int SHRINKS = Integer.getInteger("QT_SHRINKS", DEFAULT_SHRINKS);

    /** One engine for every property: building its knowledge base is the expensive part. */
    private static final ScoringEngine ENGINE = ScoringEngine.create();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Strict JSON: no duplicate keys, nothing after the document. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Path OUT = Path.of("target", "badinput");

    // ----------------------------------------------------------------------------------------------------
    // the properties

    @Test
    @DisplayName("(a) structured corruptions (missing, unknown, mistyped, negative, inconsistent, broken references) "
            + "are rejected with a problem at the corrupted place")
    void structuredCorruptions() {
        run("structuredCorruptions", Family.TREE);
    }

    @Test
    @DisplayName("(b) a document truncated anywhere is rejected as malformed JSON")
    void truncatedDocuments() {
        run("truncatedDocuments", Family.TRUNCATION);
    }

    @Test
    @DisplayName("(c) random byte edits are rejected, or leave a valid document that is scored normally")
    void randomByteEdits() {
        run("randomByteEdits", Family.BYTES);
    }

    @Test
    @DisplayName("(d) broken encodings (odd first bytes, byte order marks, invalid UTF-8) are rejected")
    void brokenEncodings() {
        run("brokenEncodings", Family.ENCODING);
    }

    @Test
    @DisplayName("(e) content after the request object is rejected, not ignored")
    void trailingContent() {
        run("trailingContent", Family.TRAILING);
    }

    @Test
    @DisplayName("(f) broken syntax (duplicate keys, deep nesting, long numbers, comments, quotes, commas) is "
            + "rejected")
    void brokenSyntax() {
        run("brokenSyntax", Family.SYNTAX);
    }

    // ----------------------------------------------------------------------------------------------------
    // families, corruptions, outcomes

    /** A family of corruptions: one property each, with how many corrupted documents per generated request. */
    private enum Family {
        TREE(50), TRUNCATION(20), BYTES(25), ENCODING(15), TRAILING(4), SYNTAX(12);

        final int perRequest;

        Family(int perRequest) {
            this.perRequest = perRequest;
        }
    }

    /** How a corrupted document is given to the library. */
    private enum Route {
        STRING, STREAM, FILE
    }

    /** What must happen to a corrupted document. */
    private enum Expect {
        /** rejected, with a problem at (one of) the places, whose message matches the hint. */
        REJECT_AT_PLACE,
        /** rejected, with a problem at every one of the places (several reading errors at once). */
        REJECT_AT_EVERY_PLACE,
        /**
         * rejected, with a problem at every one of the places, which are the year's and the guidance's, and nothing
         * read below the request's own fields: the rest of a request is read by the vocabulary of its guidance, which
         * a wrong year or guidance does not give (several reading errors at once, one of them there).
         */
        REJECT_AT_HEADING,
        /** rejected; some problem's message matches the hint, if there is one. */
        REJECT,
        /** still a valid request: accepted and scored. */
        VALID,
        /** rejected, or accepted if it is still strictly valid UTF-8 JSON. */
        EITHER
    }

    /**
     * One corrupted document.
     *
     * @param kind   what kind of corruption (a row of the statistics)
     * @param tags   variants drawn (level, value, operation), counted in the statistics
     * @param what   what was done, for a failure report
     * @param places the places a problem must name (for {@link Expect#REJECT_AT_PLACE},
     *               {@link Expect#REJECT_AT_EVERY_PLACE} and {@link Expect#REJECT_AT_HEADING})
     * @param hint   a regular expression some problem's message (at the place, if there is one) must contain, or
     *               {@code null}
     */
    private record Corruption(String kind, List<String> tags, String what, byte[] document, Route route,
                              Expect expect, List<String> places, String hint) {
    }

    /** What reading and scoring a document gave: a result, the problems of a rejection, or another throwable. */
    private record Outcome(ScoringRequest request, ScoringResult result, List<Problem> problems, Throwable other) {

        boolean accepted() {
            return result != null;
        }

        boolean rejected() {
            return problems != null;
        }
    }

    /** A small valid request, its JSON, and its corrupted copies. */
    private record Example(ScoringRequest request, byte[] valid, List<Corruption> corruptions) {

        String describe() {
            Map<String, Long> kinds = corruptions.stream()
                    .collect(Collectors.groupingBy(Corruption::kind, TreeMap::new, Collectors.counting()));
            return Generators.describe(request) + ", " + valid.length + " bytes of JSON, " + corruptions.size()
                    + " corruptions " + kinds;
        }
    }

    private static Outcome outcome(byte[] document, Route route) {
        ScoringRequest request = null;
        try {
            request = switch (route) {
                case STRING -> Requests.read(new String(document, StandardCharsets.UTF_8));
                case STREAM -> Requests.read(new ByteArrayInputStream(document));
                case FILE -> Requests.read(writeInput(document));
            };
            ScoringResult result = ENGINE.evaluate(request);
            if (result == null) {
                return new Outcome(request, null, null, new AssertionError("evaluate returned null"));
            }
            return new Outcome(request, result, null, null);
        } catch (RequestRejectedException e) {
            return new Outcome(request, null, e.problems(), null);
        } catch (Throwable t) { // every other throwable is a finding, whatever it is
            return new Outcome(request, null, null, t);
        }
    }

    /** The input file of the FILE route: one per test JVM, since other builds may run these tests at once. */
    private static Path inputFile;

    private static synchronized Path writeInput(byte[] document) {
        try {
            if (inputFile == null) {
                Files.createDirectories(OUT);
                inputFile = Files.createTempFile(OUT, "input-", ".json");
                inputFile.toFile().deleteOnExit();
            }
            Files.write(inputFile, document);
            return inputFile;
        } catch (IOException e) {
            throw new UncheckedIOException("the test cannot write its input file", e);
        }
    }

    /** What is wrong with an outcome, or {@code null} when it is what the corruption must give. */
    private static String verdict(Corruption c, Outcome o) {
        if (o.other() != null) {
            return "threw " + o.other().getClass().getName() + " instead of RequestRejectedException:\n"
                    + stackTrace(o.other());
        }
        byte[] given = c.route() == Route.STRING
                ? new String(c.document(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8) : c.document();
        if (o.accepted()) {
            if (c.expect() != Expect.VALID && c.expect() != Expect.EITHER) {
                return "was accepted and scored (" + o.result().assessments().size()
                        + " assessment results); it must be rejected";
            }
            String invalid = strictlyInvalid(given);
            if (invalid != null) {
                return "was accepted and scored (" + o.result().assessments().size()
                        + " assessment results) although the document is not valid: " + invalid;
            }
            if (o.result().assessments().size() != o.request().assessments().size()) {
                return "a partial result: " + o.result().assessments().size() + " assessment results for "
                        + o.request().assessments().size() + " assessments";
            }
            return null;
        }
        List<Problem> problems = o.problems();
        if (c.expect() == Expect.VALID) {
            return "is still a valid request but was rejected: " + problems;
        }
        if (problems.isEmpty()) {
            return "rejected without any problem";
        }
        int lines = 1;
        for (byte b : given) {
            if (b == '\n') {
                lines++;
            }
        }
        for (Problem p : problems) {
            if (p.message().isBlank()) {
                return "a problem without a message: \"" + p.place() + "\"";
            }
            if (p.messageVi().isBlank() || p.messageVi().equals(p.message())) {
                return "a problem without a Vietnamese message (issue 7): " + p;
            }
            if (p.place().isEmpty() && p.message().strip().length() < 10) {
                return "a problem with no place and a message that does not say what is wrong: " + p;
            }
            Matcher m = LINE_PLACE.matcher(p.place());
            if (m.matches() && Integer.parseInt(m.group(1)) > lines + 1) {
                return "a problem at a line the document does not have (" + lines + " lines): " + p;
            }
        }
        Pattern hint = c.hint() == null ? null : Pattern.compile(c.hint(), Pattern.CASE_INSENSITIVE);
        switch (c.expect()) {
            case REJECT_AT_PLACE -> {
                List<Problem> at = problems.stream().filter(p -> c.places().stream().anyMatch(e -> names(p.place(), e)))
                        .toList();
                if (at.isEmpty()) {
                    return "no problem names the corrupted place " + c.places() + "; the problems are:\n  "
                            + join(problems);
                }
                if (hint != null && at.stream().noneMatch(p -> hint.matcher(p.message()).find())) {
                    return "the problem at the corrupted place does not say /" + c.hint() + "/:\n  " + join(at);
                }
            }
            case REJECT_AT_EVERY_PLACE -> {
                List<String> unnamed = c.places().stream()
                        .filter(e -> problems.stream().noneMatch(p -> names(p.place(), e))).toList();
                if (!unnamed.isEmpty()) {
                    return "not every problem is listed: nothing at " + unnamed + "; the problems are:\n  "
                            + join(problems);
                }
            }
            case REJECT_AT_HEADING -> {
                List<String> unnamed = c.places().stream()
                        .filter(e -> problems.stream().noneMatch(p -> names(p.place(), e))).toList();
                if (!unnamed.isEmpty()) {
                    return "the year's or the guidance's problem is not listed: nothing at " + unnamed
                            + "; the problems are:\n  " + join(problems);
                }
                List<Problem> below = problems.stream().filter(p -> p.place().contains(".") || p.place().contains("["))
                        .toList();
                if (!below.isEmpty()) {
                    return "with a wrong year or guidance, the rest was read all the same:\n  " + join(below);
                }
            }
            default -> {
                if (hint != null && problems.stream().noneMatch(p -> hint.matcher(p.message()).find())) {
                    return "no problem says /" + c.hint() + "/; the problems are:\n  " + join(problems);
                }
            }
        }
        return null;
    }

    private static final Pattern LINE_PLACE = Pattern.compile("line (\\d+), column (\\d+)");

    /** Whether a problem's place names the expected place: the same, or inside the expected entity. */
    private static boolean names(String place, String expected) {
        return place.equals(expected) || expected.endsWith("]") && (place.startsWith(expected + ".")
                || place.startsWith(expected + "["));
    }

    /** Why a document is not strict UTF-8 JSON (a UTF-8 byte order mark allowed), or {@code null} if it is. */
    private static String strictlyInvalid(byte[] document) {
        byte[] body = document;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            body = Arrays.copyOfRange(body, 3, body.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "it is not valid UTF-8 (" + e + ")";
        }
        try {
            STRICT.readTree(text);
            return null;
        } catch (JsonProcessingException e) {
            return "it is not valid JSON (" + e.getOriginalMessage() + ")";
        }
    }

    private static String join(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString().lines().limit(40).collect(Collectors.joining("\n"));
    }

    // ----------------------------------------------------------------------------------------------------
    // running a family

    /**
     * Runs a family in two passes with the same seed. The survey tries every example and every corruption, counts
     * them and groups what went wrong; then, if anything did, the replay lets QuickTheories stop at the first
     * failing example and shrink it, and the failure report adds the survey's groups.
     */
    private static void run(String property, Family family) {
        String fromProperty = System.getProperty("QT_SEED");
        long seed = fromProperty != null ? Long.parseLong(fromProperty.trim()) : System.nanoTime();
        System.out.println("[" + BadInputProperties.class.getSimpleName() + "." + property + "] seed " + seed
                + " (replay: -Dtest='BadInputProperties#" + property + "' -DQT_SEED=" + seed + "), " + EXAMPLES
                + " examples x " + family.perRequest + " corruptions");
        ENGINE.guidances(); // builds the bundled knowledge base before the clock starts
        Stats stats = new Stats(property, seed);
        long start = System.nanoTime();
        try {
            QuickTheory.qt().withFixedSeed(seed).withExamples(EXAMPLES).withShrinkCycles(SHRINKS)
                    .withReporter(new FailureReporter(property, ""))
                    .forAll(examples(family))
                    .checkAssert(example -> survey(family, example, stats));
        } finally {
            System.out.println(stats.table(System.nanoTime() - start));
        }
        if (stats.failed() > 0) {
            QuickTheory.qt().withFixedSeed(seed).withExamples(EXAMPLES).withShrinkCycles(SHRINKS)
                    .withReporter(new FailureReporter(property, stats.failures()))
                    .forAll(examples(family))
                    .checkAssert(example -> replay(property, seed, family, example));
            throw new AssertionError("The survey of " + property + " found failures that its replay did not:\n"
                    + stats.failures());
        }
    }

    /** Tries every corruption of an example and counts what happened. */
    private static void survey(Family family, Example example, Stats stats) {
        requireValidBase(family, example);
        for (Corruption c : example.corruptions()) {
            long t0 = System.nanoTime();
            Outcome o = outcome(c.document(), c.route());
            String verdict = verdict(c, o);
            stats.add(c, o, verdict, System.nanoTime() - t0);
        }
    }

    /** Fails on an example with a corruption that went wrong, describing each (QuickTheories then shrinks it). */
    private static void replay(String property, long seed, Family family, Example example) {
        requireValidBase(family, example);
        List<String> failures = new ArrayList<>();
        List<Corruption> failing = new ArrayList<>();
        for (Corruption c : example.corruptions()) {
            String verdict = verdict(c, outcome(c.document(), c.route()));
            if (verdict != null) {
                failures.add(verdict);
                failing.add(c);
            }
        }
        if (!failures.isEmpty()) {
            StringBuilder m = new StringBuilder();
            m.append(failures.size()).append(" of ").append(example.corruptions().size())
                    .append(" corruptions of ").append(example.describe()).append(" went wrong:\n");
            for (int i = 0; i < failing.size() && i < 3; i++) {
                m.append(describe(failing.get(i), failures.get(i), property + "-" + seed + "-shrunk-" + (i + 1)));
            }
            if (failing.size() > 3) {
                m.append("... and ").append(failing.size() - 3).append(" more\n");
            }
            throw new AssertionError(m.toString());
        }
    }

    private static void requireValidBase(Family family, Example example) {
        if (family == Family.TREE) {
            Outcome base = outcome(example.valid(), Route.STRING);
            if (!base.accepted()) {
                throw new AssertionError("the generated request is not valid before any corruption (a defect of the "
                        + "test or of the generators): " + (base.rejected() ? join(base.problems())
                        : stackTrace(base.other())));
            }
        }
    }

    /** A failing corruption for a report: what was done, what was expected, what happened; its document saved. */
    private static String describe(Corruption c, String verdict, String name) {
        Path saved = save(name, c.document());
        StringBuilder m = new StringBuilder();
        m.append("--- ").append(c.kind()).append(' ').append(c.tags()).append(", read from a ")
                .append(c.route()).append(": ").append(c.what()).append('\n')
                .append("    expected: ").append(c.expect())
                .append(c.places().isEmpty() ? "" : " at " + c.places())
                .append(c.hint() == null ? "" : ", saying /" + c.hint() + "/").append('\n')
                .append("    but it ").append(visible(verdict).replace("\n", "\n    ")).append('\n')
                .append("    document (").append(c.document().length).append(" bytes) saved as ").append(saved)
                .append('\n');
        if (c.document().length <= 600) {
            m.append("    document: ").append(printable(c.document())).append('\n');
        }
        return m.toString();
    }

    /** Saves a document under a name that includes its hash, so a report never points at another document. */
    private static Path save(String name, byte[] document) {
        try {
            Files.createDirectories(OUT);
            Path file = OUT.resolve(name + "-" + String.format("%08x", Arrays.hashCode(document)) + ".json");
            Files.write(file, document);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with control characters, unpaired surrogates and replacement characters shown as escapes. */
    private static String visible(String text) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                s.append(c).append(text.charAt(++i));
            } else if (c != '\n' && c != '\t' && (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c == 0xFFFD
                    || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.FORMAT)) {
                s.append(String.format("\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** The document as text, with bytes that are not printable ASCII as {@code \xNN}. */
    private static String printable(byte[] document) {
        StringBuilder s = new StringBuilder();
        for (byte b : document) {
            int v = b & 0xFF;
            if (v >= 0x20 && v < 0x7F) {
                s.append((char) v);
            } else if (v == '\n') {
                s.append("\\n");
            } else {
                s.append(String.format("\\x%02X", v));
            }
        }
        return s.toString();
    }

    /** Reports a falsified property with its seed, the replay command, the failing corruptions and the survey. */
    private static final class FailureReporter extends SeedReporter {

        private final String property;
        private final String survey;

        FailureReporter(String property, String survey) {
            this.property = property;
            this.survey = survey;
        }

        @Override
        protected String message(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                               AsString<Object> asString) {
            return "Property " + property + " falsified after " + examplesUsed + " example(s)\nSeed was " + seed
                    + "; replay with: mvn -B -pl rules-tests test -Dtest='BadInputProperties#" + property
                    + "' -DQT_SEED=" + seed + "\nSmallest falsifying example (QuickTheories, shrunk): "
                    + asString.asString(smallest) + "\nOther falsifying examples found: " + others.size()
                    + (cause == null ? "" : "\n" + cause.getMessage()) + (survey.isEmpty() ? "" : "\n" + survey);
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // statistics

    private static final class Stats {

        private final String property;
        private final long seed;
        private int documents;
        /** tried, rejected, accepted, other exception, failed a check. */
        private final Map<String, int[]> rows = new TreeMap<>();
        private final Map<String, Double> millis = new TreeMap<>();
        private double scoringMillis;
        private final Map<String, Map<String, Integer>> tags = new TreeMap<>();
        private final Map<String, Set<String>> places = new TreeMap<>();
        /** What went wrong, grouped: the count and a description of the first one. */
        private final Map<String, Integer> failureCounts = new LinkedHashMap<>();
        private final Map<String, String> failureExamples = new LinkedHashMap<>();

        Stats(String property, long seed) {
            this.property = property;
            this.seed = seed;
        }

        void add(Corruption c, Outcome o, String verdict, long nanos) {
            documents++;
            millis.merge(c.kind(), nanos / 1e6, Double::sum);
            if (o.accepted()) {
                scoringMillis += nanos / 1e6;
            }
            int[] row = rows.computeIfAbsent(c.kind(), k -> new int[5]);
            row[0]++;
            row[1] += o.rejected() ? 1 : 0;
            row[2] += o.accepted() ? 1 : 0;
            row[3] += o.other() != null ? 1 : 0;
            row[4] += verdict != null ? 1 : 0;
            Map<String, Integer> t = tags.computeIfAbsent(c.kind(), k -> new TreeMap<>());
            c.tags().forEach(tag -> t.merge(tag, 1, Integer::sum));
            Set<String> p = places.computeIfAbsent(c.kind(), k -> new TreeSet<>());
            c.places().forEach(place -> p.add(place.replaceAll("\\[\\d+]", "[]")));
            if (verdict != null) {
                String signature = c.kind() + (c.kind().equals("BYTE_EDITS") ? "" : " " + c.tags()) + ": "
                        + verdict.lines().findFirst().orElse("").replaceAll("\\d+", "#")
                        .replaceAll("; the problems are:$", "");
                if (failureCounts.merge(signature, 1, Integer::sum) == 1) {
                    failureExamples.put(signature, describe(c, verdict, property + "-" + seed + "-failure-"
                            + failureCounts.size()));
                }
            }
        }

        int failed() {
            return failureCounts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Every kind of failure of the survey, with its count and the first one in full. */
        String failures() {
            StringBuilder s = new StringBuilder();
            s.append("The survey (all ").append(documents).append(" corrupted documents of the seed) found ")
                    .append(failed()).append(" failure(s) of ").append(failureCounts.size()).append(" kind(s):\n");
            int shown = 0;
            for (Map.Entry<String, Integer> e : failureCounts.entrySet()) {
                s.append("=== ").append(e.getValue()).append(" x ").append(e.getKey()).append('\n');
                if (shown++ < 12) {
                    s.append(failureExamples.get(e.getKey()));
                }
            }
            return s.toString();
        }

        String table(long nanos) {
            int[] total = new int[5];
            rows.values().forEach(r -> {
                for (int i = 0; i < 5; i++) {
                    total[i] += r[i];
                }
            });
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "Bad input (%s): %d corrupted documents tried in %.1f s (of which "
                    + "%.1f s scoring the %d documents still valid)%n", property, documents, nanos / 1e9,
                    scoringMillis / 1e3, total[2]));
            s.append(String.format("  %-36s %7s %9s %9s %6s %7s %7s %8s%n", "kind", "tried", "rejected", "accepted",
                    "other", "FAILED", "places", "ms"));
            rows.forEach((kind, r) -> s.append(String.format(Locale.ROOT, "  %-36s %7d %9d %9d %6d %7d %7s %8.0f%n",
                    kind, r[0], r[1], r[2], r[3], r[4], places.get(kind).isEmpty() ? "-" : places.get(kind).size(),
                    millis.get(kind))));
            s.append(String.format("  %-36s %7d %9d %9d %6d %7d%n", "total", total[0], total[1], total[2], total[3],
                    total[4]));
            s.append("  variants drawn:\n");
            tags.forEach((kind, t) -> {
                if (!t.isEmpty()) {
                    s.append("    ").append(kind).append(": ").append(t.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
                }
            });
            if (!failureCounts.isEmpty()) {
                s.append("  failures by kind:\n");
                failureCounts.forEach((k, v) -> s.append(String.format("    %6d x %s%n", v, k)));
            }
            return s.toString();
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // examples

    private static Gen<Example> examples(Family family) {
        Gen<Example> gen = in -> {
            ScoringRequest generated = Generators.requests().generate(in);
            Rand r = new Rand(in);
            ScoringRequest request = small(generated, r);
            List<Corruption> corruptions = new ArrayList<>();
            if (family == Family.TREE) {
                ObjectNode tree;
                try {
                    tree = (ObjectNode) MAPPER.readTree(Requests.write(request));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                TreeCorruptor corruptor = new TreeCorruptor(tree, request, r);
                int start = r.between(0, TreeCorruptor.SCHEDULE.size() - 1);
                for (int i = 0; i < family.perRequest; i++) {
                    corruptions.add(corruptor.corruption(start + i));
                }
                return new Example(request, bytes(tree), corruptions);
            }
            byte[] valid = Requests.write(request).getBytes(StandardCharsets.UTF_8);
            TextCorruptor corruptor = new TextCorruptor(valid, r);
            for (int i = 0; i < family.perRequest; i++) {
                corruptions.add(switch (family) {
                    case TRUNCATION -> corruptor.truncation();
                    case BYTES -> corruptor.byteEdits();
                    case ENCODING -> corruptor.encoding();
                    case TRAILING -> corruptor.trailing();
                    case SYNTAX -> corruptor.syntax();
                    default -> throw new IllegalStateException(family.name());
                });
            }
            return new Example(request, valid, corruptions);
        };
        return gen.describedAs(Example::describe);
    }

    private static final Map<String, List<String>> NAMES = Map.of(
            "DISTRICT", List.of("UBND huyện Yên Dũng", "UBND huyện Lục Ngạn", "UBND thành phố Bắc Giang"),
            "COMMUNE", List.of("UBND xã Tư Mại", "UBND phường Trần Phú", "UBND thị trấn Nham Biền",
                    "UBND xã Đồng Việt"),
            "DEPARTMENT", List.of("Sở Khoa học và Công nghệ", "Sở Tư pháp", "Sở Nội vụ"),
            "PUBLIC_SERVICE_UNIT", List.of("Trung tâm Phục vụ hành chính công",
                    "Ban Quản lý các khu công nghiệp"));

    /**
     * A small province cut from a generated one, still valid: 1-3 of its districts with 1-5 of their communes each,
     * 0-3 departments and public service units, their assessments; often Vietnamese names (multi-byte UTF-8).
     */
    static ScoringRequest small(ScoringRequest request, Rand r) {
        List<Agency> districts = request.agencies().stream().filter(a -> "DISTRICT".equals(a.kind())).toList();
        List<Agency> others = request.agencies().stream()
                .filter(a -> "DEPARTMENT".equals(a.kind()) || "PUBLIC_SERVICE_UNIT".equals(a.kind())).toList();
        Set<String> keep = new HashSet<>();
        for (Agency district : choose(districts, r.between(1, Math.min(3, districts.size())), r)) {
            keep.add(district.id());
            List<Agency> communes = request.agencies().stream()
                    .filter(a -> "COMMUNE".equals(a.kind()) && district.id().equals(a.parent())).toList();
            choose(communes, r.between(1, Math.min(5, communes.size())), r).forEach(a -> keep.add(a.id()));
        }
        choose(others, r.between(0, Math.min(3, others.size())), r).forEach(a -> keep.add(a.id()));
        boolean names = r.percent(60);
        List<Agency> agencies = new ArrayList<>();
        for (Agency a : request.agencies()) {
            if (!keep.contains(a.id())) {
                continue;
            }
            Facts s = a.record(); // a district's communeScoring
            if (s != null) {
                s = s.toBuilder().set("onSiteCommunes", ((List<?>) s.get("onSiteCommunes")).stream()
                        .map(String::valueOf).filter(keep::contains).toList()).build();
            }
            agencies.add(new Agency(a.id(), names ? r.pick(NAMES.get(a.kind())) : a.name(), a.kind(), a.parent(), s));
        }
        List<Assessment> assessments = request.assessments().stream().filter(a -> keep.contains(a.agency())).toList();
        return new ScoringRequest(request.guidance(), request.year(), agencies, assessments);
    }

    private static <T> List<T> choose(List<T> items, int k, Rand r) {
        List<T> copy = new ArrayList<>(items);
        for (int i = 0; i < k && i < copy.size(); i++) {
            int j = r.between(i, copy.size() - 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy.subList(0, Math.min(k, copy.size()));
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Draws from the QuickTheories randomness source, so every corruption is reproducible from the seed. */
    static final class Rand extends Generators.Draw {

        Rand(RandomnessSource in) {
            super(in);
        }

        @SafeVarargs
        final <T> T pick(T... items) {
            return items[between(0, items.length - 1)];
        }

        Route route(boolean stringAllowed) {
            int p = between(1, 100);
            if (p <= 8) {
                return Route.FILE;
            }
            return stringAllowed && p <= 60 ? Route.STRING : Route.STREAM;
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // structured corruptions of the JSON tree

    private enum Level {
        ROOT("root"), AGENCY("agency"), COMMUNE_SCORING("communeScoring"), ASSESSMENT("assessment"), FACTS("facts");

        final String label;

        Level(String label) {
            this.label = label;
        }
    }

    private enum Type {
        INT, BOOL, ENUM, DATE, STRING, OBJECT, ARRAY
    }

    /**
     * A place of the valid tree that a corruption can aim at.
     *
     * @param steps       the path: field names and array indices
     * @param present     whether the valid document has it
     * @param nullValid   whether {@code null} is a valid value there
     * @param removable   a required field of an object: removing it is an error
     * @param checkedLate an error there (missing, null) is found by the cross-checks, not while reading
     */
    private record Slot(Level level, List<Object> steps, Type type, List<String> allowed, boolean present,
                        boolean nullValid, boolean removable, boolean checkedLate) {

        String place() {
            return place(steps);
        }

        static String place(List<Object> steps) {
            StringBuilder s = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer i) {
                    s.append('[').append(i).append(']');
                } else {
                    if (s.length() > 0) {
                        s.append('.');
                    }
                    s.append(step);
                }
            }
            return s.toString();
        }
    }

    /** A corruption planned against the valid tree, applied to a copy. */
    private record Plan(String kind, List<String> tags, String what, List<String> places, String hint,
                        Consumer<ObjectNode> apply) {

        Plan(String kind, List<String> tags, String what, String place, String hint, Consumer<ObjectNode> apply) {
            this(kind, tags, what, List.of(place), hint, apply);
        }
    }

    private record AgencyInfo(int index, String id, String kind, String district) {
    }

    private record AssessmentInfo(int index, String agency, String assessor, String kind) {
    }

    /** A wrong value of some type, with a label for the statistics. */
    private record Wrong(String label, String json) {

        JsonNode node() {
            if (json.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?") && (json.contains(".") || json.contains("e")
                    || json.contains("E"))) {
                return DecimalNode.valueOf(new BigDecimal(json)); // written as is: 3.0 stays 3.0
            }
            try {
                return MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(json, e);
            }
        }
    }

    private static final List<Wrong> WRONG_FOR_INT = List.of(new Wrong("string", "\"3\""),
            new Wrong("string", "\"abc\""), new Wrong("float 3.0", "3.0"), new Wrong("float 1.5", "1.5"),
            new Wrong("float 1E+2", "1E+2"), new Wrong("float -0.5", "-0.5"), new Wrong("boolean", "true"),
            new Wrong("boolean", "false"), new Wrong("null", "null"), new Wrong("array", "[]"),
            new Wrong("array", "[3]"), new Wrong("object", "{}"), new Wrong("object", "{\"value\": 3}"),
            new Wrong("beyond long", "99999999999999999999"), new Wrong("beyond long", "-99999999999999999999"),
            new Wrong("beyond long", "9223372036854775808"), new Wrong("beyond int", "2147483648"));
    private static final List<Wrong> WRONG_FOR_BOOL = List.of(new Wrong("string", "\"true\""),
            new Wrong("string", "\"yes\""), new Wrong("number", "1"), new Wrong("number", "0"),
            new Wrong("float 1.0", "1.0"), new Wrong("null", "null"), new Wrong("array", "[true]"),
            new Wrong("object", "{}"));
    private static final List<Wrong> WRONG_FOR_ENUM = List.of(new Wrong("number", "1"), new Wrong("float 1.5", "1.5"),
            new Wrong("boolean", "true"), new Wrong("null", "null"), new Wrong("array", "[\"FULL\"]"),
            new Wrong("object", "{\"FULL\": true}"), new Wrong("beyond long", "99999999999999999999"));
    private static final List<Wrong> WRONG_FOR_DATE = List.of(new Wrong("number", "20220315"),
            new Wrong("number", "2022"), new Wrong("float", "2022.5"), new Wrong("boolean", "false"),
            new Wrong("null", "null"), new Wrong("array", "[\"2022-03-15\"]"),
            new Wrong("object", "{\"year\": 2022, \"month\": 3, \"day\": 15}"));
    private static final List<Wrong> WRONG_FOR_STRING = List.of(new Wrong("number", "5"), new Wrong("float 1.5", "1.5"),
            new Wrong("boolean", "true"), new Wrong("null", "null"), new Wrong("array", "[\"X\"]"),
            new Wrong("object", "{}"), new Wrong("beyond long", "99999999999999999999"));
    private static final List<Wrong> WRONG_FOR_OBJECT = List.of(new Wrong("string", "\"x\""),
            new Wrong("number", "5"), new Wrong("boolean", "true"), new Wrong("null", "null"),
            new Wrong("array", "[{}]"), new Wrong("array", "[]"));
    private static final List<Wrong> WRONG_FOR_ARRAY = List.of(new Wrong("string", "\"x\""), new Wrong("number", "5"),
            new Wrong("boolean", "false"), new Wrong("null", "null"), new Wrong("object", "{}"),
            new Wrong("object", "{\"0\": {}}"));

    private static final List<String> IMPOSSIBLE_DATES = List.of("2022-02-30", "2022-13-01", "2022-3-1", "2022-02-29",
            "2022-04-31", "2022-00-10", "2022-12-32", "2022-06-00", "22-03-15", "15/03/2022", "2022/03/15", "",
            " ", "2022-03-15T00:00:00", "2022-03-15Z", " 2022-03-15", "2022-03-15 ", "+2022-03-15", "2022-1-01",
            "yesterday", "2022-03-1\u0661");

    private static final List<String> UNKNOWN_NAMES = List.of("extra", "comment", "note", "_id", "Year", "YEAR",
            "Agencies", "staffTrainned", "stafftrained", "staff_trained", "StaffTotal", "id ", " kind", "tên",
            "x-custom", "facts", "kind", "agency", "assessor", "guidance", "district", "communeScoring",
            "onSiteCommunes", "resultsDeadline", "isoTeam", "year", "agencies", "assessments", "name", "points",
            "total", "rating", "a", "publicdisclosure", "feedback");

    private static final List<String> UNKNOWN_VALUES = List.of("1", "\"x\"", "null", "true", "{}", "[]", "3.5");

    /** The pairs of SCORING.md §7: a part may not exceed its whole; {@code null} is the late dossiers. */
    private static final List<String[]> PARTS = List.of(new String[] {"staffTrained", "staffTotal"},
            new String[] {"proceduresWithProcess", "proceduresInScope"},
            new String[] {"changesUpdatedWithin30Days", "procedureChanges"},
            new String[] {"processesMatchingOneStop", "proceduresWithProcess"},
            new String[] {"dossiersOnTime", "dossiersResolved"},
            new String[] {"lateDossiersWithApology", null},
            new String[] {"satisfiedResponses", "surveyResponses"},
            new String[] {"nonconformitiesClosed", "nonconformitiesFound"},
            new String[] {"feedbackResolved", "feedbackReceived"});

    /** What the bundled guidance declares: its facts, with their types, and the values of its choices. */
    private static final Vocabulary VOCABULARY = Requests.bacGiang2022().vocabulary();

    private static final Set<String> FACT_NAMES = VOCABULARY.facts().stream().map(Vocabulary.Fact::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The facts of criterion 15 that only agencies other than a district carry. */
    private static final List<String> PUBLIC_OVERSIGHT_FACTS = VOCABULARY.facts().stream()
            .filter(f -> !f.carriedBy("DISTRICT")).map(Vocabulary.Fact::name).toList();

    /** The kinds of agency (SCORING.md §2). */
    private static final List<String> KINDS = List.of("DEPARTMENT", "DISTRICT", "COMMUNE", "PUBLIC_SERVICE_UNIT");

    /** The assessors (SCORING.md §2). */
    private static final List<String> ASSESSORS = List.of("SELF", "DISTRICT", "PROVINCE");

    /** The values of a judgement fact. */
    private static final List<String> JUDGEMENTS = List.of("FULL", "PARTIAL", "NONE");

    private static final Map<Level, Set<String>> KNOWN = Map.of(
            Level.ROOT, Set.of("guidance", "year", "agencies", "assessments"),
            Level.AGENCY, Set.of("id", "name", "kind", "district", "communeScoring"),
            Level.COMMUNE_SCORING, Set.of("onSiteCommunes", "resultsSentOn", "resultsDeadline"),
            Level.ASSESSMENT, Set.of("agency", "assessor", "facts"),
            Level.FACTS, FACT_NAMES);

    /** Every value of a list of values of the request (kinds, assessors, choices, ratings), to draw another's. */
    private static final List<String> ENUM_NAMES = java.util.stream.Stream.of(KINDS, ASSESSORS,
            VOCABULARY.choices().stream().flatMap(c -> c.ids().stream()).toList(),
            VOCABULARY.ratings().stream().map(Vocabulary.Rating::id).toList())
            .flatMap(List::stream).distinct().toList();

    private static final class TreeCorruptor {

        /** The kinds, the frequent ones more than once; each request gets them in turn from a random start. */
        static final List<String> SCHEDULE = List.of("MISSING_FIELD", "UNKNOWN_FIELD", "WRONG_TYPE",
                "NEGATIVE_COUNT", "PART_EXCEEDS_WHOLE", "IMPOSSIBLE_DATE", "BAD_ENUM", "WRONG_TYPE",
                "UNKNOWN_AGENCY_REFERENCE", "BAD_DISTRICT_REFERENCE", "FOREIGN_ON_SITE_COMMUNE", "UNKNOWN_FIELD",
                "DUPLICATE_AGENCY_ID", "DUPLICATE_ASSESSMENT", "DISTRICT_ASSESSMENT_OF_NON_COMMUNE",
                "COMMUNE_WITHOUT_ASSESSMENT", "DISTRICT_WITHOUT_COMMUNES", "WRONG_TYPE", "MISSING_FIELD",
                "NO_STAFF", "YEAR_OR_GUIDANCE", "KIND_CHANGED", "FORBIDDEN_FIELD", "DISTRICT_WITH_OVERSIGHT_FACT",
                "BLANK_AGENCY_ID", "SEVERAL_READING_ERRORS");

        /** The places of the request's year and guidance: they say which vocabulary reads the rest. */
        static final List<String> HEADING = List.of("year", "guidance");

        private final ObjectNode base;
        private final Rand r;
        private final List<AgencyInfo> agencies = new ArrayList<>();
        private final List<AssessmentInfo> assessments = new ArrayList<>();
        private final Map<String, AgencyInfo> byId = new LinkedHashMap<>();
        private final Map<Level, List<Slot>> slots = new LinkedHashMap<>();

        TreeCorruptor(ObjectNode base, ScoringRequest request, Rand r) {
            this.base = base;
            this.r = r;
            for (int i = 0; i < request.agencies().size(); i++) {
                Agency a = request.agencies().get(i);
                AgencyInfo info = new AgencyInfo(i, a.id(), a.kind(), a.parent());
                agencies.add(info);
                byId.put(a.id(), info);
            }
            for (int j = 0; j < request.assessments().size(); j++) {
                Assessment a = request.assessments().get(j);
                assessments.add(new AssessmentInfo(j, a.agency(), a.assessor(), byId.get(a.agency()).kind()));
            }
            for (Level level : Level.values()) {
                slots.put(level, new ArrayList<>());
            }
            collectSlots();
        }

        Corruption corruption(int turn) {
            for (int k = 0; k < SCHEDULE.size(); k++) {
                String kind = SCHEDULE.get((turn + k) % SCHEDULE.size());
                Plan plan = plan(kind);
                if (plan != null) {
                    ObjectNode copy = base.deepCopy();
                    plan.apply().accept(copy);
                    List<String> heading = plan.places().stream().filter(HEADING::contains).toList();
                    Expect expect = !kind.equals("SEVERAL_READING_ERRORS") ? Expect.REJECT_AT_PLACE
                            : heading.isEmpty() ? Expect.REJECT_AT_EVERY_PLACE : Expect.REJECT_AT_HEADING;
                    return new Corruption(plan.kind(), plan.tags(), plan.what(), bytes(copy), r.route(true), expect,
                            expect == Expect.REJECT_AT_HEADING ? heading : plan.places(), plan.hint());
                }
            }
            throw new IllegalStateException("no corruption applies");
        }

        private Plan plan(String kind) {
            return switch (kind) {
                case "MISSING_FIELD" -> missing(false);
                case "UNKNOWN_FIELD" -> unknownField();
                case "WRONG_TYPE" -> wrongType(false);
                case "NEGATIVE_COUNT" -> negative();
                case "PART_EXCEEDS_WHOLE" -> partExceedsWhole();
                case "NO_STAFF" -> noStaff();
                case "IMPOSSIBLE_DATE" -> impossibleDate();
                case "BAD_ENUM" -> badEnum();
                case "YEAR_OR_GUIDANCE" -> yearOrGuidance();
                case "UNKNOWN_AGENCY_REFERENCE" -> unknownAgencyReference();
                case "BAD_DISTRICT_REFERENCE" -> badDistrictReference();
                case "FOREIGN_ON_SITE_COMMUNE" -> foreignOnSite();
                case "KIND_CHANGED" -> kindChanged();
                case "FORBIDDEN_FIELD" -> forbiddenField();
                case "DISTRICT_WITH_OVERSIGHT_FACT" -> districtWithOversightFact();
                case "BLANK_AGENCY_ID" -> blankId();
                case "DUPLICATE_AGENCY_ID" -> duplicateAgency();
                case "DUPLICATE_ASSESSMENT" -> duplicateAssessment();
                case "DISTRICT_ASSESSMENT_OF_NON_COMMUNE" -> districtAssessmentOfNonCommune();
                case "COMMUNE_WITHOUT_ASSESSMENT" -> communeWithoutAssessment();
                case "DISTRICT_WITHOUT_COMMUNES" -> districtWithoutCommunes();
                case "SEVERAL_READING_ERRORS" -> severalReadingErrors();
                default -> throw new IllegalStateException(kind);
            };
        }

        // -------- slots

        private void collectSlots() {
            add(Level.ROOT, Type.INT, null, true, false, true, false, "year");
            add(Level.ROOT, Type.STRING, null, base.has("guidance"), true, false, false, "guidance");
            add(Level.ROOT, Type.ARRAY, null, true, false, true, false, "agencies");
            add(Level.ROOT, Type.ARRAY, null, true, false, true, false, "assessments");
            for (AgencyInfo a : agencies) {
                JsonNode node = base.get("agencies").get(a.index());
                add(Level.AGENCY, Type.OBJECT, null, true, false, false, false, "agencies", a.index());
                add(Level.AGENCY, Type.STRING, null, true, false, true, false, "agencies", a.index(), "id");
                add(Level.AGENCY, Type.STRING, null, node.has("name"), true, false, false, "agencies", a.index(),
                        "name");
                add(Level.AGENCY, Type.ENUM, KINDS, true, false, true, false, "agencies", a.index(),
                        "kind");
                if ("COMMUNE".equals(a.kind())) {
                    add(Level.AGENCY, Type.STRING, null, true, false, true, true, "agencies", a.index(), "district");
                }
                if ("DISTRICT".equals(a.kind())) {
                    add(Level.AGENCY, Type.OBJECT, null, true, false, true, true, "agencies", a.index(),
                            "communeScoring");
                    add(Level.COMMUNE_SCORING, Type.ARRAY, null, true, false, true, false, "agencies", a.index(),
                            "communeScoring", "onSiteCommunes");
                    int n = node.get("communeScoring").get("onSiteCommunes").size();
                    for (int k = 0; k < n; k++) {
                        add(Level.COMMUNE_SCORING, Type.STRING, null, true, false, false, false, "agencies", a.index(),
                                "communeScoring", "onSiteCommunes", k);
                    }
                    add(Level.COMMUNE_SCORING, Type.DATE, null, true, true, true, false, "agencies", a.index(),
                            "communeScoring", "resultsSentOn");
                    add(Level.COMMUNE_SCORING, Type.DATE, null, true, false, true, false, "agencies", a.index(),
                            "communeScoring", "resultsDeadline");
                }
            }
            for (AssessmentInfo a : assessments) {
                int j = a.index();
                add(Level.ASSESSMENT, Type.OBJECT, null, true, false, false, false, "assessments", j);
                add(Level.ASSESSMENT, Type.STRING, null, true, false, true, false, "assessments", j, "agency");
                add(Level.ASSESSMENT, Type.ENUM, ASSESSORS, true, false, true, false, "assessments", j,
                        "assessor");
                add(Level.ASSESSMENT, Type.OBJECT, null, true, false, true, false, "assessments", j, "facts");
                boolean district = "DISTRICT".equals(a.kind());
                for (Vocabulary.Fact fact : VOCABULARY.facts()) {
                    String name = fact.name();
                    Type type = switch (fact.type()) {
                        case COUNT -> Type.INT;
                        case BOOLEAN -> Type.BOOL;
                        case DATE -> Type.DATE;
                        case CHOICE -> Type.ENUM;
                        default -> throw new IllegalStateException(name + ": a " + fact.type() + " fact");
                    };
                    List<String> allowed = fact.choice() == null ? null : fact.choice().ids();
                    boolean oversight = PUBLIC_OVERSIGHT_FACTS.contains(name);
                    if (oversight && district) {
                        add(Level.FACTS, type, allowed, false, true, false, false, "assessments", j, "facts", name);
                    } else {
                        add(Level.FACTS, type, allowed, true, fact.nullable(), true, oversight, "assessments", j,
                                "facts", name);
                    }
                }
            }
        }

        private void add(Level level, Type type, List<String> allowed, boolean present, boolean nullValid,
                         boolean removable, boolean checkedLate, Object... steps) {
            slots.get(level).add(new Slot(level, List.of(steps), type, allowed, present, nullValid, removable,
                    checkedLate));
        }

        /** A slot that passes the filter, from a level drawn uniformly among the levels that have one. */
        private Slot slot(java.util.function.Predicate<Slot> filter) {
            List<List<Slot>> levels = new ArrayList<>();
            for (List<Slot> list : slots.values()) {
                List<Slot> ok = list.stream().filter(filter).toList();
                if (!ok.isEmpty()) {
                    levels.add(ok);
                }
            }
            return levels.isEmpty() ? null : r.pick(r.pick(levels));
        }

        private static JsonNode parent(JsonNode root, List<Object> steps) {
            JsonNode node = root;
            for (int i = 0; i < steps.size() - 1; i++) {
                node = steps.get(i) instanceof Integer k ? node.get(k) : node.get((String) steps.get(i));
            }
            return node;
        }

        private static void set(JsonNode root, List<Object> steps, JsonNode value) {
            JsonNode parent = parent(root, steps);
            Object last = steps.get(steps.size() - 1);
            if (last instanceof Integer k) {
                ((ArrayNode) parent).set(k, value);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
        }

        private static void remove(JsonNode root, List<Object> steps) {
            ((ObjectNode) parent(root, steps)).remove((String) steps.get(steps.size() - 1));
        }

        private JsonNode baseFacts(int j) {
            return base.get("assessments").get(j).get("facts");
        }

        private static String facts(int j, String name) {
            return "assessments[" + j + "].facts." + name;
        }

        private static ObjectNode agencyNode(ObjectNode root, int i) {
            return (ObjectNode) root.get("agencies").get(i);
        }

        private static ArrayNode onSite(ObjectNode root, int i) {
            return (ArrayNode) agencyNode(root, i).get("communeScoring").get("onSiteCommunes");
        }

        private static ObjectNode assessmentNode(ObjectNode root, int j) {
            return (ObjectNode) root.get("assessments").get(j);
        }

        private static ObjectNode factsNode(ObjectNode root, int j) {
            return (ObjectNode) assessmentNode(root, j).get("facts");
        }

        private List<AgencyInfo> agenciesOf(String... kinds) {
            Set<String> set = Set.of(kinds);
            return agencies.stream().filter(a -> set.contains(a.kind())).toList();
        }

        private List<AgencyInfo> communesOf(String district) {
            return agencies.stream().filter(a -> district.equals(a.district())).toList();
        }

        // -------- reading errors: missing, unknown, wrong type, bad enum, impossible date

        private Plan missing(boolean readingOnly) {
            Slot s = slot(x -> x.removable() && x.present() && !(readingOnly && x.checkedLate()));
            if (s == null) {
                return null;
            }
            return new Plan("MISSING_FIELD", List.of(s.level().label), "removed " + s.place(), s.place(), "missing",
                    root -> remove(root, s.steps()));
        }

        private Plan wrongType(boolean readingOnly) {
            Slot s = slot(x -> true);
            List<Wrong> pool = switch (s.type()) {
                case INT -> WRONG_FOR_INT;
                case BOOL -> WRONG_FOR_BOOL;
                case ENUM -> WRONG_FOR_ENUM;
                case DATE -> WRONG_FOR_DATE;
                case STRING -> WRONG_FOR_STRING;
                case OBJECT -> WRONG_FOR_OBJECT;
                case ARRAY -> WRONG_FOR_ARRAY;
            };
            boolean nullAllowed = !s.nullValid() && !(readingOnly && s.checkedLate());
            List<Wrong> allowed = pool.stream().filter(w -> nullAllowed || !w.label().equals("null")).toList();
            Wrong w = r.pick(allowed);
            return new Plan("WRONG_TYPE", List.of(s.level().label, w.label()), s.place() + " = " + w.json(),
                    s.place(), null, root -> set(root, s.steps(), w.node()));
        }

        private Plan unknownField() {
            Level level = r.pick(Level.values());
            List<Object> parent = switch (level) {
                case ROOT -> List.of();
                case AGENCY -> List.of("agencies", r.pick(agencies).index());
                case COMMUNE_SCORING -> List.of("agencies", r.pick(agenciesOf("DISTRICT")).index(),
                        "communeScoring");
                case ASSESSMENT -> List.of("assessments", r.pick(assessments).index());
                case FACTS -> List.of("assessments", r.pick(assessments).index(), "facts");
            };
            List<String> names = UNKNOWN_NAMES.stream().filter(n -> !KNOWN.get(level).contains(n)).toList();
            String name = r.pick(names);
            if (r.percent(20)) {
                String random = randomName();
                name = KNOWN.get(level).contains(random) ? name : random;
            }
            String fieldName = name;
            String json = r.pick(UNKNOWN_VALUES);
            List<Object> steps = new ArrayList<>(parent);
            steps.add(fieldName);
            String place = Slot.place(steps);
            return new Plan("UNKNOWN_FIELD", List.of(level.label), "added " + place + " = " + json, place,
                    "unknown", root -> set(root, steps, new Wrong("", json).node()));
        }

        private String randomName() {
            StringBuilder s = new StringBuilder();
            int n = r.between(1, 12);
            for (int i = 0; i < n; i++) {
                s.append((char) ('a' + r.between(0, 25)));
            }
            return s.toString();
        }

        private Plan badEnum() {
            Slot s = slot(x -> x.type() == Type.ENUM && x.present());
            List<String> allowed = s.allowed();
            String valid = r.pick(allowed);
            List<String> others = ENUM_NAMES.stream().filter(n -> !allowed.contains(n)).toList();
            String value = switch (r.between(0, 7)) {
                case 0 -> "MOSTLY";
                case 1 -> valid.toLowerCase(Locale.ROOT);
                case 2 -> valid.charAt(0) + valid.substring(1).toLowerCase(Locale.ROOT);
                case 3 -> " " + valid;
                case 4 -> valid + " ";
                case 5 -> r.pick("", "null", "0", "-", "FULLY", valid + valid);
                default -> r.pick(others);
            };
            return new Plan("BAD_ENUM", List.of(s.level().label), s.place() + " = \"" + value + "\"", s.place(),
                    Pattern.quote(String.join(", ", allowed)), root -> set(root, s.steps(), F.textNode(value)));
        }

        private Plan impossibleDate() {
            Slot s = slot(x -> x.type() == Type.DATE && x.present());
            String value = r.pick(IMPOSSIBLE_DATES);
            return new Plan("IMPOSSIBLE_DATE", List.of(s.level().label), s.place() + " = \"" + value + "\"",
                    s.place(), Pattern.quote("\"" + value + "\""), root -> set(root, s.steps(), F.textNode(value)));
        }

        /** Two to four reading errors at distinct places, none inside another: every one must be listed. */
        private Plan severalReadingErrors() {
            int n = r.between(2, 4);
            List<Plan> plans = new ArrayList<>();
            for (int attempt = 0; attempt < 20 && plans.size() < n; attempt++) {
                Plan p = switch (r.between(0, 4)) {
                    case 0 -> missing(true);
                    case 1 -> wrongType(true);
                    case 2 -> unknownField();
                    case 3 -> badEnum();
                    default -> impossibleDate();
                };
                String place = p.places().get(0);
                if (plans.stream().noneMatch(q -> related(q.places().get(0), place))) {
                    plans.add(p);
                }
            }
            if (plans.size() < 2) {
                return null;
            }
            return new Plan("SEVERAL_READING_ERRORS", List.of(plans.size() + " at once"),
                    plans.stream().map(p -> p.kind() + ": " + p.what()).collect(Collectors.joining("; ")),
                    plans.stream().map(p -> p.places().get(0)).toList(), null,
                    root -> plans.forEach(p -> p.apply().accept(root)));
        }

        private static boolean related(String a, String b) {
            return a.equals(b) || inside(a, b) || inside(b, a);
        }

        private static boolean inside(String outer, String inner) {
            return inner.startsWith(outer + ".") || inner.startsWith(outer + "[") || outer.isEmpty();
        }

        // -------- counts

        private Plan negative() {
            Slot s = slot(x -> x.level() == Level.FACTS && x.type() == Type.INT && x.present());
            int value = r.pick(-1, -r.between(2, 1000), Integer.MIN_VALUE);
            return new Plan("NEGATIVE_COUNT", List.of(value == -1 ? "-1" : value == Integer.MIN_VALUE ? "min int"
                    : "-n"), s.place() + " = " + value, s.place(), Pattern.quote(String.valueOf(value)) + ".*negative",
                    root -> set(root, s.steps(), F.numberNode(value)));
        }

        private Plan partExceedsWhole() {
            AssessmentInfo a = r.pick(assessments);
            int j = a.index();
            List<String[]> pairs = PARTS.stream().filter(p -> !"DISTRICT".equals(a.kind())
                    || !PUBLIC_OVERSIGHT_FACTS.contains(p[0])).toList();
            String[] pair = r.pick(pairs);
            String part = pair[0];
            JsonNode f = baseFacts(j);
            String place = facts(j, part);
            String hint = "is more than";
            if (pair[1] == null) {
                int resolved = f.get("dossiersResolved").intValue();
                int onTime = f.get("dossiersOnTime").intValue();
                int apology = f.get("lateDossiersWithApology").intValue();
                int late = resolved - onTime;
                if (apology == 0 || r.percent(50)) {
                    int value = late + r.pick(1, r.between(1, 1000));
                    return new Plan("PART_EXCEEDS_WHOLE", List.of(part, "part raised"),
                            place + " = " + value + " (late = " + late + ")", place, hint,
                            root -> factsNode(root, j).put(part, value));
                }
                int newOnTime = resolved - (apology - r.between(1, apology));
                return new Plan("PART_EXCEEDS_WHOLE", List.of(part, "whole lowered"),
                        "dossiersOnTime = " + newOnTime + " (late becomes " + (resolved - newOnTime) + " < "
                                + apology + " apologies)", place, hint,
                        root -> factsNode(root, j).put("dossiersOnTime", newOnTime));
            }
            String whole = pair[1];
            int partValue = f.get(part).intValue();
            int wholeValue = f.get(whole).intValue();
            if (partValue == 0 || r.percent(50)) {
                long raised = (long) wholeValue + r.pick(1, r.between(1, 1000));
                int value = (int) Math.min(raised, Integer.MAX_VALUE);
                return new Plan("PART_EXCEEDS_WHOLE", List.of(part, "part raised"),
                        place + " = " + value + " (" + whole + " = " + wholeValue + ")", place, hint,
                        root -> factsNode(root, j).put(part, value));
            }
            int lowered = partValue - r.between(1, partValue);
            return new Plan("PART_EXCEEDS_WHOLE", List.of(part, "whole lowered"),
                    facts(j, whole) + " = " + lowered + " (" + part + " = " + partValue + ")", place, hint,
                    root -> factsNode(root, j).put(whole, lowered));
        }

        private Plan noStaff() {
            int j = r.pick(assessments).index();
            return new Plan("NO_STAFF", List.of(), facts(j, "staffTotal") + " = 0, staffTrained = 0",
                    facts(j, "staffTotal"), "0 is less than 1", root -> factsNode(root, j).put("staffTotal", 0)
                    .put("staffTrained", 0));
        }

        // -------- year and guidance

        private Plan yearOrGuidance() {
            if (r.percent(60)) {
                int year = r.pick(2021, 2023, 2020, 0, 1, -2022, 2122, 9999, Integer.MAX_VALUE, Integer.MIN_VALUE);
                boolean dropGuidance = r.percent(40);
                return new Plan("YEAR_OR_GUIDANCE", List.of(dropGuidance ? "year, no guidance" : "year"),
                        "year = " + year + (dropGuidance ? ", guidance removed" : ""), "year",
                        Pattern.quote(String.valueOf(year)), root -> {
                            root.put("year", year);
                            if (dropGuidance) {
                                root.remove("guidance");
                            }
                        });
            }
            String guidance = r.pick("ha-noi-2022", "", "BAC-GIANG-2022", "bac-giang-2022 ", "bac-giang-2021",
                    "bac giang 2022", "bac-giang-2022\n", "../bac-giang-2022");
            return new Plan("YEAR_OR_GUIDANCE", List.of("guidance"), "guidance = \"" + guidance + "\"", "guidance",
                    "unknown guidance", root -> root.put("guidance", guidance));
        }

        // -------- references between agencies and assessments

        private Plan unknownAgencyReference() {
            AssessmentInfo a = r.pick(assessments);
            int j = a.index();
            String id = a.agency();
            List<String> candidates = new ArrayList<>(List.of("NOPE", id + "-X", " " + id, id + " ", "",
                    id.toLowerCase(Locale.ROOT), id.replace('-', '_')));
            candidates.removeIf(byId::containsKey);
            String value = r.pick(candidates);
            String place = "assessments[" + j + "].agency";
            return new Plan("UNKNOWN_AGENCY_REFERENCE", List.of(), place + " = \"" + value + "\"", place,
                    "unknown agency", root -> assessmentNode(root, j).put("agency", value));
        }

        private Plan badDistrictReference() {
            AgencyInfo commune = r.pick(agenciesOf("COMMUNE"));
            int i = commune.index();
            String place = "agencies[" + i + "].district";
            if (r.percent(50)) {
                List<String> unknown = new ArrayList<>(List.of("HUYEN-99", commune.district() + "-X", "",
                        commune.district().toLowerCase(Locale.ROOT), " " + commune.district()));
                unknown.removeIf(byId::containsKey);
                String value = r.pick(unknown);
                return new Plan("BAD_DISTRICT_REFERENCE", List.of("unknown"), place + " = \"" + value + "\"", place,
                        "unknown agency", root -> agencyNode(root, i).put("district", value));
            }
            AgencyInfo target = r.pick(agenciesOf("COMMUNE", "DEPARTMENT",
                    "PUBLIC_SERVICE_UNIT"));
            return new Plan("BAD_DISTRICT_REFERENCE", List.of(target.index() == i ? "itself" : "a " + target.kind()),
                    place + " = \"" + target.id() + "\" (a " + target.kind() + ")", place, "not a DISTRICT",
                    root -> agencyNode(root, i).put("district", target.id()));
        }

        private Plan foreignOnSite() {
            AgencyInfo district = r.pick(agenciesOf("DISTRICT"));
            int i = district.index();
            Set<String> own = communesOf(district.id()).stream().map(AgencyInfo::id).collect(Collectors.toSet());
            List<String> candidates = new ArrayList<>();
            agencies.stream().filter(a -> !own.contains(a.id())).forEach(a -> candidates.add(a.id()));
            candidates.add("XA-NOPE-01");
            candidates.add("");
            own.forEach(c -> candidates.add(c.toLowerCase(Locale.ROOT)));
            candidates.removeIf(own::contains);
            String value = r.pick(candidates);
            ArrayNode list = (ArrayNode) base.get("agencies").get(i).get("communeScoring").get("onSiteCommunes");
            boolean replace = !list.isEmpty() && r.percent(50);
            int k = replace ? r.between(0, list.size() - 1) : r.between(0, list.size());
            String place = "agencies[" + i + "].communeScoring.onSiteCommunes[" + k + "]";
            String tag = !byId.containsKey(value) ? "unknown id" : "a " + byId.get(value).kind();
            return new Plan("FOREIGN_ON_SITE_COMMUNE", List.of(tag, replace ? "replaced" : "inserted"),
                    place + " = \"" + value + "\" (" + (replace ? "replaced" : "inserted") + ")", place,
                    "is not a commune of", root -> {
                        if (replace) {
                            onSite(root, i).set(k, F.textNode(value));
                        } else {
                            onSite(root, i).insert(k, value);
                        }
                    });
        }

        private Plan kindChanged() {
            AgencyInfo a = r.pick(agencies);
            int i = a.index();
            String at = "agencies[" + i + "]";
            List<String> kinds = new ArrayList<>(KINDS);
            kinds.remove(a.kind());
            if ("DEPARTMENT".equals(a.kind()) || "PUBLIC_SERVICE_UNIT".equals(a.kind())) {
                kinds.remove("DEPARTMENT"); // a department that becomes a public service unit is valid
                kinds.remove("PUBLIC_SERVICE_UNIT");
            }
            String kind = r.pick(kinds);
            List<String> places = new ArrayList<>();
            if ("COMMUNE".equals(a.kind())) {
                places.add(at + ".district"); // a district named by a non-commune
            }
            if ("DISTRICT".equals(a.kind())) {
                places.add(at + ".communeScoring"); // a communeScoring on a non-district
            }
            if ("COMMUNE".equals(kind) && !"DISTRICT".equals(a.kind())) {
                places.add(at + ".district"); // a commune without a district
            }
            if ("DISTRICT".equals(kind)) {
                places.add(at + ".communeScoring");
                places.add(at);
            }
            return new Plan("KIND_CHANGED", List.of(a.kind() + " -> " + kind), at + ".kind = " + kind + " (was "
                    + a.kind() + ")", places.stream().distinct().toList(), null,
                    root -> agencyNode(root, i).put("kind", kind));
        }

        private Plan forbiddenField() {
            AgencyInfo a = r.pick(agencies);
            int i = a.index();
            boolean district = !"COMMUNE".equals(a.kind()) && ("DISTRICT".equals(a.kind()) || r.percent(50));
            if (district) {
                String value = r.pick(agenciesOf("DISTRICT")).id();
                String place = "agencies[" + i + "].district";
                return new Plan("FORBIDDEN_FIELD", List.of("district on a " + a.kind()), place + " = \"" + value
                        + "\"", place, "only a COMMUNE", root -> agencyNode(root, i).put("district", value));
            }
            String place = "agencies[" + i + "].communeScoring";
            return new Plan("FORBIDDEN_FIELD", List.of("communeScoring on a " + a.kind()), "added " + place, place,
                    "only a DISTRICT", root -> {
                        ObjectNode s = agencyNode(root, i).putObject("communeScoring");
                        s.putArray("onSiteCommunes");
                        s.putNull("resultsSentOn");
                        s.put("resultsDeadline", "2022-11-15");
                    });
        }

        private Plan districtWithOversightFact() {
            List<AssessmentInfo> ofDistricts = assessments.stream().filter(a -> "DISTRICT".equals(a.kind()))
                    .toList();
            if (ofDistricts.isEmpty()) {
                return null;
            }
            int j = r.pick(ofDistricts).index();
            String name = r.pick(PUBLIC_OVERSIGHT_FACTS);
            JsonNode value = name.equals("publicDisclosure") ? F.textNode(r.pick(JUDGEMENTS))
                    : F.numberNode(r.between(0, 10));
            String place = facts(j, name);
            return new Plan("DISTRICT_WITH_OVERSIGHT_FACT", List.of(name), place + " = " + value, place,
                    "unknown fact", root -> factsNode(root, j).set(name, value));
        }

        private Plan blankId() {
            AgencyInfo a = r.pick(agencies);
            int i = a.index();
            String value = r.pick("", " ", "   ", "\t");
            String place = "agencies[" + i + "].id";
            return new Plan("BLANK_AGENCY_ID", List.of(value.isEmpty() ? "empty" : "blank"),
                    place + " = \"" + value + "\"", place, "must not be empty",
                    root -> agencyNode(root, i).put("id", value));
        }

        private Plan duplicateAgency() {
            AgencyInfo source = r.pick(agencies);
            if (r.percent(50)) {
                int n = agencies.size();
                return new Plan("DUPLICATE_AGENCY_ID", List.of("copy appended"), "a copy of agencies["
                        + source.index() + "] (\"" + source.id() + "\") appended as agencies[" + n + "]",
                        "agencies[" + n + "]", "duplicate",
                        root -> ((ArrayNode) root.get("agencies")).add(agencyNode(root, source.index()).deepCopy()));
            }
            List<AgencyInfo> others = agencies.stream().filter(a -> a != source).toList();
            AgencyInfo renamed = r.pick(others);
            int later = Math.max(source.index(), renamed.index());
            return new Plan("DUPLICATE_AGENCY_ID", List.of("id renamed"), "agencies[" + renamed.index() + "].id = \""
                    + source.id() + "\" (the id of agencies[" + source.index() + "])", "agencies[" + later + "]",
                    "duplicate", root -> agencyNode(root, renamed.index()).put("id", source.id()));
        }

        private Plan duplicateAssessment() {
            Map<String, List<AssessmentInfo>> byAgency = assessments.stream()
                    .collect(Collectors.groupingBy(AssessmentInfo::agency, LinkedHashMap::new, Collectors.toList()));
            List<List<AssessmentInfo>> several = byAgency.values().stream().filter(l -> l.size() >= 2).toList();
            if (!several.isEmpty() && r.percent(40)) {
                List<AssessmentInfo> same = r.pick(several);
                List<AssessmentInfo> two = choose(same, 2, r);
                AssessmentInfo changed = two.get(0);
                AssessmentInfo other = two.get(1);
                int later = Math.max(changed.index(), other.index());
                return new Plan("DUPLICATE_ASSESSMENT", List.of("assessor changed"), "assessments[" + changed.index()
                        + "].assessor = " + other.assessor() + " (as assessments[" + other.index() + "])",
                        "assessments[" + later + "]", "a second",
                        root -> assessmentNode(root, changed.index()).put("assessor", other.assessor()));
            }
            AssessmentInfo a = r.pick(assessments);
            int p = r.between(0, assessments.size());
            int original = a.index() + (p <= a.index() ? 1 : 0);
            int later = Math.max(p, original);
            return new Plan("DUPLICATE_ASSESSMENT", List.of("copy inserted"), "a copy of assessments[" + a.index()
                    + "] (" + a.agency() + "/" + a.assessor() + ") inserted at " + p, "assessments[" + later + "]",
                    "a second", root -> ((ArrayNode) root.get("assessments")).insert(p,
                    assessmentNode(root, a.index()).deepCopy()));
        }

        private Plan districtAssessmentOfNonCommune() {
            List<AssessmentInfo> candidates = assessments.stream().filter(a -> !"COMMUNE".equals(a.kind()))
                    .toList();
            if (!candidates.isEmpty() && r.percent(70)) {
                AssessmentInfo a = r.pick(candidates);
                String place = "assessments[" + a.index() + "].assessor";
                return new Plan("DISTRICT_ASSESSMENT_OF_NON_COMMUNE", List.of(a.kind() + ", assessor changed"),
                        place + " = DISTRICT (was " + a.assessor() + ", of a " + a.kind() + ")", place,
                        "only of a commune", root -> assessmentNode(root, a.index()).put("assessor", "DISTRICT"));
            }
            AgencyInfo agency = r.pick(agenciesOf("DISTRICT", "DEPARTMENT",
                    "PUBLIC_SERVICE_UNIT"));
            List<AssessmentInfo> sameKind = assessments.stream().filter(a -> a.kind().equals(agency.kind())).toList();
            int factsFrom = (sameKind.isEmpty() ? r.pick(assessments) : r.pick(sameKind)).index();
            int m = assessments.size();
            String place = "assessments[" + m + "].assessor";
            return new Plan("DISTRICT_ASSESSMENT_OF_NON_COMMUNE", List.of(agency.kind() + ", appended"),
                    "a DISTRICT assessment of " + agency.id() + " (a " + agency.kind() + ") appended", place,
                    "only of a commune", root -> {
                        ObjectNode added = ((ArrayNode) root.get("assessments")).addObject();
                        added.put("agency", agency.id());
                        added.put("assessor", "DISTRICT");
                        added.set("facts", factsNode(root, factsFrom).deepCopy());
                    });
        }

        private Plan communeWithoutAssessment() {
            AgencyInfo commune = r.pick(agenciesOf("COMMUNE"));
            List<Integer> indices = assessments.stream().filter(a -> a.agency().equals(commune.id()))
                    .map(AssessmentInfo::index).toList();
            String place = "agencies[" + commune.index() + "]";
            return new Plan("COMMUNE_WITHOUT_ASSESSMENT", List.of(indices.size() + " removed"), "removed the "
                    + indices.size() + " assessment(s) of " + commune.id() + " " + indices, place, "has no assessment",
                    root -> {
                        ArrayNode list = (ArrayNode) root.get("assessments");
                        for (int k = indices.size() - 1; k >= 0; k--) {
                            list.remove(indices.get(k));
                        }
                    });
        }

        private Plan districtWithoutCommunes() {
            List<AgencyInfo> districts = agenciesOf("DISTRICT");
            int mode = r.between(0, districts.size() >= 2 ? 2 : 1);
            if (mode == 0) {
                int n = agencies.size();
                String id = byId.containsKey("HUYEN-MOI") ? "HUYEN-MOI-2" : "HUYEN-MOI";
                return new Plan("DISTRICT_WITHOUT_COMMUNES", List.of("new district"), "a district \"" + id
                        + "\" without communes appended as agencies[" + n + "]", "agencies[" + n + "]",
                        "has no communes", root -> {
                            ObjectNode d = ((ArrayNode) root.get("agencies")).addObject();
                            d.put("id", id);
                            d.put("kind", "DISTRICT");
                            ObjectNode s = d.putObject("communeScoring");
                            s.putArray("onSiteCommunes");
                            s.putNull("resultsSentOn");
                            s.put("resultsDeadline", "2022-11-15");
                        });
            }
            AgencyInfo district = r.pick(districts);
            List<AgencyInfo> communes = communesOf(district.id());
            Set<String> communeIds = communes.stream().map(AgencyInfo::id).collect(Collectors.toSet());
            if (mode == 1) {
                int shifted = district.index() - (int) communes.stream().filter(c -> c.index() < district.index())
                        .count();
                List<Integer> removedAssessments = assessments.stream().filter(a -> communeIds.contains(a.agency()))
                        .map(AssessmentInfo::index).toList();
                return new Plan("DISTRICT_WITHOUT_COMMUNES", List.of("communes removed"), "removed the "
                        + communes.size() + " communes of " + district.id() + " and their assessments (the district "
                        + "becomes agencies[" + shifted + "])", "agencies[" + shifted + "]", "has no communes",
                        root -> {
                            onSite(root, district.index()).removeAll();
                            ArrayNode list = (ArrayNode) root.get("assessments");
                            for (int k = removedAssessments.size() - 1; k >= 0; k--) {
                                list.remove(removedAssessments.get(k));
                            }
                            ArrayNode agencyList = (ArrayNode) root.get("agencies");
                            for (int k = communes.size() - 1; k >= 0; k--) {
                                agencyList.remove(communes.get(k).index());
                            }
                        });
            }
            AgencyInfo other = r.pick(districts.stream().filter(d -> d != district).toList());
            return new Plan("DISTRICT_WITHOUT_COMMUNES", List.of("communes moved"), "the " + communes.size()
                    + " communes of " + district.id() + " moved to " + other.id(), "agencies[" + district.index()
                    + "]", "has no communes", root -> {
                        onSite(root, district.index()).removeAll();
                        communes.forEach(c -> agencyNode(root, c.index()).put("district", other.id()));
                    });
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // corruptions of the text and the bytes

    private static final class TextCorruptor {

        private static final Pattern SCALAR_LINE = Pattern.compile("^(\\s*)\"([^\"\\\\]*)\": ([^\\[{].*?)(,?)$");

        private final byte[] valid;
        private final String text;
        private final List<String> lines;
        private final List<Integer> scalarLines = new ArrayList<>();
        private final List<Integer> numberLines = new ArrayList<>();
        private final List<Integer> stringLines = new ArrayList<>();
        private final List<Integer> literalLines = new ArrayList<>();
        /** Byte offsets just after the opening quote of every string (keys and values). */
        private final List<Integer> stringStarts = new ArrayList<>();
        /** Field names: the offset just after the opening quote and the length in bytes. */
        private final List<int[]> keys = new ArrayList<>();
        private final Rand r;

        TextCorruptor(byte[] valid, Rand r) {
            this.valid = valid;
            this.r = r;
            this.text = new String(valid, StandardCharsets.UTF_8);
            this.lines = List.of(text.split("\n", -1));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SCALAR_LINE.matcher(lines.get(i));
                if (m.matches()) {
                    scalarLines.add(i);
                    String value = m.group(3);
                    if (value.matches("-?\\d+")) {
                        numberLines.add(i);
                    } else if (value.startsWith("\"")) {
                        stringLines.add(i);
                    } else {
                        literalLines.add(i);
                    }
                }
            }
            boolean inString = false;
            for (int i = 0; i < valid.length; i++) {
                byte b = valid[i];
                if (inString) {
                    if (b == '\\') {
                        i++;
                    } else if (b == '"') {
                        inString = false;
                        int start = stringStarts.get(stringStarts.size() - 1);
                        if (i + 1 < valid.length && valid[i + 1] == ':') {
                            keys.add(new int[] {start, i - start});
                        }
                    }
                } else if (b == '"') {
                    inString = true;
                    stringStarts.add(i + 1);
                }
            }
        }

        private Corruption corruption(String kind, List<String> tags, String what, byte[] document, Route route,
                                      Expect expect, String hint) {
            return new Corruption(kind, tags, what, document, route, expect, List.of(), hint);
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        private String withLines(List<String> changed) {
            return String.join("\n", changed);
        }

        // -------- truncation

        Corruption truncation() {
            int len = valid.length;
            String tag;
            int cut;
            switch (r.between(0, 4)) {
                case 0 -> {
                    tag = "first bytes";
                    cut = r.between(0, Math.min(3, len - 1));
                }
                case 1 -> {
                    tag = "last bytes";
                    cut = r.between(Math.max(0, len - 8), len - 1);
                }
                case 2 -> {
                    tag = "after a token";
                    List<Integer> after = new ArrayList<>();
                    for (int k = 0; k < 50; k++) {
                        int p = r.between(0, len - 1);
                        byte b = valid[p];
                        if (b == '{' || b == '[' || b == ',' || b == ':' || b == '"') {
                            after.add(p + 1);
                            break;
                        }
                    }
                    cut = after.isEmpty() ? r.between(0, len - 1) : Math.min(after.get(0), len - 1);
                }
                default -> {
                    tag = "anywhere";
                    cut = r.between(0, len - 1);
                }
            }
            byte[] document = Arrays.copyOf(valid, cut);
            boolean onlyWhiteSpace = new String(valid, cut, len - cut, StandardCharsets.UTF_8).isBlank();
            return corruption("TRUNCATION", List.of(tag), "cut after " + cut + " of " + len + " bytes", document,
                    r.route(true), onlyWhiteSpace ? Expect.VALID : Expect.REJECT, onlyWhiteSpace ? null
                            : "not valid JSON|empty");
        }

        // -------- random byte edits

        Corruption byteEdits() {
            byte[] b = valid.clone();
            int edits = r.percent(60) ? 1 : r.between(2, 3);
            List<String> tags = new ArrayList<>();
            List<String> what = new ArrayList<>();
            for (int e = 0; e < edits; e++) {
                int p = r.between(0, b.length - 1);
                switch (r.between(0, 7)) {
                    case 0, 1 -> {
                        int bit = r.between(0, 7);
                        b[p] ^= (byte) (1 << bit);
                        tags.add("bit flip");
                        what.add("bit " + bit + " of byte " + p + " flipped");
                    }
                    case 2 -> {
                        int v = r.between(0, 255);
                        b[p] = (byte) v;
                        tags.add("random byte");
                        what.add(String.format("byte %d = 0x%02X", p, v));
                    }
                    case 3 -> {
                        b[p] = 0;
                        tags.add("zero byte");
                        what.add("byte " + p + " = 0x00");
                    }
                    case 4 -> {
                        int v = r.between(0, 255);
                        b = concat(Arrays.copyOf(b, p), new byte[] {(byte) v}, Arrays.copyOfRange(b, p, b.length));
                        tags.add("inserted byte");
                        what.add(String.format("0x%02X inserted at %d", v, p));
                    }
                    case 5 -> {
                        b = concat(Arrays.copyOf(b, p), Arrays.copyOfRange(b, p + 1, b.length));
                        tags.add("deleted byte");
                        what.add("byte " + p + " deleted");
                    }
                    case 6 -> {
                        int n = Math.min(r.between(1, 64), b.length - p);
                        if (r.percent(50)) {
                            b = concat(Arrays.copyOf(b, p), Arrays.copyOfRange(b, p + n, b.length));
                            tags.add("deleted range");
                            what.add(n + " bytes deleted at " + p);
                        } else {
                            int q = r.between(0, b.length);
                            byte[] range = Arrays.copyOfRange(b, p, p + n);
                            b = concat(Arrays.copyOf(b, q), range, Arrays.copyOfRange(b, q, b.length));
                            tags.add("repeated range");
                            what.add(n + " bytes from " + p + " repeated at " + q);
                        }
                    }
                    default -> {
                        if (p + 1 < b.length) {
                            byte t = b[p];
                            b[p] = b[p + 1];
                            b[p + 1] = t;
                        }
                        tags.add("swapped bytes");
                        what.add("bytes " + p + " and " + (p + 1) + " swapped");
                    }
                }
                if (b.length == 0) {
                    break;
                }
            }
            return corruption("BYTE_EDITS", tags, String.join(", ", what), b, r.route(true), Expect.EITHER, null);
        }

        // -------- encodings

        private static final int[][] INVALID_UTF8 = {{0xFF}, {0xFE}, {0xC3}, {0x80}, {0xBF}, {0xC0, 0xAF},
            {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
            {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98},
            {0xF0, 0x80, 0x80, 0xAF}};
        private static final String[] INVALID_UTF8_LABELS = {"stray FF", "stray FE", "truncated 2-byte",
            "lone continuation", "lone continuation", "overlong 2-byte", "overlong 2-byte", "overlong 3-byte",
            "surrogate D800", "surrogate DFFF", "beyond U+10FFFF", "beyond U+10FFFF", "5-byte", "truncated 3-byte",
            "truncated 4-byte", "overlong 4-byte"};
        private static final int[][] PREFIXES = {{0xEF, 0xBB, 0xBF}, {0xFE, 0xFF}, {0xFF, 0xFE},
            {0x00, 0x00, 0xFE, 0xFF}, {0xFF, 0xFE, 0x00, 0x00}, {0x00}, {0x00, 0x00}, {0x00, 0x00, 0x00},
            {0xEF, 0xBB}, {0x2B, 0x2F, 0x76}};

        private int headByte() {
            return r.pick(0x00, 0x00, 0x00, 0x00, 0xFE, 0xFF, 0xEF, 0xBB, 0xBF, 0x7B, 0x22, r.between(0, 255));
        }

        Corruption encoding() {
            int mode = r.between(0, 9);
            Route route = r.percent(85) ? Route.STREAM : Route.FILE;
            if (mode <= 3) {
                byte[] b = valid.clone();
                int k = r.between(1, 4);
                List<String> what = new ArrayList<>();
                for (int t = 0; t < k; t++) {
                    int p = r.between(0, Math.min(3, b.length - 1));
                    int v = headByte();
                    b[p] = (byte) v;
                    what.add(String.format("byte %d = 0x%02X", p, v));
                }
                return corruption("ENCODING", List.of("first bytes overwritten"), String.join(", ", what), b, route,
                        Expect.EITHER, null);
            }
            if (mode <= 5) {
                int[] prefix;
                if (r.percent(60)) {
                    prefix = PREFIXES[r.between(0, PREFIXES.length - 1)];
                } else {
                    prefix = new int[r.between(1, 4)];
                    for (int t = 0; t < prefix.length; t++) {
                        prefix[t] = headByte();
                    }
                }
                return corruption("ENCODING", List.of("bytes prefixed"), "prefixed with " + hex(prefix),
                        concat(bytes(prefix), valid), route, Expect.EITHER, null);
            }
            if (mode == 6) {
                // 0xFF bytes that fill up the last, partial 4-byte group of a field name: Jackson pads that group
                // with 0xFF bytes when it looks names up, so "\xFFid" may be taken for "id"
                List<int[]> short4 = keys.stream().filter(k -> k[1] % 4 != 0).toList();
                if (!short4.isEmpty()) {
                    int[] key = r.pick(short4);
                    int partial = key[1] % 4;
                    int n = r.between(1, 4 - partial);
                    int p = key[0] + key[1] - partial;
                    int[] ff = new int[n];
                    Arrays.fill(ff, 0xFF);
                    String name = new String(valid, key[0], key[1], StandardCharsets.UTF_8);
                    byte[] document = concat(Arrays.copyOf(valid, p), bytes(ff), Arrays.copyOfRange(valid, p,
                            valid.length));
                    return corruption("INVALID_UTF8", List.of("FF in a field name's last quad"), hex(ff)
                            + " inserted in the field name \"" + name + "\" at byte " + p, document, route,
                            Expect.REJECT, "UTF-8");
                }
            }
            int which = r.between(0, INVALID_UTF8.length - 1);
            int at = r.pick(stringStarts);
            int offset = r.between(0, 2);
            int p = Math.min(at + offset, valid.length);
            // stay inside the string: only skip plain characters
            for (int q = at; q < p; q++) {
                if (valid[q] == '"' || valid[q] == '\\' || (valid[q] & 0x80) != 0) {
                    p = q;
                    break;
                }
            }
            byte[] document = concat(Arrays.copyOf(valid, p), bytes(INVALID_UTF8[which]),
                    Arrays.copyOfRange(valid, p, valid.length));
            return corruption("INVALID_UTF8", List.of(INVALID_UTF8_LABELS[which]), hex(INVALID_UTF8[which])
                    + " inserted in a string at byte " + p, document, route, Expect.REJECT, "UTF-8");
        }

        private static byte[] bytes(int[] values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                b[i] = (byte) values[i];
            }
            return b;
        }

        private static String hex(int[] values) {
            return Arrays.stream(values).mapToObj(v -> String.format("%02X", v)).collect(Collectors.joining(" "));
        }

        // -------- trailing content

        Corruption trailing() {
            String[] labels = {"garbage", "a closing brace", "a closing bracket", "a comma", "an empty object",
                "an empty array", "null", "a number", "a string", "a second copy of the request", "a NUL byte",
                "a comment"};
            String[] tails = {"x", "}", "]", ",", "{}", "[]", "null", "0", "\"x\"", null, "\u0000", "// end"};
            int k = r.between(0, labels.length - 1);
            byte[] tail = tails[k] == null ? valid : utf8(tails[k]);
            boolean beforeNewline = r.percent(50);
            byte[] document = beforeNewline
                    ? concat(Arrays.copyOf(valid, valid.length - 1), tail, new byte[] {'\n'})
                    : concat(valid, tail);
            return corruption("TRAILING_CONTENT", List.of(labels[k]), labels[k] + " after the request"
                    + (beforeNewline ? " (before the final newline)" : ""), document, r.route(true), Expect.REJECT,
                    null);
        }

        // -------- syntax

        Corruption syntax() {
            for (int attempt = 0; attempt < 10; attempt++) {
                Corruption c = syntax(r.between(0, 13));
                if (c != null) {
                    return c;
                }
            }
            return notARequest();
        }

        private Corruption syntax(int variant) {
            List<String> changed = new ArrayList<>(lines);
            Route route = r.route(true);
            switch (variant) {
                case 0 -> {
                    int i = r.pick(scalarLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    String value = r.percent(50) ? m.group(3) : r.pick("1", "\"x\"", "null", "true");
                    changed.add(i, m.group(1) + "\"" + m.group(2) + "\": " + value + ",");
                    return corruption("SYNTAX", List.of("duplicate key"), "\"" + m.group(2) + "\" repeated at line "
                            + (i + 1), utf8(withLines(changed)), route, Expect.REJECT, "duplicate");
                }
                case 1 -> {
                    int i = r.pick(scalarLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    // far beyond any sensible limit (a request needs 4 levels), whatever the limit is exactly
                    int depth = r.pick(100, 200, r.between(100, 3000), r.percent(10) ? 100_000 : 500);
                    String nested = r.percent(50) ? "[".repeat(depth) + "]".repeat(depth)
                            : "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + nested + m.group(4));
                    return corruption("SYNTAX", List.of("deep nesting"), "the value at line " + (i + 1)
                            + " nested " + depth + " deep", utf8(withLines(changed)), route, Expect.REJECT,
                            "nest|depth|deep");
                }
                case 2 -> {
                    if (numberLines.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(numberLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    int length = r.between(1001, 20_000);
                    StringBuilder digits = new StringBuilder().append((char) ('1' + r.between(0, 8)));
                    for (int k = 1; k < length; k++) {
                        digits.append((char) ('0' + (k * 7 + i) % 10));
                    }
                    if (r.percent(30)) {
                        digits.insert(length / 2, '.');
                    }
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + digits + m.group(4));
                    return corruption("SYNTAX", List.of("very long number"), "a number of " + digits.length()
                            + " characters at line " + (i + 1), utf8(withLines(changed)), route, Expect.REJECT,
                            "number");
                }
                case 3 -> {
                    return notARequest();
                }
                case 4 -> {
                    int i = r.between(1, lines.size() - 2); // inside the object: after it is trailing content, (e)
                    String comment = r.pick("// a comment", "/* a comment */", "# a comment");
                    changed.add(i, comment);
                    return corruption("SYNTAX", List.of("comment"), "\"" + comment + "\" inserted as line " + (i + 1),
                            utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                case 5, 6 -> {
                    int i = r.pick(scalarLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    boolean single = variant == 5;
                    String key = single ? "'" + m.group(2) + "'" : m.group(2);
                    changed.set(i, m.group(1) + key + ": " + m.group(3) + m.group(4));
                    return corruption("SYNTAX", List.of(single ? "single-quoted key" : "unquoted key"), "key " + key
                            + " at line " + (i + 1), utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                case 7 -> {
                    if (numberLines.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(numberLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    String number = r.pick("NaN", "Infinity", "-Infinity", "+5", "020", "0x14", "1_000", ".5", "5.",
                            "1e", "-", "1.2.3", "0b1", "--1", "1e+", "\u0665");
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + number + m.group(4));
                    return corruption("SYNTAX", List.of("non-JSON number"), m.group(2) + " = " + number + " at line "
                            + (i + 1), utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                case 8 -> {
                    if (stringLines.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(stringLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    char control = (char) r.between(0, 0x1F);
                    String value = m.group(3);
                    int at = r.between(1, Math.max(1, value.length() - 1));
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + value.substring(0, at) + control
                            + value.substring(at) + m.group(4));
                    return corruption("SYNTAX", List.of("control character in a string"), String.format(
                            "U+%04X in the string at line %d", (int) control, i + 1), utf8(withLines(changed)), route,
                            Expect.REJECT, null);
                }
                case 9 -> {
                    if (stringLines.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(stringLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    String value = m.group(3);
                    String escape = r.pick("\\q", "\\x41", "\\u12", "\\u00G1", "\\'", "\\");
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + value.substring(0, value.length() - 1)
                            + escape + "\"" + m.group(4));
                    return corruption("SYNTAX", List.of("bad escape"), escape + " in the string at line " + (i + 1),
                            utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                case 10 -> {
                    List<Integer> last = scalarLines.stream().filter(i -> lines.get(i).endsWith(",") == false)
                            .toList();
                    if (last.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(last);
                    changed.set(i, lines.get(i) + ",");
                    return corruption("SYNTAX", List.of("trailing comma"), "a comma after the last member at line "
                            + (i + 1), utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                case 11 -> {
                    List<Integer> withComma = scalarLines.stream().filter(i -> lines.get(i).endsWith(",")).toList();
                    if (withComma.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(withComma);
                    changed.set(i, lines.get(i).substring(0, lines.get(i).length() - 1));
                    return corruption("SYNTAX", List.of("missing comma"), "the comma of line " + (i + 1) + " removed",
                            utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                case 12 -> {
                    if (stringLines.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(stringLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    String value = m.group(3);
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + value.substring(0, value.length() - 1)
                            + m.group(4));
                    return corruption("SYNTAX", List.of("unclosed string"), "the closing quote of line " + (i + 1)
                            + " removed", utf8(withLines(changed)), route, Expect.REJECT, null);
                }
                default -> {
                    if (literalLines.isEmpty()) {
                        return null;
                    }
                    int i = r.pick(literalLines);
                    Matcher m = SCALAR_LINE.matcher(lines.get(i));
                    m.matches();
                    String literal = r.pick("True", "FALSE", "tru", "nul", "Null", "undefined", "None", "yes");
                    changed.set(i, m.group(1) + "\"" + m.group(2) + "\": " + literal + m.group(4));
                    return corruption("SYNTAX", List.of("misspelt literal"), m.group(2) + " = " + literal
                            + " at line " + (i + 1), utf8(withLines(changed)), route, Expect.REJECT, null);
                }
            }
        }

        private Corruption notARequest() {
            String document = r.pick("", " ", "\n\n", "[]", "[{}]", "42", "-1", "\"a request\"", "null", "true",
                    "{}", "[" + text.strip() + "]", "{\"request\": " + text.strip() + "}");
            String shown = document.length() > 40 ? document.substring(0, 20) + "..." : document;
            return corruption("SYNTAX", List.of("not a request object"), "the document is \"" + shown + "\"",
                    utf8(document), r.route(true), Expect.REJECT, null);
        }
    }
}
