package org.isoscoring.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON contract of FORMAT.md: a request read from JSON, a result written as JSON. A service that receives
 * the JSON of another system needs no code of its own:
 *
 * <pre>{@code
 * ScoringRequest request = ScoringJson.readRequest(body);      // RequestRejectedException lists every problem
 * String json = ScoringJson.writeResult(engine.evaluate(request));
 * }</pre>
 *
 * <p>Reading rejects unknown fields, wrong types, fractional or too large counts, impossible dates, duplicate
 * keys and malformed JSON, all at once, each with its place; the checks of {@link RequestChecks} follow on a
 * well-formed request. Nothing here throws a Jackson type.
 */
public final class ScoringJson {

    /** The largest request read, in bytes (a national request of 22,000 assessments is about 30 MB). */
    public static final long MAX_BYTES = 128L * 1024 * 1024;
    /** The most agencies a request may list. */
    public static final int MAX_AGENCIES = 200_000;
    /** The most assessments a request may list. */
    public static final int MAX_ASSESSMENTS = 1_000_000;
    /** The deepest nesting of arrays and objects read (a request needs 4). */
    public static final int MAX_DEPTH = 32;
    /** The longest string read, in characters. */
    public static final int MAX_STRING = 100_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(100).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ScoringJson() {
    }

    /**
     * Reads a request from its JSON text, by the vocabulary of the guidance of {@code engine} that scores it (the one
     * it names, or the one that covers its year: {@link ScoringEngine#guidanceFor}).
     *
     * @param json   the request's JSON text (FORMAT.md)
     * @param engine the engine that scores it, whose guidance's vocabulary reads it
     * @return the request, read and checked ({@link RequestChecks}): ready to score
     * @throws RequestRejectedException with every problem found
     */
    public static ScoringRequest readRequest(String json, ScoringEngine engine) {
        if (json.length() > MAX_BYTES) {
            throw new RequestRejectedException(List.of(tooLarge()));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RequestRejectedException(List.of(syntaxProblem(e)));
        }
        return toRequest(root, engine);
    }

    /**
     * Reads a request from a stream of UTF-8 JSON; the stream is read to its end but not closed.
     *
     * @param json   the request's JSON (FORMAT.md) in UTF-8, with or without a byte order mark
     * @param engine the engine that scores it, whose guidance's vocabulary reads it
     * @return the request, read and checked ({@link RequestChecks}): ready to score
     * @throws RequestRejectedException with every problem found
     * @throws UncheckedIOException     if the stream fails
     */
    public static ScoringRequest readRequest(InputStream json, ScoringEngine engine) {
        byte[] bytes;
        try {
            bytes = new LimitedInputStream(json, MAX_BYTES).readAllBytes();
        } catch (LimitedInputStream.TooLarge e) {
            throw new RequestRejectedException(List.of(tooLarge()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0; // a UTF-8 byte order mark is allowed
        String text;
        try {
            text = strictUtf8(bytes, start, bytes.length);
        } catch (CharacterCodingException e) {
            // a document cut in the middle of a character is a truncated document: let the JSON reader say where
            int end = incompleteTail(bytes);
            try {
                text = strictUtf8(bytes, start, end);
            } catch (CharacterCodingException again) {
                throw new RequestRejectedException(List.of(notUtf8()));
            }
            if (end == bytes.length) {
                throw new RequestRejectedException(List.of(notUtf8()));
            }
        }
        return readRequest(text, engine);
    }

    private static String strictUtf8(byte[] bytes, int from, int to) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, Math.max(0, to - from))).toString();
    }

    /** Where an incomplete multi-byte character at the very end starts, or the length when there is none. */
    private static int incompleteTail(byte[] bytes) {
        for (int i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return bytes.length - i < length ? i : bytes.length;
        }
        return bytes.length;
    }

    /**
     * Reads a request from a UTF-8 JSON file.
     *
     * @param file   the request's JSON file (FORMAT.md), in UTF-8
     * @param engine the engine that scores it, whose guidance's vocabulary reads it
     * @return the request, read and checked ({@link RequestChecks}): ready to score
     * @throws RequestRejectedException with every problem found, including a file that cannot be read
     */
    public static ScoringRequest readRequest(Path file, ScoringEngine engine) {
        if (Files.isDirectory(file)) {
            throw new RequestRejectedException(List.of(new Problem(file.toString(), "is a directory, not a file",
                    "là một thư mục, không phải tệp")));
        }
        if (!Files.isReadable(file)) {
            throw new RequestRejectedException(List.of(new Problem(file.toString(), "no such file, or not readable",
                    "không có tệp này, hoặc không đọc được")));
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new RequestRejectedException(List.of(new Problem(file.toString(), tooLarge().message(),
                        tooLarge().messageVi())));
            }
        } catch (IOException e) {
            throw new RequestRejectedException(List.of(unreadable(file, e)));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readRequest(in, engine);
        } catch (IOException | UncheckedIOException e) {
            throw new RequestRejectedException(List.of(unreadable(file, e)));
        }
    }

    /**
     * The result as FORMAT.md JSON, pretty-printed, with a final newline.
     *
     * @param result the result of scoring a request
     * @return the JSON text
     */
    public static String writeResult(ScoringResult result) {
        StringWriter text = new StringWriter();
        writeResult(result, text);
        return text.toString();
    }

    /**
     * Writes the result as FORMAT.md JSON, pretty-printed, with a final newline, as it goes: a national result
     * is hundreds of megabytes of text, which need not be held in memory. The writer is flushed, not closed.
     *
     * @param result the result of scoring a request
     * @param out    where the JSON text is written
     * @throws UncheckedIOException if the writer fails
     */
    public static void writeResult(ScoringResult result, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.setPrettyPrinter(printer());
            writeResult(result, g);
            g.flush();
            out.write("\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result", e);
        }
    }

    /**
     * Writes the result as FORMAT.md JSON in UTF-8, the same bytes as {@link #writeResult(ScoringResult, Writer)}
     * writes as text, as it goes; faster, as the characters are encoded once. The stream is flushed, not closed.
     *
     * @param result the result of scoring a request
     * @param out    where the JSON is written, in UTF-8
     * @throws UncheckedIOException if the stream fails
     */
    public static void writeResult(ScoringResult result, java.io.OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.setPrettyPrinter(printer());
            writeResult(result, g);
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result", e);
        }
    }

    private static void writeResult(ScoringResult result, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("guidance", result.guidance());
        g.writeNumberField("year", result.year());
        g.writeStringField("rulesHash", result.rulesHash());
        g.writeArrayFieldStart("assessments");
        for (AssessmentResult a : result.assessments()) {
            g.writeStartObject();
            g.writeStringField("agency", a.agency());
            g.writeStringField("assessor", a.assessor());
            g.writeObjectFieldStart("points");
            for (Map.Entry<String, BigDecimal> p : a.points().entrySet()) {
                numberField(g, p.getKey(), p.getValue());
            }
            g.writeEndObject();
            numberField(g, "subtotal", a.subtotal());
            numberField(g, "penalty", a.penalty());
            numberField(g, "total", a.total());
            g.writeStringField("rating", a.rating());
            g.writeArrayFieldStart("explanations");
            for (Explanation e : a.explanations()) {
                g.writeStartObject();
                g.writeFieldName(Names.CRITERION);
                g.writeString(e.criterion());
                g.writeFieldName(Names.POINTS);
                number(g, e.points());
                g.writeFieldName(Names.MAX);
                number(g, e.max());
                g.writeFieldName(Names.RULE);
                g.writeString(e.rule());
                g.writeFieldName(Names.REASON);
                g.writeString(e.reason());
                g.writeFieldName(Names.REASON_EN);
                g.writeString(e.reasonEn());
                g.writeFieldName(Names.FACTS);
                g.writeStartObject();
                Map<String, String> facts = e.facts();
                for (Map.Entry<String, String> f : (facts.size() < 2 ? facts : new TreeMap<>(facts)).entrySet()) {
                    g.writeStringField(f.getKey(), f.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("agencies");
        for (AgencyResult a : result.agencies()) {
            g.writeStartObject();
            g.writeStringField("agency", a.agency());
            g.writeStringField("finalAssessor", a.finalAssessor());
            numberField(g, "total", a.total());
            g.writeStringField("rating", a.rating());
            g.writeEndObject();
        }
        g.writeEndArray();
        for (Map.Entry<String, List<GroupReport>> group : result.groups().entrySet()) {
            List<GroupReport> reports = group.getValue();
            boolean whole = reports.size() == 1 && reports.get(0).agency() == null;
            if (whole) {
                g.writeFieldName(group.getKey());
                writeReport(reports.get(0), g);
            } else {
                g.writeArrayFieldStart(group.getKey());
                for (GroupReport report : reports) {
                    writeReport(report, g);
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    private static void writeReport(GroupReport report, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (report.agency() != null) {
            g.writeStringField("agency", report.agency());
        }
        for (Map.Entry<String, Object> figure : report.figures().entrySet()) {
            Object value = figure.getValue();
            if (value instanceof List<?> ids) {
                g.writeArrayFieldStart(figure.getKey());
                for (Object id : ids) {
                    g.writeString(String.valueOf(id));
                }
                g.writeEndArray();
            } else if (value instanceof BigDecimal d) {
                numberField(g, figure.getKey(), d);
            } else if (value instanceof Integer count) {
                g.writeNumberField(figure.getKey(), count);
            } else if (value == null) {
                g.writeNullField(figure.getKey());
            } else {
                g.writeStringField(figure.getKey(), value.toString());
            }
        }
        g.writeEndObject();
    }

    /**
     * The request as FORMAT.md JSON, pretty-printed, with a final newline: each agency's parent and record under the
     * names its guidance gives them.
     *
     * @param request  the request
     * @param guidance the guidance whose vocabulary names its agencies' parents and records
     * @return the JSON text
     */
    public static String writeRequest(ScoringRequest request, GuidanceInfo guidance) {
        return write(requestNode(request, guidance.vocabulary()));
    }

    /**
     * The draws of a sample as JSON, pretty-printed, with a final newline (what {@code sample --json} prints and
     * {@code POST /v1/sample} answers; docs/sampling.md).
     *
     * @param sample the draws, from {@link Sample#of}
     * @return the JSON text: the seed and its UTF-8 bytes, the algorithm, and each draw's size, communes chosen and
     *         ranking
     */
    public static String writeSample(Sample sample) {
        var root = MAPPER.createObjectNode();
        if (sample.district() == null) {
            root.put("group", sample.group().id());
            root.put("kind", sample.group().sampleOf());
        } else {
            root.put("district", sample.district().id());
        }
        root.put("seed", sample.seed());
        root.put("seedUtf8", sample.seedUtf8());
        root.put("algorithm", Sampling.ALGORITHM);
        root.put("keyOf", "lowercase hex SHA-256 of UTF-8(purpose + \"\\n\" + seed + \"\\n\" + communeId)");
        root.put("guidance", sample.guidance());
        root.put("rulesHash", sample.rulesHash());
        var list = root.putArray("draws");
        for (Sample.Draw d : sample.draws()) {
            var n = list.addObject();
            n.put("purpose", d.purpose().label());
            n.put("communes", d.communes());
            n.put("size", d.size());
            var chosen = n.putArray("chosen");
            d.chosen().forEach(chosen::add);
            var ranking = n.putArray("ranking");
            for (Sampling.Ranked r : d.ranking()) {
                ranking.addObject().put("rank", r.rank()).put("commune", r.commune())
                        .put("name", sample.names().getOrDefault(r.commune(), "")).put("key", r.key())
                        .put("chosen", r.rank() <= d.size());
            }
        }
        return write(root);
    }

    /** Two spaces of indent, {@code "key": value}, one value a line. */
    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter()
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(Indenter.INSTANCE)
                .withArrayIndenter(Indenter.INSTANCE);
    }

    /**
     * A line break and two spaces a level, as {@code DefaultIndenter("  ", "\n")} writes them, but as encoded text
     * made once per level: a result is a great many lines (a service writes several a second).
     */
    private static final class Indenter implements DefaultPrettyPrinter.Indenter {
        static final Indenter INSTANCE = new Indenter();
        private static final SerializedString[] LEVELS =
                new SerializedString[32];

        static {
            for (int level = 0; level < LEVELS.length; level++) {
                LEVELS[level] = new SerializedString("\n" + "  ".repeat(level));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            g.writeRaw(level < LEVELS.length ? LEVELS[level]
                    : new SerializedString("\n" + "  ".repeat(level)));
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writer(printer()).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Problem tooLarge() {
        return new Problem("", "the request is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the limit",
                "yêu cầu lớn hơn giới hạn " + MAX_BYTES / (1024 * 1024) + " MiB");
    }

    private static Problem notUtf8() {
        return new Problem("", "the file is not valid UTF-8 text", "tệp không phải văn bản UTF-8 hợp lệ");
    }

    private static Problem unreadable(Path file, Exception e) {
        return new Problem(file.toString(), "cannot be read: " + e.getMessage(),
                "không đọc được: " + e.getMessage());
    }

    private static Problem syntaxProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        String vi = null; // Jackson's own messages are English: the Vietnamese line quotes them after its own words
        if (message != null && message.contains("Duplicate field")) {
            message = message.replace("Duplicate field", "duplicate key");
            vi = "khoá bị trùng: " + firstLine(message.replace("duplicate key", "").strip());
        }
        if (message != null && (message.contains("Invalid UTF-8") || message.contains("Invalid UTF8"))) {
            message = "the file is not valid UTF-8 text";
            vi = "tệp không phải văn bản UTF-8 hợp lệ";
        }
        if (message != null && message.contains("Document nesting depth")) {
            message = "nested deeper than " + MAX_DEPTH + " levels, the limit (a request needs 4)";
            vi = "lồng sâu hơn giới hạn " + MAX_DEPTH + " mức (một yêu cầu chỉ cần 4)";
        }
        if (message != null && message.contains("String value length")) {
            message = "a text longer than " + MAX_STRING + " characters, the limit";
            vi = "một chuỗi dài hơn giới hạn " + MAX_STRING + " ký tự";
        }
        if (message != null && message.contains("Number value length")) {
            message = "a number with more than 100 digits";
            vi = "một số có hơn 100 chữ số";
        }
        if (message != null && message.contains("Trailing token")) {
            message = "there is more after the request object; a request is one JSON object";
            vi = "còn nội dung sau đối tượng yêu cầu; một yêu cầu là đúng một đối tượng JSON";
        }
        if (message != null && message.contains("No content to map")) {
            message = "the document is empty: a request is a JSON object";
            vi = "tài liệu trống: một yêu cầu là một đối tượng JSON";
        }
        if (message != null) { // Jackson's source description says nothing to a reader: keep its line and column only
            message = message.replaceAll("\\[Source: [^;]*?\\); line: (\\d+), column: (\\d+)]", "line $1, column $2");
        }
        var location = e.getLocation();
        String place = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new Problem(place, "not valid JSON: " + firstLine(message),
                "JSON không hợp lệ: " + (vi != null ? vi : syntaxVi(message)));
    }

    private static final java.util.regex.Pattern CHARACTER = java.util.regex.Pattern.compile(
            "^Unexpected character \\('(.{1,2})' \\(code (\\d+)\\)\\)");

    /**
     * A Vietnamese sentence for one of the JSON parser's own (English) messages: what kind of mistake it is; the
     * place says where. An unknown kind is only "a syntax error".
     */
    private static String syntaxVi(String message) {
        if (message == null) {
            return "sai cú pháp";
        }
        String m = firstLine(message);
        String because = null;
        if (m.contains("double-quote to start field name")) {
            because = "tên trường phải đặt trong dấu ngoặc kép";
        } else if (m.contains("comma to separate")) {
            because = "thiếu dấu phẩy giữa hai phần tử";
        } else if (m.contains("colon to separate")) {
            because = "thiếu dấu hai chấm giữa tên trường và giá trị";
        } else if (m.contains("comment")) {
            because = "JSON không cho phép chú thích";
        } else if (m.contains("expected a valid value") || m.contains("was expecting (JSON String")) {
            because = "cần một giá trị: chuỗi, số, mảng, đối tượng, null, true hoặc false";
        } else if (m.contains("expected close marker") || m.contains("expected '}'") || m.contains("expected ']'")) {
            because = "thiếu dấu đóng } hoặc ]";
        }
        String kind;
        var character = CHARACTER.matcher(m);
        if (m.contains("end-of-input") || m.contains("Unexpected EOF")) {
            kind = "tài liệu kết thúc giữa chừng (bị cắt, hoặc thiếu dấu đóng)";
            because = null;
        } else if (m.startsWith("Unexpected close marker")) {
            kind = "dấu đóng ] hoặc } không đúng chỗ";
        } else if (m.contains("Unrecognized character escape")) {
            kind = "ký tự sau dấu \\ trong chuỗi không hợp lệ";
        } else if (m.contains("Illegal unquoted character")) {
            kind = "ký tự điều khiển trong chuỗi phải viết thoát bằng \\";
        } else if (m.contains("Illegal character")) {
            kind = "ký tự không được phép (giữa các phần tử chỉ được có khoảng trắng)";
        } else if (m.contains("Unrecognized token")) {
            kind = "không hiểu giá trị này";
        } else if (m.contains("Non-standard token") || m.contains("numeric value") || m.contains("Leading zero")
                || m.contains("Leading plus") || m.contains("Decimal point")) {
            kind = "số không viết theo cách của JSON";
        } else if (character.find()) {
            kind = "ký tự '" + character.group(1) + "' không đúng chỗ";
        } else {
            kind = "sai cú pháp";
        }
        return because == null ? kind : kind + ": " + because;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ScoringRequest toRequest(JsonNode root, ScoringEngine engine) {
        JsonReader reader = new JsonReader();
        JsonReader.Heading heading = reader.heading(root);
        if (heading == null || heading.year() == null || reader.problems().stream()
                .anyMatch(p -> p.place().equals("guidance") || p.place().equals("year"))) {
            throw new RequestRejectedException(reader.problems()); // which guidance reads the rest is not known
        }
        GuidanceInfo guidance;
        try {
            guidance = engine.guidanceFor(heading.guidance(), heading.year());
        } catch (RequestRejectedException e) { // the rest cannot be read without the guidance's vocabulary
            List<Problem> problems = new java.util.ArrayList<>(reader.problems());
            problems.addAll(e.problems());
            throw new RequestRejectedException(problems);
        }
        ScoringRequest request = reader.request(root, heading, guidance.vocabulary());
        if (request == null) {
            throw new RequestRejectedException(reader.problems());
        }
        RequestChecks.requireValid(request, guidance);
        return request;
    }

    /** The names of the fields every explanation has, encoded once (a result has tens of thousands). */
    private static final class Names {
        static final SerializedString CRITERION = new SerializedString("criterion");
        static final SerializedString POINTS = new SerializedString("points");
        static final SerializedString MAX = new SerializedString("max");
        static final SerializedString RULE = new SerializedString("rule");
        static final SerializedString REASON = new SerializedString("reason");
        static final SerializedString REASON_EN = new SerializedString("reasonEn");
        static final SerializedString FACTS = new SerializedString("facts");
    }

    /** Writes a number field as {@link #number} gives it: a whole number without the detour through text. */
    private static void numberField(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        number(g, value);
    }

    private static void number(JsonGenerator g, BigDecimal value) throws IOException {
        BigDecimal n = number(value);
        if (n.scale() == 0 && n.precision() < 19) {
            g.writeNumber(n.longValueExact());
        } else {
            g.writeNumber(n);
        }
    }

    private static BigDecimal number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static JsonNode requestNode(ScoringRequest request, Vocabulary vocabulary) {
        ObjectNode root = MAPPER.createObjectNode();
        if (request.guidance() != null) {
            root.put("guidance", request.guidance());
        }
        root.put("year", request.year());
        ArrayNode agencies = root.putArray("agencies");
        for (Agency a : request.agencies()) {
            ObjectNode node = agencies.addObject();
            node.put("id", a.id());
            if (a.name() != null) {
                node.put("name", a.name());
            }
            node.put("kind", a.kind());
            Vocabulary.Kind kind = vocabulary.kind(a.kind()).orElse(null);
            if (a.parent() != null) {
                node.put(kind != null && kind.belongsTo() != null ? kind.belongsTo().field() : "parent", a.parent());
            }
            if (a.record() != null) {
                node.set(kind != null && kind.record() != null ? kind.record().name() : "record",
                        factsNode(a.record(), kind != null && kind.record() != null ? kind.record().fields() : List.of()));
            }
        }
        ArrayNode assessments = root.putArray("assessments");
        for (Assessment a : request.assessments()) {
            ObjectNode node = assessments.addObject();
            node.put("agency", a.agency());
            node.put("assessor", a.assessor());
            node.set("facts", factsNode(a.facts(), vocabulary.facts()));
        }
        return root;
    }

    /** The facts in the order the guidance declares them, then any it does not declare in their own order. */
    private static ObjectNode factsNode(Facts facts, List<Vocabulary.Fact> declared) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Vocabulary.Fact f : declared) {
            if (facts.has(f.name())) {
                node.set(f.name(), value(facts.get(f.name())));
            }
        }
        facts.asMap().forEach((name, value) -> {
            if (!node.has(name)) {
                node.set(name, value(value));
            }
        });
        return node;
    }

    private static JsonNode value(Object value) {
        return MAPPER.valueToTree(value instanceof LocalDate d ? d.toString() : value);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
