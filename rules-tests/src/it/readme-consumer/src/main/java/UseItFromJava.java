import java.nio.file.Files;
import java.nio.file.Path;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.api.ScoringResult;

public class UseItFromJava {
    public static void main(String[] args) throws Exception {
        ScoringEngine engine = ScoringEngine.create();   // once: build it at start-up and share it between threads
        String json = Files.readString(Path.of(args.length > 0 ? args[0] : "docs/examples/bac-giang-2022.json"));
        ScoringRequest request = ScoringJson.readRequest(json, engine);   // RequestRejectedException: every problem
        ScoringResult result = engine.evaluate(request);
        for (AssessmentResult sheet : result.assessments()) {
            System.out.println(sheet.agency() + " (" + sheet.assessor() + "): " + sheet.total() + " " + sheet.rating());
        }
    }
}
