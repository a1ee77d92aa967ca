package org.isoscoring.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.RequestSchema;

/**
 * The OpenAPI 3.1 document the service serves at {@code /openapi.json}: the hand-written contract (the resource
 * {@code openapi.json} beside this class) with the served guidances' own request schemas put in.
 *
 * <p>Each served guidance's {@link RequestSchema#of(GuidanceInfo)} becomes {@code components.schemas.Request-<id>},
 * its {@code $defs} become {@code Request-<id>-<name>} beside it (and its {@code #/$defs/<name>} references point
 * there; its {@code $id} and {@code $schema} are dropped, so that those references resolve against the document),
 * and the template's placeholder {@code Request} becomes {@code oneOf} them: a request is for exactly one guidance
 * (when two served guidances cover its year and it names none, the service rejects it too). The document is the
 * same bytes for the same guidances.
 */
final class OpenApi {

    static final String TEMPLATE = "openapi.json";
    private static final String PLACEHOLDER = "Request";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApi() {
    }

    /** The document for these guidances, as UTF-8 bytes with a final newline. */
    static byte[] document(List<GuidanceInfo> guidances) {
        try {
            return (MAPPER.writeValueAsString(filled(template(), guidances)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    /** The hand-written template, as it is in the jar. */
    static ObjectNode template() {
        try (InputStream in = OpenApi.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no org/isoscoring/server/" + TEMPLATE);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read org/isoscoring/server/" + TEMPLATE, e);
        }
    }

    /** The template with these guidances' request schemas in place of its placeholder. */
    static ObjectNode filled(ObjectNode document, List<GuidanceInfo> guidances) {
        if (document.path("info") instanceof ObjectNode info) {
            info.put("version", ScoringService.version()); // the version that answers, not the template's
        }
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        if (guidances.isEmpty() || !schemas.has(PLACEHOLDER)) {
            return document; // nothing served: a request is any object, and every one gets 422 or 503
        }
        ObjectNode request = MAPPER.createObjectNode();
        request.put("title", "Yêu cầu chấm điểm / A scoring request (FORMAT.md)");
        request.put("description", "Một yêu cầu theo một trong các bộ tiêu chí đang phục vụ / A request for one of "
                + "the served guidances: " + String.join(", ", guidances.stream().map(GuidanceInfo::id).toList())
                + " (each one's schema is also at /v1/guidances/{id}/schema)");
        ArrayNode oneOf = request.putArray("oneOf");
        ObjectNode replaced = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().equals(PLACEHOLDER)) {
                replaced.set(entry.getKey(), entry.getValue());
                continue;
            }
            replaced.set(PLACEHOLDER, request);
            for (GuidanceInfo guidance : guidances) {
                String name = PLACEHOLDER + "-" + name(guidance.id());
                ObjectNode schema = (ObjectNode) tree(RequestSchema.of(guidance));
                schema.remove("$schema");
                schema.remove("$id");
                JsonNode defs = schema.remove("$defs");
                List<String> defNames = new ArrayList<>();
                if (defs != null) {
                    defs.fieldNames().forEachRemaining(defNames::add);
                }
                oneOf.addObject().put("$ref", "#/components/schemas/" + name);
                replaced.set(name, rewritten(schema, name));
                for (String def : defNames) {
                    replaced.set(name + "-" + def, rewritten(defs.get(def), name));
                }
            }
        }
        ((ObjectNode) document.get("components")).set("schemas", replaced);
        return document;
    }

    /** A component name: the characters OpenAPI allows ({@code [A-Za-z0-9._-]}), others as {@code _}. */
    private static String name(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The schema with each {@code #/$defs/<def>} reference turned into {@code #/components/schemas/<name>-<def>}. */
    private static JsonNode rewritten(JsonNode node, String name) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode value = object.get(field);
                if (field.equals("$ref") && value.isTextual() && value.asText().startsWith("#/$defs/")) {
                    object.put(field, "#/components/schemas/" + name + "-"
                            + value.asText().substring("#/$defs/".length()));
                } else {
                    rewritten(value, name);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> rewritten(item, name));
        }
        return node;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a request schema is not JSON", e);
        }
    }
}
