package org.isoscoring.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifiable sampling of a district's communes (docs/sampling.md): an order of the communes that anyone can
 * recompute from a public seed, so that the draw of the province's sample and of the district's on-site third
 * can be audited.
 *
 * <p>The algorithm, exactly ({@value #ALGORITHM}):
 * <ol>
 *   <li>the seed is put in Unicode normalization form NFC; it must not be blank and must not contain a control
 *       character (so no line break) nor U+FFFD (the mark of a command line decoded with the wrong encoding);</li>
 *   <li>for each commune id, {@code key} = the SHA-256 of the UTF-8 bytes of
 *       {@code purpose + "\n" + seed + "\n" + communeId}, written as 64 lowercase hexadecimal digits, where
 *       {@code purpose} is {@code province} or {@code district} and {@code "\n"} is the single byte 0x0A;</li>
 *   <li>the communes are sorted by key ascending (as text, which is the same as by the hash's bytes), and by id
 *       (UTF-16 order) if two keys were ever equal; the first {@code k} are the sample.</li>
 * </ol>
 * The purpose label makes the two draws independent: the province's sample is not bound to fall inside (or
 * outside) the district's on-site third. The seed cannot contain a line break, so the text hashed splits into
 * purpose, seed and id in only one way.
 *
 * <p>How many communes are taken ({@code k}) is not decided here: it is a rule of the guidance
 * ({@code onSiteRequired} and {@code provinceSampleSize} of the guidance's {@code districts} group).
 */
public final class Sampling {

    /** The name and version of the algorithm, printed with every draw. */
    public static final String ALGORITHM = "sha256-v1";

    /** Which draw: the hashed text starts with its label. */
    public enum Purpose {
        /** The province's appraisal sample (chấm thẩm định): 10% of the district's communes, at least one. */
        PROVINCE,
        /** The district's on-site scoring (chấm tại chỗ): at least a third of its communes. */
        DISTRICT;

        /**
         * The label hashed before the seed: {@code province} or {@code district}.
         *
         * @return the purpose's name in lowercase
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One commune in the order of a draw.
     *
     * @param rank    its place, from 1
     * @param commune its id
     * @param key     the SHA-256 of its hashed text, 64 lowercase hexadecimal digits
     */
    public record Ranked(int rank, String commune, String key) {

        /**
         * Checks the components.
         *
         * @param rank    its place, from 1
         * @param commune its id
         * @param key     the SHA-256 of its hashed text, 64 lowercase hexadecimal digits
         * @throws NullPointerException when a required component is {@code null}
         */
        public Ranked {
            Objects.requireNonNull(commune, "commune");
            Objects.requireNonNull(key, "key");
        }
    }

    private Sampling() {
    }

    /**
     * The seed as it is hashed (NFC).
     *
     * @param seed the public seed, as given (the date and number of a decision, say)
     * @return the seed in Unicode normalization form NFC
     * @throws IllegalArgumentException when the seed is blank, has a control character or U+FFFD, with a message
     *                                  in Vietnamese and English
     */
    public static String seed(String seed) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("hạt giống rỗng / the seed is empty: give a public text, for example "
                    + "the date and number of the decision");
        }
        String nfc = Normalizer.normalize(seed, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("hạt giống chứa ký tự điều khiển / the seed contains a control "
                        + "character (U+" + String.format("%04X", (int) c) + ", for example a line break) at "
                        + "position " + (i + 1));
            }
            if (c == '\uFFFD') {
                throw new IllegalArgumentException("hạt giống chứa U+FFFD / the seed contains U+FFFD at position "
                        + (i + 1) + ": the command line was not read as UTF-8 (run it with LC_ALL=C.UTF-8, "
                        + "or LANG=C.UTF-8 with LC_ALL unset)");
            }
        }
        return nfc;
    }

    /**
     * The exact text whose SHA-256 is a commune's key: {@code purpose + "\n" + seed + "\n" + communeId}.
     *
     * @param purpose which draw
     * @param seed    the public seed, as given (it is normalized by {@link #seed})
     * @param commune the commune's id
     * @return the text, with the purpose's label and the seed in NFC
     * @throws IllegalArgumentException when the seed is not valid ({@link #seed})
     */
    public static String hashedText(Purpose purpose, String seed, String commune) {
        return purpose.label() + "\n" + seed(seed) + "\n" + Objects.requireNonNull(commune, "commune");
    }

    /**
     * A commune's key in a draw: the SHA-256 of the UTF-8 bytes of {@link #hashedText}, lowercase hex.
     *
     * @param purpose which draw
     * @param seed    the public seed, as given (it is normalized by {@link #seed})
     * @param commune the commune's id
     * @return 64 lowercase hexadecimal digits
     * @throws IllegalArgumentException when the seed is not valid ({@link #seed})
     */
    public static String key(Purpose purpose, String seed, String commune) {
        return sha256(hashedText(purpose, seed, commune));
    }

    /**
     * The communes in the order of a draw: by key ascending, then by id. A repeated id counts once; the order of
     * the input does not matter.
     *
     * @param purpose  which draw
     * @param seed     the public seed, as given (it is normalized by {@link #seed})
     * @param communes the communes' ids
     * @return every commune once, with its rank and key, in the order of the draw; an immutable list
     * @throws IllegalArgumentException when the seed is not valid ({@link #seed})
     */
    public static List<Ranked> rank(Purpose purpose, String seed, Collection<String> communes) {
        Objects.requireNonNull(purpose, "purpose");
        String s = seed(seed);
        record Keyed(String commune, String key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (String commune : new LinkedHashSet<>(communes)) {
            keyed.add(new Keyed(commune, key(purpose, s, commune)));
        }
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(Keyed::commune));
        List<Ranked> ranked = new ArrayList<>(keyed.size());
        for (int i = 0; i < keyed.size(); i++) {
            ranked.add(new Ranked(i + 1, keyed.get(i).commune(), keyed.get(i).key()));
        }
        return List.copyOf(ranked);
    }

    /**
     * The first {@code k} communes of a draw.
     *
     * @param purpose  which draw
     * @param seed     the public seed, as given (it is normalized by {@link #seed})
     * @param communes the communes' ids
     * @param k        how many communes to take
     * @return the ids of the communes taken, in the order of the draw
     * @throws IllegalArgumentException when {@code k} is negative or larger than the number of communes, or the
     *                                  seed is not valid ({@link #seed})
     */
    public static List<String> draw(Purpose purpose, String seed, Collection<String> communes, int k) {
        List<Ranked> ranked = rank(purpose, seed, communes);
        if (k < 0 || k > ranked.size()) {
            throw new IllegalArgumentException("cannot take " + k + " of " + ranked.size() + " communes");
        }
        return ranked.subList(0, k).stream().map(Ranked::commune).toList();
    }

    /**
     * The ids of the agencies that belong to an agency in the request (a district's communes: the agencies whose
     * {@link Agency#parent()} is the given id), in the order of the request, each once.
     *
     * @param request the request
     * @param parent  the id of the agency they belong to, for example a district's
     * @return their ids; empty when none belongs to {@code parent}
     */
    public static List<String> membersOf(ScoringRequest request, String parent) {
        Objects.requireNonNull(parent, "parent");
        return request.agencies().stream().filter(a -> a != null && parent.equals(a.parent()))
                .map(Agency::id).distinct().toList();
    }

    /**
     * The ids of the agencies of a kind in the request (every {@code COMMUNE}, for a province that draws from all its
     * communes), in the order of the request, each once.
     *
     * @param request the request
     * @param kind    the kind's id, for example {@code COMMUNE}
     * @return their ids; empty when the request has no agency of {@code kind}
     */
    public static List<String> ofKind(ScoringRequest request, String kind) {
        Objects.requireNonNull(kind, "kind");
        return request.agencies().stream().filter(a -> a != null && kind.equals(a.kind()))
                .map(Agency::id).distinct().toList();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
