package org.isoscoring.tests.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.isoscoring.api.Agency;
import org.isoscoring.api.Assessment;
import org.isoscoring.api.GuidanceInfo;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;
import org.isoscoring.api.Vocabulary;
import org.isoscoring.tests.support.LibreOffice;
import org.isoscoring.tests.support.Requests;
import org.isoscoring.xlsx.Workbooks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks we write, opened by a real spreadsheet application (LibreOffice headless, installed by
 * scripts/install-libreoffice.sh; these tests skip with a message without it), and a workbook LibreOffice saved, read
 * by us. Each LibreOffice call takes a few seconds, so each test makes one.
 */
@DisplayName("Workbooks and a real spreadsheet application (LibreOffice)")
final class SpreadsheetApplicationTests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path dir;

    Path form(ScoringRequest request, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbooks.writeForm(Requests.guidanceOf(request), request, null, false, out);
        }
        return file;
    }

    @Test
    @DisplayName("given the two-tier example's form, when LibreOffice opens it, then every cell of every assessment "
            + "shows the request's value: ids, titles, whole numbers, dates dd/mm/yyyy, Có/Không")
    void formOpenedByLibreOffice() throws Exception {
        ScoringRequest request = Requests.read(ROOT.resolve("docs/examples/two-tier-2026.json"));
        GuidanceInfo guidance = Requests.guidanceOf(request);
        Vocabulary vocabulary = guidance.vocabulary();
        Map<String, List<List<String>>> sheets = LibreOffice.require().sheets(form(request, "tt.xlsx"));
        assertThat(sheets.keySet()).containsExactly("Hướng dẫn", "Cơ quan", "Phiếu chấm", "Danh sách");
        List<List<String>> rows = sheets.get("Phiếu chấm");
        List<String> keys = rows.get(1);
        assertThat(rows.size() - 2).isEqualTo(request.assessments().size());
        int compared = 0;
        for (int i = 0; i < request.assessments().size(); i++) {
            Assessment a = request.assessments().get(i);
            List<String> row = rows.get(i + 2);
            assertThat(row.get(keys.indexOf("agency"))).isEqualTo(a.agency());
            assertThat(row.get(keys.indexOf("assessor"))).isEqualTo(vocabulary.assessor(a.assessor()).orElseThrow()
                    .title().vi());
            for (Vocabulary.Fact fact : vocabulary.facts()) {
                String shown = row.get(keys.indexOf(fact.name()));
                Object value = a.facts().get(fact.name());
                assertThat(shown).as(a.agency() + " " + a.assessor() + " " + fact.name()).isEqualTo(shown(fact, value));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5_000);
        List<List<String>> agencies = sheets.get("Cơ quan");
        for (int i = 0; i < request.agencies().size(); i++) {
            Agency a = request.agencies().get(i);
            assertThat(agencies.get(i + 2).subList(0, 3)).containsExactly(a.id(), a.name(),
                    vocabulary.kind(a.kind()).orElseThrow().title().vi());
        }
    }

    static String shown(Vocabulary.Fact fact, Object value) {
        if (value == null) {
            return "";
        }
        return switch (fact.type()) {
            case DATE -> ((LocalDate) value).format(SHOWN);
            case BOOLEAN -> (Boolean) value ? "Có" : "Không";
            case CHOICE -> fact.choice().values().stream().filter(v -> v.id().equals(value)).findFirst().orElseThrow()
                    .title().vi();
            default -> String.valueOf(value);
        };
    }

    @Test
    @DisplayName("given the example province's form saved again by LibreOffice, when we read it, then it is the "
            + "request and scores the same, figure for figure")
    void formSavedByLibreOffice() throws Exception {
        ScoringRequest request = Requests.read(ROOT.resolve("docs/examples/bac-giang-2022.json"));
        Path saved = LibreOffice.require().resave(form(request, "bg.xlsx"), dir);
        assertThat(Files.readAllBytes(saved)).isNotEqualTo(Files.readAllBytes(dir.resolve("bg.xlsx")));
        ScoringRequest read = Workbooks.readRequest(saved, Requests.ENGINE);
        assertThat(read).isEqualTo(request);
        assertThat(ScoringJson.writeResult(Requests.ENGINE.evaluate(read)))
                .isEqualTo(ScoringJson.writeResult(Requests.ENGINE.evaluate(request)));
    }

    @Test
    @DisplayName("given the example province's results workbook, when LibreOffice opens it, then its ranking shows "
            + "every agency's total and rating, and its scores every assessment's total")
    void resultsOpenedByLibreOffice() throws Exception {
        ScoringRequest request = Requests.read(ROOT.resolve("docs/examples/bac-giang-2022.json"));
        GuidanceInfo guidance = Requests.guidanceOf(request);
        ScoringResult result = Requests.ENGINE.evaluate(request);
        Path file = dir.resolve("ket-qua.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbooks.writeResults(request, result, guidance, false, out);
        }
        Map<String, List<List<String>>> sheets = LibreOffice.require().sheets(file);
        List<List<String>> ranking = sheets.get("Xếp hạng");
        List<String> header = ranking.get(1);
        int agency = header.indexOf("Mã cơ quan");
        int total = header.indexOf("Tổng điểm");
        int rating = header.indexOf("Mã xếp loại");
        assertThat(List.of(agency, total, rating)).doesNotContain(-1);
        List<List<String>> rows = ranking.subList(2, ranking.size());
        assertThat(rows).hasSize(result.agencies().size());
        for (List<String> row : rows) {
            var fin = result.agency(row.get(agency)).orElseThrow();
            assertThat(new BigDecimal(row.get(total))).as(row.get(agency)).isEqualByComparingTo(fin.total());
            assertThat(row.get(rating)).isEqualTo(fin.rating());
        }
        List<List<String>> scores = sheets.get("Bảng điểm");
        int scoreTotal = scores.get(1).indexOf("Tổng điểm");
        assertThat(scoreTotal).isNotNegative();
        assertThat(scores.size() - 2).isEqualTo(result.assessments().size());
        for (int i = 0; i < result.assessments().size(); i++) {
            var a = result.assessments().get(i);
            List<String> row = scores.get(i + 2);
            assertThat(row.get(0)).isEqualTo(a.agency());
            assertThat(new BigDecimal(row.get(scoreTotal))).as(a.agency() + " " + a.assessor())
                    .isEqualByComparingTo(a.total());
        }
    }
}
