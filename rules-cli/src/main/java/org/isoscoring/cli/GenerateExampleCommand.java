package org.isoscoring.cli;

import java.util.concurrent.Callable;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.examples.ExampleProvinces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a synthetic request: the example province, or a national-size one. */
@Command(name = "generate-example", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Sinh yêu cầu chấm điểm mẫu (dữ liệu giả lập) / Writes a synthetic request as JSON.",
                "Without options: the example province docs/examples/bac-giang-2022.json, byte for byte;",
                "with --guidance two-tier-2026-example: docs/examples/two-tier-2026.json (an illustration, not an "
                        + "official guidance)."})
final class GenerateExampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--guidance", paramLabel = "ID", defaultValue = "bac-giang-2022",
            description = "The example of this bundled guidance: bac-giang-2022 (default) or two-tier-2026-example "
                    + "(an illustration, not an official guidance; 99 communes, no districts).")
    private String guidance;

    @Option(names = "--districts", description = "A national-size request of this many districts instead.")
    private Integer districts;

    @Option(names = "--communes-per-district", defaultValue = "15",
            description = "Communes per district of a national-size request (default: ${DEFAULT-VALUE}).")
    private int communesPerDistrict;

    @Option(names = "--seed", defaultValue = "2022", description = "Seed of a national-size request (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (districts != null && (districts < 1 || districts > 10_000 || communesPerDistrict < 1
                || communesPerDistrict > 1_000)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--districts must be 1 to 10000 and --communes-per-district 1 to 1000");
        }
        boolean twoTier = ExampleProvinces.TWO_TIER_GUIDANCE.equals(guidance);
        if (!twoTier && !ExampleProvinces.BAC_GIANG_GUIDANCE.equals(guidance)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--guidance: \"" + guidance
                    + "\" không có ví dụ / has no example; there are: " + ExampleProvinces.BAC_GIANG_GUIDANCE + ", "
                    + ExampleProvinces.TWO_TIER_GUIDANCE);
        }
        if (twoTier && districts != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--districts: "
                    + ExampleProvinces.TWO_TIER_GUIDANCE + " không có huyện / has no districts");
        }
        var request = twoTier ? ExampleProvinces.twoTier2026()
                : districts == null ? ExampleProvinces.bacGiang2022()
                : ExampleProvinces.national(districts, communesPerDistrict, seed);
        var engine = org.isoscoring.api.ScoringEngine.create();
        spec.commandLine().getOut().print(ScoringJson.writeRequest(request,
                engine.guidanceFor(request.guidance(), request.year())));
        return 0;
    }
}
