package org.isoscoring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the JMH results of {@link ScalingBenchmark} into a Markdown table and an SVG plot of time against the
 * number of assessments (log–log, so that a straight line of slope 1 is linear growth).
 *
 * <p>{@code java -cp benchmarks.jar org.isoscoring.bench.ScalingReport jmh.json scaling.svg}
 */
public final class ScalingReport {

    private static final String[] PARTS = {"readJson", "evaluate", "writeJson"};
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    private ScalingReport() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Map<Integer, Map<String, Double>> bySize = new TreeMap<>();
        for (JsonNode run : runs) {
            String name = run.get("benchmark").asText();
            if (!name.contains("ScalingBenchmark") && !name.contains("JsonReadBenchmark")) {
                continue;
            }
            int size = run.get("params").get("size").asInt();
            String part = name.substring(name.lastIndexOf('.') + 1);
            bySize.computeIfAbsent(size, k -> new TreeMap<>()).put(part, run.get("primaryMetric").get("score").asDouble());
        }
        Map<Integer, Integer> assessments = new TreeMap<>();
        bySize.keySet().forEach(size -> assessments.put(size, Requests.ofSize(size).assessments().size()));
        StringBuilder table = new StringBuilder("| assessments | read JSON (ms) | rules (ms) | write JSON (ms) | "
                + "rules per assessment (µs) |\n|---:|---:|---:|---:|---:|\n");
        bySize.forEach((size, parts) -> table.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s |%n",
                assessments.get(size), cell(parts.get("readJson"), 1), cell(parts.get("evaluate"), 1),
                cell(parts.get("writeJson"), 1), cell(parts.get("evaluate"), 1000.0 / assessments.get(size)))));
        System.out.print(table);
        Files.writeString(Path.of(args[1]), svg(bySize, assessments), StandardCharsets.UTF_8);
    }

    private static String svg(Map<Integer, Map<String, Double>> bySize, Map<Integer, Integer> assessments) {
        int width = 640;
        int height = 420;
        int left = 70;
        int right = 150;
        int top = 30;
        int bottom = 60;
        double minX = 0;
        double maxX = Math.log10(assessments.values().stream().mapToInt(Integer::intValue).max().orElse(10)) + 0.2;
        double minY = -3;
        double maxY = Math.ceil(Math.log10(bySize.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(10)));
        var x = (java.util.function.DoubleUnaryOperator) v -> left + (Math.log10(v) - minX) / (maxX - minX)
                * (width - left - right);
        var y = (java.util.function.DoubleUnaryOperator) v -> top + (maxY - Math.log10(Math.max(v, 1e-3)))
                / (maxY - minY) * (height - top - bottom);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">Time against assessments "
                + "(warm, 2 cores, log–log)</text>%n", left));
        for (int e = (int) minY; e <= maxY; e++) {
            double v = Math.pow(10, e);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", left, width - right,
                    y.applyAsDouble(v), y.applyAsDouble(v), left - 6, y.applyAsDouble(v) + 4, label(v)));
        }
        for (int e = 0; e <= (int) maxX; e++) {
            double v = Math.pow(10, e);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x.applyAsDouble(v),
                    x.applyAsDouble(v), top, height - bottom, x.applyAsDouble(v), height - bottom + 16, label(v)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">assessments in the "
                + "request</text>%n", (left + width - right) / 2, height - 20));
        for (int p = 0; p < PARTS.length; p++) {
            StringBuilder points = new StringBuilder();
            for (var entry : bySize.entrySet()) {
                Double ms = entry.getValue().get(PARTS[p]);
                if (ms != null) {
                    double px = x.applyAsDouble(assessments.get(entry.getKey()));
                    double py = y.applyAsDouble(ms);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            px, py, COLOURS[p]));
                }
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", COLOURS[p], points.toString().trim()));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", width - right + 15, top + 20 * p, COLOURS[p],
                    width - right + 32, top + 10 + 20 * p, new String[] {"read JSON", "rules", "write JSON"}[p]));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** A table cell: the figure times {@code scale}, or a dash when it was not measured. */
    private static String cell(Double ms, double scale) {
        return ms == null ? "—" : String.format(Locale.ROOT, "%,.2f", ms * scale);
    }

    private static String label(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
