package org.isoscoring.drools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.isoscoring.api.Criterion;
import org.isoscoring.api.GuidanceInfo;

/**
 * A guidance's descriptor, {@code guidance.json}: id, title, the years it covers, its sources and its catalog.
 *
 * @param info id, title, years, sources and the catalog of criteria
 */
record Descriptor(GuidanceInfo info) {

    static final String FILE = "guidance.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Reads a descriptor; every problem is one line starting with {@code guidance.json}. */
    static Descriptor parse(String json, List<Finding> problems) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.add(new Finding(FILE, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "không phải JSON hợp lệ / not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        int before = problems.size();
        String id = text(root, "id", problems);
        String title = text(root, "title", problems);
        List<Integer> years = new ArrayList<>();
        root.path("years").forEach(y -> years.add(y.asInt()));
        if (years.isEmpty()) {
            problems.add(new Finding(FILE, 0, 0, "\"years\" không có năm nào / lists no year"));
        }
        List<String> sources = new ArrayList<>();
        root.path("sources").forEach(s -> sources.add(s.asText()));
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : root.path("criteria")) {
            List<Criterion> subs = new ArrayList<>();
            for (JsonNode s : c.path("subCriteria")) {
                subs.add(new Criterion(text(s, "id", problems), number(s, problems),
                        text(s, "title", problems), s.path("titleForDistrict").asText(null), List.of(),
                        s.path("titleEn").asText(null), s.path("titleForDistrictEn").asText(null)));
            }
            criteria.add(new Criterion(text(c, "id", problems), number(c, problems), text(c, "title", problems),
                    c.path("titleForDistrict").asText(null), subs, c.path("titleEn").asText(null),
                    c.path("titleForDistrictEn").asText(null)));
        }
        if (criteria.isEmpty()) {
            problems.add(new Finding(FILE, 0, 0, "\"criteria\" không có tiêu chí nào / lists no criterion"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Descriptor(new GuidanceInfo(id, title, years, sources, criteria));
    }

    private static String text(JsonNode node, String field, List<Finding> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(new Finding(FILE, 0, 0, "\"" + field + "\" thiếu hoặc không phải chuỗi / is missing or not a text" + where(node)));
            return "?";
        }
        return value.asText();
    }

    private static BigDecimal number(JsonNode node, List<Finding> problems) {
        JsonNode value = node.get("max");
        if (value == null || !value.isNumber()) {
            problems.add(new Finding(FILE, 0, 0, "\"max\" thiếu hoặc không phải số / is missing or not a number" + where(node)));
            return BigDecimal.ZERO;
        }
        return value.decimalValue();
    }

    private static String where(JsonNode node) {
        return node.has("id") ? " (in " + node.get("id").asText() + ")" : "";
    }
}
