package org.isoscoring.tests.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isoscoring.tests.support.Requests.communeScoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.Facts;
import org.isoscoring.api.Sampling.Purpose;
import org.isoscoring.api.Sampling.Ranked;
import org.isoscoring.api.Sampling;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.tests.support.Cli.Run;
import org.isoscoring.tests.support.Cli;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.tests.support.SeedReporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Verifiable sampling (docs/sampling.md): the algorithm against keys computed here with {@link MessageDigest}, the
 * worked example of the docs (computed with {@code sha256sum}), the sizes of both draws, and the {@code sample}
 * command end to end with every error.
 */
@DisplayName("Verifiable sampling")
class SamplingTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("docs/examples/bac-giang-2022.json");
    static final String PUBLIC_SEED = "2022-11-02 QĐ 2532/QĐ-UBND";
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The key of the docs, computed independently: lowercase hex SHA-256 of UTF-8(purpose\nseed\nid). */
    static String expectedKey(String purpose, String seed, String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + "\n" + seed + "\n" + id).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : hash) {
                hex.append(String.format("%02x", b & 0xFF));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The order of the docs, computed independently: ids sorted by their expected keys, then by id. */
    static List<String> expectedOrder(String purpose, String seed, List<String> ids) {
        List<String> sorted = new ArrayList<>(ids.stream().distinct().toList());
        sorted.sort(Comparator.comparing((String id) -> expectedKey(purpose, seed, id)).thenComparing(id -> id));
        return sorted;
    }

    static List<String> ids(List<Ranked> ranking) {
        return ranking.stream().map(Ranked::commune).toList();
    }

    static List<String> communes(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("XA-T-%03d", i)).toList();
    }

    @Nested
    @DisplayName("the algorithm")
    class Algorithm {

        @Test
        @DisplayName("given the docs' worked example, then the keys and the samples are those sha256sum printed")
        void workedExample() {
            // docs/sampling.md: computed with printf 'province\n%s\n%s' "$SEED" "$id" | sha256sum
            List<String> yd = IntStream.rangeClosed(1, 18).mapToObj(i -> String.format("XA-YD-%02d", i)).toList();
            assertThat(Sampling.key(Purpose.PROVINCE, PUBLIC_SEED, "XA-YD-12"))
                    .isEqualTo("208bf972d7273a40a9e02e1feb8c5cd1054938d53c81772157818afb2fcb467f");
            assertThat(Sampling.key(Purpose.DISTRICT, PUBLIC_SEED, "XA-YD-11"))
                    .isEqualTo("2ee82c6afcb0bcb008810e276de5e570f1b30755f1d3e30e3cd8f9cfb369c489");
            assertThat(Sampling.draw(Purpose.PROVINCE, PUBLIC_SEED, yd, 2)).containsExactly("XA-YD-12", "XA-YD-03");
            assertThat(Sampling.draw(Purpose.DISTRICT, PUBLIC_SEED, yd, 6))
                    .containsExactly("XA-YD-11", "XA-YD-07", "XA-YD-13", "XA-YD-10", "XA-YD-06", "XA-YD-12");
            assertThat(ids(Sampling.rank(Purpose.PROVINCE, PUBLIC_SEED, yd))).endsWith("XA-YD-07", "XA-YD-01",
                    "XA-YD-10");
        }

        @Test
        @DisplayName("given a seed and ids, then each key is the SHA-256 of purpose, seed and id joined by line feeds")
        void keys() {
            for (String id : List.of("XA-YD-01", "X", "Phường Đông Lạc", "a b")) {
                for (String seed : List.of("2022", PUBLIC_SEED, "  spaces kept  ")) {
                    assertThat(Sampling.key(Purpose.PROVINCE, seed, id)).isEqualTo(expectedKey("province", seed, id));
                    assertThat(Sampling.key(Purpose.DISTRICT, seed, id)).isEqualTo(expectedKey("district", seed, id));
                }
            }
            assertThat(Sampling.hashedText(Purpose.PROVINCE, "s", "XA")).isEqualTo("province\ns\nXA");
        }

        @Test
        @DisplayName("given the seed in decomposed Unicode, then it is hashed as NFC, like the composed one")
        void nfc() {
            String composed = "Quyết định 2532";
            String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
            assertThat(decomposed).isNotEqualTo(composed);
            assertThat(Sampling.key(Purpose.PROVINCE, decomposed, "XA-1"))
                    .isEqualTo(expectedKey("province", composed, "XA-1"));
        }

        @Test
        @DisplayName("given the same inputs twice, then the same order; the order of the ids does not matter")
        void deterministic() {
            List<String> ids = communes(31);
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, new java.util.Random(7));
            Collections.reverse(shuffled);
            List<Ranked> first = Sampling.rank(Purpose.PROVINCE, PUBLIC_SEED, ids);
            assertThat(Sampling.rank(Purpose.PROVINCE, PUBLIC_SEED, ids)).isEqualTo(first);
            assertThat(Sampling.rank(Purpose.PROVINCE, PUBLIC_SEED, shuffled)).isEqualTo(first);
            assertThat(ids(first)).isEqualTo(expectedOrder("province", PUBLIC_SEED, ids));
            assertThat(first).extracting(Ranked::rank).containsExactlyElementsOf(IntStream.rangeClosed(1, 31).boxed()
                    .toList());
        }

        @Test
        @DisplayName("given another seed, then another order; the two purposes give two different orders")
        void seedsAndPurposes() {
            List<String> ids = communes(20);
            List<String> a = ids(Sampling.rank(Purpose.PROVINCE, "2022-11-02 QĐ 2532/QĐ-UBND", ids));
            List<String> b = ids(Sampling.rank(Purpose.PROVINCE, "2022-11-03 QĐ 2532/QĐ-UBND", ids));
            List<String> c = ids(Sampling.rank(Purpose.DISTRICT, "2022-11-02 QĐ 2532/QĐ-UBND", ids));
            assertThat(b).isNotEqualTo(a).containsExactlyInAnyOrderElementsOf(a);
            assertThat(c).isNotEqualTo(a).isEqualTo(expectedOrder("district", "2022-11-02 QĐ 2532/QĐ-UBND", ids));
        }

        @Test
        @DisplayName("given a repeated id, then it is ranked once")
        void repeated() {
            assertThat(ids(Sampling.rank(Purpose.DISTRICT, "s", List.of("B", "A", "B"))))
                    .isEqualTo(expectedOrder("district", "s", List.of("A", "B")));
        }

        @ParameterizedTest(name = "seed \"{0}\"")
        @ValueSource(strings = {"", "   ", "a\nb", "a\rb", "tab\there", "Q\uFFFD\uFFFD 2532"})
        @DisplayName("given a blank seed, a control character or U+FFFD, then it is refused with a message")
        void badSeeds(String seed) {
            assertThatThrownBy(() -> Sampling.rank(Purpose.PROVINCE, seed, List.of("A")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");
        }

        @Test
        @DisplayName("given k outside 0..n, then draw refuses it")
        void badSize() {
            assertThat(Sampling.draw(Purpose.PROVINCE, "s", List.of("A", "B"), 0)).isEmpty();
            assertThatThrownBy(() -> Sampling.draw(Purpose.PROVINCE, "s", List.of("A", "B"), 3))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("property: for any ids and seed, the order is the ids sorted by their independent keys")
        void property() {
            Gen<String> idGen = SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 6)
                    .mix(SourceDSL.strings().betweenCodePoints(0x20, 0x1EF9).ofLengthBetween(1, 4));
            Gen<List<String>> idsGen = SourceDSL.lists().of(idGen).ofSizeBetween(1, 40);
            Gen<String> seedGen = SourceDSL.strings().betweenCodePoints(0x21, 0x1EF9).ofLengthBetween(1, 30);
            theory("orderIsSortedByKey").forAll(idsGen, seedGen).checkAssert((ids, seed) -> {
                String nfc = java.text.Normalizer.normalize(seed, java.text.Normalizer.Form.NFC);
                // seeds the library refuses by design (badSeeds): a control character, U+FFFD, a lone surrogate,
                // or only white space, such as U+1680 OGHAM SPACE MARK, which lies in the generated range
                if (seed.isBlank() || nfc.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == 0xFFFD
                        || Character.isSurrogate((char) ch))) {
                    return;
                }
                List<String> reversed = new ArrayList<>(ids);
                Collections.reverse(reversed);
                List<Ranked> ranked = Sampling.rank(Purpose.PROVINCE, seed, ids);
                assertThat(ids(ranked)).isEqualTo(expectedOrder("province", nfc, ids));
                assertThat(Sampling.rank(Purpose.PROVINCE, seed, reversed)).isEqualTo(ranked);
                ranked.forEach(r -> assertThat(r.key()).isEqualTo(expectedKey("province", nfc, r.commune())));
            });
        }
    }

    @Nested
    @DisplayName("the sizes of both draws (sample --json)")
    class Sizes {

        @ParameterizedTest(name = "n = {0}")
        @ValueSource(ints = {1, 2, 3, 4, 9, 10, 11, 19, 20, 21, 29, 30, 31, 100})
        @DisplayName("given a district of n communes, then the province takes max(1, ⌈n/10⌉), the district ⌈n/3⌉")
        void sizes(int n, @TempDir Path dir) throws IOException {
            List<String> ids = communes(n);
            Path file = write(dir, request(ids));
            JsonNode draw = json(Cli.run("sample", "--district", "HUYEN-T", "--seed", PUBLIC_SEED, "--json",
                    file.toString()));
            int province = Math.max(1, (n * 10 + 99) / 100);
            int district = (n + 2) / 3;
            JsonNode p = draw.get("draws").get(0);
            JsonNode d = draw.get("draws").get(1);
            assertThat(p.get("purpose").asText()).isEqualTo("province");
            assertThat(p.get("communes").asInt()).isEqualTo(n);
            assertThat(p.get("size").asInt()).isEqualTo(province);
            assertThat(texts(p.get("chosen"))).isEqualTo(expectedOrder("province", PUBLIC_SEED, ids)
                    .subList(0, province));
            assertThat(d.get("purpose").asText()).isEqualTo("district");
            assertThat(d.get("size").asInt()).isEqualTo(district);
            assertThat(texts(d.get("chosen"))).isEqualTo(expectedOrder("district", PUBLIC_SEED, ids)
                    .subList(0, district));
            assertThat(p.get("ranking")).hasSize(n);
        }
    }

    @Nested
    @DisplayName("the sample command")
    class Command {

        @Test
        @DisplayName("given the example province, then it prints the algorithm, n, k, every key, and marks the chosen")
        void text() {
            Run run = Cli.run("sample", "--district", "HUYEN-YD", "--seed", PUBLIC_SEED, EXAMPLE.toString(), "--lang", "both");
            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("sha256-v1").contains("purpose + \"\\n\" + seed + \"\\n\" + mã xã")
                    .contains("n = 18 xã / communes, k = provinceSampleSize = 2")
                    .contains("n = 18 xã / communes, k = onSiteRequired = 6")
                    .contains("Chọn / chosen (*): XA-YD-12, XA-YD-03\n")
                    .contains("Chọn / chosen (*): XA-YD-11, XA-YD-07, XA-YD-13, XA-YD-10, XA-YD-06, XA-YD-12\n")
                    .contains("51 c4 90"); // Đ in the seed's UTF-8
            assertThat(run.out().lines().filter(l -> l.matches("  \\*\\s+\\d+  XA-YD-12 .*208bf972d7273a40a9e02e1feb8c5cd1"
                    + "054938d53c81772157818afb2fcb467f"))).hasSize(1);
            assertThat(run.out().lines().filter(l -> l.startsWith("  * "))).hasSize(8);
        }

        @Test
        @DisplayName("with --purpose province and --json, then only the province's draw, with every key")
        void provinceOnly() {
            JsonNode root = json(Cli.run("sample", "--district", "HUYEN-YD", "--seed", PUBLIC_SEED, "--purpose",
                    "province", "--json", EXAMPLE.toString()));
            assertThat(root.get("algorithm").asText()).isEqualTo("sha256-v1");
            assertThat(root.get("seed").asText()).isEqualTo(PUBLIC_SEED);
            assertThat(root.get("draws")).hasSize(1);
            JsonNode draw = root.get("draws").get(0);
            assertThat(texts(draw.get("chosen"))).containsExactly("XA-YD-12", "XA-YD-03");
            for (JsonNode r : draw.get("ranking")) {
                assertThat(r.get("key").asText()).isEqualTo(expectedKey("province", PUBLIC_SEED,
                        r.get("commune").asText()));
                assertThat(r.get("chosen").asBoolean()).isEqualTo(r.get("rank").asInt() <= 2);
            }
        }

        @Test
        @DisplayName("given the request's agencies in another order, then the same output, run after run")
        void orderOfAgencies(@TempDir Path dir) throws IOException {
            ScoringRequest request = Requests.read(EXAMPLE);
            List<Agency> reversed = new ArrayList<>(request.agencies());
            Collections.reverse(reversed);
            Path file = write(dir, new ScoringRequest(request.guidance(), request.year(), reversed,
                    request.assessments()));
            Run a = Cli.run("sample", "--district", "HUYEN-LNG", "--seed", PUBLIC_SEED, EXAMPLE.toString());
            Run b = Cli.run("sample", "--district", "HUYEN-LNG", "--seed", PUBLIC_SEED, file.toString());
            Run c = Cli.run("sample", "--district", "HUYEN-LNG", "--seed", PUBLIC_SEED, EXAMPLE.toString());
            assertThat(a.status()).isZero();
            assertThat(b.out()).isEqualTo(a.out());
            assertThat(c.out()).isEqualTo(a.out());
        }

        @Test
        @DisplayName("with --rules of a guidance whose province takes 20%, then the province's sample follows it")
        void sizesFromTheGuidance(@TempDir Path dir) throws IOException {
            Path folder = dir.resolve("bg-20pc");
            assertThat(Cli.run("new-guidance", "--from", "bac-giang-2022", "--to", folder.toString()).status()).isZero();
            Path rule = folder.resolve("24-district-sampling.drl");
            String drl = Files.readString(rule);
            assertThat(drl).contains("ceilDiv($n * 10, 100)");
            Files.writeString(rule, drl.replace("ceilDiv($n * 10, 100)", "ceilDiv($n * 20, 100)"));
            JsonNode root = json(Cli.run("sample", "--district", "HUYEN-YD", "--seed", PUBLIC_SEED, "--purpose",
                    "province", "--json", "--rules", folder.toString(), EXAMPLE.toString()));
            assertThat(root.get("draws").get(0).get("size").asInt()).isEqualTo(4); // ⌈20% · 18⌉
            assertThat(texts(root.get("draws").get(0).get("chosen")))
                    .containsExactly("XA-YD-12", "XA-YD-03", "XA-YD-08", "XA-YD-04");
        }

        @Test
        @DisplayName("given an unknown district or an agency that is not a district, then exit 64 naming it")
        void unknownDistrict() {
            Run unknown = Cli.run("sample", "--district", "HUYEN-NOPE", "--seed", "s", EXAMPLE.toString(), "--lang", "both");
            assertThat(unknown.status()).isEqualTo(64);
            assertThat(unknown.out()).isEmpty();
            assertThat(unknown.err()).contains("--district").contains("\"HUYEN-NOPE\"")
                    .contains("iso-scoring sample --help");
            Run commune = Cli.run("sample", "--district", "XA-YD-01", "--seed", "s", EXAMPLE.toString(), "--lang", "both");
            assertThat(commune.status()).isEqualTo(64);
            assertThat(commune.err()).contains("\"XA-YD-01\"").contains("COMMUNE").contains("not a DISTRICT");
        }

        @ParameterizedTest(name = "seed \"{0}\"")
        @ValueSource(strings = {"", "  ", "two\nlines"})
        @DisplayName("given an empty seed or one with a line break, then exit 64 with a message")
        void badSeed(String seed) {
            Run run = Cli.run("sample", "--district", "HUYEN-YD", "--seed", seed, EXAMPLE.toString());
            assertThat(run.status()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("--seed: ").contains("seed");
        }

        @Test
        @DisplayName("given a wrong --purpose or no --seed, then exit 64")
        void badCommandLine() {
            Run purpose = Cli.run("sample", "--district", "HUYEN-YD", "--seed", "s", "--purpose", "all",
                    EXAMPLE.toString());
            assertThat(purpose.status()).isEqualTo(64);
            assertThat(purpose.err()).contains("--purpose").contains("\"all\"").contains("province, district, both");
            Run noSeed = Cli.run("sample", "--district", "HUYEN-YD", EXAMPLE.toString());
            assertThat(noSeed.status()).isEqualTo(64);
            assertThat(noSeed.err()).contains("--seed");
        }

        @Test
        @DisplayName("given a missing file or broken JSON, then exit 2 with the place and no stack trace")
        void unreadable(@TempDir Path dir) throws IOException {
            Run missing = Cli.run("sample", "--district", "HUYEN-YD", "--seed", "s", dir.resolve("nope.json").toString(),
                    "--lang", "both");
            assertThat(missing.status()).isEqualTo(2);
            assertThat(missing.out()).isEmpty();
            assertThat(missing.err()).contains("nope.json").contains("no such file");
            Path broken = dir.resolve("broken.json");
            Files.writeString(broken, "{\"year\": 2022, \"agencies\": [");
            Run run = Cli.run("sample", "--district", "HUYEN-YD", "--seed", "s", broken.toString(), "--lang", "both");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).startsWith("line ").doesNotContain("\tat ").doesNotContain("Exception");
        }

        @Test
        @DisplayName("given a district with no communes, then exit 2 naming its place in the request")
        void noCommunes(@TempDir Path dir) throws IOException {
            ScoringRequest request = request(communes(3));
            List<Agency> agencies = new ArrayList<>(request.agencies());
            agencies.add(Agency.of("HUYEN-EMPTY", "Huyện trống", "DISTRICT").withRecord(communeScoring(List.of(), null,
                    java.time.LocalDate.of(2022, 11, 15))));
            Path file = write(dir, new ScoringRequest(null, 2022, agencies, request.assessments()));
            Run run = Cli.run("sample", "--district", "HUYEN-EMPTY", "--seed", "s", file.toString(), "--lang", "both");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("agencies[4]: huyện \"HUYEN-EMPTY\" không có xã nào / district "
                    + "\"HUYEN-EMPTY\" has no communes\n");
        }

        @Test
        @DisplayName("in a new JVM whose command line is not UTF-8, then a mangled seed is refused (exit 64)")
        void mangledSeed() throws Exception {
            Path jar = Path.of(System.getProperty("cli.jar", ROOT.resolve("rules-cli/target/iso-scoring.jar").toString()));
            assertThat(jar).as("the CLI jar is built before the tests (mvn verify builds it)").exists();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "sample", "--district", "HUYEN-YD", "--seed", PUBLIC_SEED,
                    EXAMPLE.toString());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
            env.put("LC_ALL", "C");
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(64);
            assertThat(out).isEmpty();
            assertThat(err).contains("U+FFFD").contains("LC_ALL=C.UTF-8");
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // helpers

    /** One district HUYEN-T with the given communes, each with one PROVINCE assessment (facts of the example). */
    static ScoringRequest request(List<String> communeIds) {
        ScoringRequest example = Requests.read(EXAMPLE);
        Map<String, String> kinds = new java.util.HashMap<>();
        example.agencies().forEach(a -> kinds.put(a.id(), a.kind()));
        Facts communeFacts = example.assessments().stream().filter(a -> "COMMUNE".equals(kinds.get(a.agency())))
                .findFirst().orElseThrow().facts();
        List<Agency> agencies = new ArrayList<>();
        agencies.add(Agency.of("HUYEN-T", "Huyện thử", "DISTRICT").withRecord(communeScoring(List.of(), null,
                java.time.LocalDate.of(2022, 11, 15))));
        List<Assessment> assessments = new ArrayList<>();
        for (String id : communeIds) {
            agencies.add(Agency.of(id, "Xã " + id, "COMMUNE").within("HUYEN-T"));
            assessments.add(new Assessment(id, "PROVINCE", communeFacts));
        }
        return new ScoringRequest(null, 2022, agencies, assessments);
    }

    static Path write(Path dir, ScoringRequest request) throws IOException {
        Path file = dir.resolve("request.json");
        Files.writeString(file, Requests.write(request), StandardCharsets.UTF_8);
        return file;
    }

    static JsonNode json(Run run) {
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        try {
            return MAPPER.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A theory with its seed fixed and printed, like the other property classes (-DQT_SEED replays it). */
    static QuickTheory theory(String property) {
        String fromProperty = System.getProperty("QT_SEED");
        long seed = fromProperty != null ? Long.parseLong(fromProperty.trim()) : System.nanoTime();
        System.out.println("[" + SamplingTests.class.getSimpleName() + "." + property + "] seed " + seed
                + " (replay: -Dtest='SamplingTests' -DQT_SEED=" + seed + ")");
        return QuickTheory.qt().withFixedSeed(seed).withExamples(300).withReporter(new SeedReporter() {
            @Override
            protected String message(long s, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                                     AsString<Object> asString) {
                return "Property " + property + " falsified after " + examplesUsed + " example(s)\nSeed was " + s
                        + "; replay with: mvn -B -pl rules-tests test -Dtest='SamplingTests' -DQT_SEED=" + s
                        + "\nSmallest falsifying value: " + asString.asString(smallest)
                        + (cause == null ? "" : "\n" + cause.getMessage());
            }
        });
    }
}
