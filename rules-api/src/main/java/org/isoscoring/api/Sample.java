package org.isoscoring.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The verifiable draws of a scored request (docs/sampling.md): of one district's communes (the members of the agency
 * named), or, without a district, of every agency of the kind the guidance's report of the whole request samples
 * (the communes of a two-tier province). The sizes are the figures the guidance's report gives
 * ({@code provinceSampleSize}, {@code onSiteRequired}); the order is {@link Sampling#rank}'s. The command
 * {@code sample} and the service's {@code POST /v1/sample} both draw through {@link #of}.
 *
 * @param seed      the seed as hashed ({@link Sampling#seed})
 * @param district  the agency whose members are drawn, or {@code null} for a draw of the whole request
 * @param group     the group whose report sizes the draws
 * @param guidance  the guidance that scored the request
 * @param rulesHash the hash of its rules
 * @param draws     one draw per purpose asked, province first
 * @param names     every agency's name by id ({@code ""} when it has none)
 */
public record Sample(String seed, Agency district, Vocabulary.Group group, String guidance, String rulesHash,
                     List<Draw> draws, Map<String, String> names) {

    /**
     * Checks the components and keeps immutable copies of its lists, sets and maps.
     *
     * @param seed      the seed as hashed ({@link Sampling#seed})
     * @param district  the agency whose members are drawn, or {@code null} for a draw of the whole request
     * @param group     the group whose report sizes the draws
     * @param guidance  the guidance that scored the request
     * @param rulesHash the hash of its rules
     * @param draws     one draw per purpose asked, province first
     * @param names     every agency's name by id ({@code ""} when it has none)
     * @throws NullPointerException when a required component is {@code null}
     */
    public Sample {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(guidance, "guidance");
        draws = List.copyOf(draws);
        names = Map.copyOf(names);
    }

    /**
     * One draw.
     *
     * @param purpose  which draw
     * @param communes how many it draws from
     * @param size     how many are taken: the guidance's size, or all of them when it asks for more
     * @param ranking  every commune in ranked order
     */
    public record Draw(Sampling.Purpose purpose, int communes, int size, List<Sampling.Ranked> ranking) {

        /**
         * Checks the components and keeps immutable copies of its lists, sets and maps.
         *
         * @param purpose  which draw
         * @param communes how many it draws from
         * @param size     how many are taken: the guidance's size, or all of them when it asks for more
         * @param ranking  every commune in ranked order
         * @throws NullPointerException when a required component is {@code null}
         */
        public Draw {
            Objects.requireNonNull(purpose, "purpose");
            ranking = List.copyOf(ranking);
        }

        /**
         * The communes taken, in ranked order.
         *
         * @return the ids of the first {@code size} communes of {@code ranking}
         */
        public List<String> chosen() {
            return ranking.subList(0, size).stream().map(Sampling.Ranked::commune).toList();
        }
    }

    /**
     * The seed's UTF-8 bytes in hexadecimal, separated by spaces: what is hashed, to check by hand.
     *
     * @return two lowercase hexadecimal digits per byte, for example {@code 48 c3 a0} for {@code Hà}
     */
    public String seedUtf8() {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The figure of a group's report that sizes each draw (docs/sampling.md).
     *
     * @param purpose which draw
     * @return {@code provinceSampleSize} for the province's draw, {@code onSiteRequired} for the district's
     */
    public static String sizeFigure(Sampling.Purpose purpose) {
        return purpose == Sampling.Purpose.PROVINCE ? "provinceSampleSize" : "onSiteRequired";
    }

    /**
     * Draws the samples of a request its guidance has scored.
     *
     * @param request  the request
     * @param result   its result (the group reports give the sizes)
     * @param guidance the guidance that scored it
     * @param district the id of the agency whose members are drawn, or {@code null} for the whole request
     * @param seed     the public seed, as given (it is normalized by {@link Sampling#seed})
     * @param purpose  {@code province}, {@code district} or {@code both} ({@code null} is {@code both}; a draw of
     *                 the whole request then draws only what its report has a size for)
     * @return the draws, with the seed as hashed, the group whose report sized them and every agency's name
     * @throws RequestRejectedException when the draw cannot be made, its problems placed at {@code district},
     *                                  {@code seed} or {@code purpose} (the names of the parameters), in English and
     *                                  Vietnamese
     */
    public static Sample of(ScoringRequest request, ScoringResult result, GuidanceInfo guidance, String district,
                            String seed, String purpose) {
        List<Sampling.Purpose> purposes = switch (purpose == null ? "both" : purpose) {
            case "province" -> List.of(Sampling.Purpose.PROVINCE);
            case "district" -> List.of(Sampling.Purpose.DISTRICT);
            case "both" -> List.of(Sampling.Purpose.PROVINCE, Sampling.Purpose.DISTRICT);
            default -> throw rejected("purpose", "\"" + purpose + "\" is not one of province, district, both",
                    "\"" + purpose + "\" không phải một trong province, district, both");
        };
        String hashedSeed;
        try {
            hashedSeed = Sampling.seed(seed == null ? "" : seed);
        } catch (IllegalArgumentException e) {
            throw rejected("seed", e.getMessage(), e.getMessage());
        }
        Vocabulary vocabulary = guidance.vocabulary();
        Scope scope = district == null ? wholeRequest(request, vocabulary) : ofDistrict(request, vocabulary, district);
        GroupReport report = (scope.agency() == null ? result.group(scope.group().id()).stream().findFirst()
                : result.report(scope.group().id(), district)).orElseThrow(() -> new IllegalStateException(
                "the result has no report " + scope.group().id() + " of " + district));
        if (!"province".equals(purpose) && !"district".equals(purpose) && scope.agency() == null) {
            // A report of the whole request draws only what it has a size for (no on-site draw without districts).
            purposes = purposes.stream().filter(p -> report.figures().containsKey(sizeFigure(p))).toList();
            if (purposes.isEmpty()) {
                throw rejected("", "the group \"" + scope.group().id() + "\" reports no sample size "
                        + "provinceSampleSize (docs/sampling.md)", "nhóm \"" + scope.group().id()
                        + "\" không báo cỡ mẫu provinceSampleSize (docs/sampling.md)");
            }
        }
        List<Draw> draws = new ArrayList<>();
        for (Sampling.Purpose p : purposes) {
            if (!report.figures().containsKey(sizeFigure(p))) {
                String without = scope.agency() == null ? " (no district scores on site)" : "";
                String withoutVi = scope.agency() == null ? " (không có huyện chấm tại chỗ)" : "";
                throw rejected("purpose", "the guidance " + result.guidance() + " has no sample size "
                        + sizeFigure(p) + without, "bộ tiêu chí " + result.guidance() + " không có cỡ mẫu "
                        + sizeFigure(p) + withoutVi);
            }
            // A guidance may ask for more communes than there are: all of them are then drawn, in ranked order.
            List<String> communes = scope.members();
            draws.add(new Draw(p, communes.size(), Math.min(communes.size(), size(report, sizeFigure(p))),
                    Sampling.rank(p, hashedSeed, communes)));
        }
        Map<String, String> names = request.agencies().stream().collect(Collectors.toMap(Agency::id,
                a -> a.name() == null ? "" : a.name(), (a, b) -> a));
        return new Sample(hashedSeed, scope.agency(), scope.group(), result.guidance(), result.rulesHash(), draws,
                names);
    }

    /** What is drawn from, and the group whose report sizes it. */
    private record Scope(Agency agency, Vocabulary.Group group, List<String> members) {
    }

    private static Scope ofDistrict(ScoringRequest request, Vocabulary vocabulary, String district) {
        Agency agency = request.agencies().stream().filter(a -> a.id().equals(district)).findFirst()
                .orElseThrow(() -> rejected("district", "no agency \"" + district + "\" in the request",
                        "không có cơ quan \"" + district + "\" trong yêu cầu"));
        var group = vocabulary.groups().stream().filter(g -> agency.kind().equals(g.of())).findFirst();
        if (vocabulary.membersOf(agency.kind()).isEmpty() || group.isEmpty()) {
            String kinds = vocabulary.kinds().stream().filter(k -> !vocabulary.membersOf(k.id()).isEmpty())
                    .map(Vocabulary.Kind::id).collect(Collectors.joining(", "));
            if (kinds.isEmpty()) {
                throw rejected("district", "the guidance has no districts; leave out the district to draw from "
                        + "all the request's communes", "bộ tiêu chí không có huyện; bỏ huyện đi để chọn mẫu trong "
                        + "mọi xã của yêu cầu");
            }
            throw rejected("district", "\"" + district + "\" is a " + agency.kind() + ", not a " + kinds,
                    "\"" + district + "\" là " + agency.kind() + ", không phải " + kinds);
        }
        List<String> communes = Sampling.membersOf(request, district);
        if (communes.isEmpty()) { // a valid request has none such (SCORING.md §7); kept for a request built in Java
            throw rejected("district", "district \"" + district + "\" has no communes",
                    "huyện \"" + district + "\" không có xã nào");
        }
        return new Scope(agency, group.get(), communes);
    }

    private static Scope wholeRequest(ScoringRequest request, Vocabulary vocabulary) {
        var group = vocabulary.groups().stream().filter(g -> g.of() == null && g.sampleOf() != null).findFirst();
        if (group.isEmpty()) {
            String kinds = vocabulary.groups().stream().map(Vocabulary.Group::of).filter(Objects::nonNull)
                    .filter(k -> !vocabulary.membersOf(k).isEmpty()).distinct().collect(Collectors.joining(", "));
            if (kinds.isEmpty()) {
                throw rejected("", "the guidance declares no sample: no group of a kind with members, and no group "
                        + "of the whole request with \"sampleOf\" (docs/sampling.md)", "bộ tiêu chí không khai báo "
                        + "mẫu nào: không có nhóm theo một loại cơ quan có thành viên, cũng không có nhóm của toàn yêu "
                        + "cầu có \"sampleOf\" (docs/sampling.md)");
            }
            throw rejected("district", "a district is needed: the guidance draws a sample per " + kinds,
                    "cần chọn huyện: bộ tiêu chí chọn mẫu theo từng " + kinds);
        }
        List<String> members = Sampling.ofKind(request, group.get().sampleOf());
        if (members.isEmpty()) {
            throw rejected("", "the request has no " + group.get().sampleOf() + " agency to draw from",
                    "yêu cầu không có cơ quan " + group.get().sampleOf() + " nào để chọn mẫu");
        }
        return new Scope(null, group.get(), members);
    }

    /** A sample size the guidance's report gives, by the figure's name (docs/sampling.md). */
    private static int size(GroupReport report, String figure) {
        if (report.figure(figure) instanceof Integer size) {
            return size;
        }
        throw new IllegalStateException("the guidance's report of " + report.agency() + " has no figure " + figure
                + " (docs/sampling.md: the group of a district reports provinceSampleSize and onSiteRequired)");
    }

    private static RequestRejectedException rejected(String place, String en, String vi) {
        return new RequestRejectedException(List.of(new Problem(place, en, vi)));
    }
}
