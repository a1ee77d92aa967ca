package org.isoscoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isoscoring.api.GuidanceTools;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes an editable copy of a bundled guidance. */
@Command(name = "new-guidance", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Sao chép một bộ tiêu chí có sẵn để sửa / Writes an editable copy of a bundled guidance.",
                "The copy takes the folder's name as its id unless --id gives another; edit guidance.json and the .drl files, then run"
                        + " check, test and diff."})
final class NewGuidanceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ID", description = "The bundled guidance to copy.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "The new folder (must not exist or be empty).")
    private Path to;

    @Option(names = "--id", paramLabel = "ID", description = "The id of the copy (default: the folder's name).")
    private String id;

    private static boolean empty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String> files;
        try {
            files = GuidanceTools.create().files(from);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Files.exists(to) && (!Files.isDirectory(to) || !empty(to))) {
            throw new CommandLine.ParameterException(spec.commandLine(), to + " exists and is not an empty folder");
        }
        Files.createDirectories(to);
        String newId = id != null ? id : to.toAbsolutePath().normalize().getFileName().toString();
        files.forEach((name, text) -> {
            String content = name.equals("guidance.json")
                    ? text.replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"" + newId.replace("\"", "") + "\"")
                    : text;
            try {
                Files.writeString(to.resolve(name), content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        spec.commandLine().getOut().println("Đã chép / copied " + from + " → " + to + " (id " + newId + ", "
                + files.size() + " tệp / files)");
        return 0;
    }
}
