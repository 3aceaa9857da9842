package dev.airlock.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.spi.SetupDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code airlock aws policies --out DIR}: writes the SCPs, role, bucket and repository policies the
 * configuration's accounts need, one file per document, and README.md saying where each goes. Reads no
 * account and needs no credentials.
 */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "Write every AWS policy the configuration needs (SCPs, roles, buckets, repositories) and an index.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock aws policies --config airlock-aws.yaml --out aws-policies --organization-id o-a1b2c3d4e5"})
final class AwsPoliciesCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:AIRLOCK_CONFIG:-airlock.yaml}",
            description = "Configuration file (default: $AIRLOCK_CONFIG or ./airlock.yaml); its backend must be aws.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory to write the documents to (created if missing; files of the same names are replaced).")
    Path out;

    @Mixin
    AwsSetupOptions setup;

    @Mixin
    OutputOption output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AirlockConfiguration configuration = AirlockConfiguration.load(config);
        AwsSetupOptions.requireAws(configuration);
        List<SetupDocument> documents = configuration.backend().setupDocuments(configuration.landscape(),
                setup.options(configuration));
        try {
            Files.createDirectories(out);
            for (SetupDocument document : documents) {
                Files.writeString(out.resolve(document.fileName()), document.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        PrintWriter printer = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("directory", out.toString());
            answer.put("files", documents.stream().map(SetupDocument::fileName).toList());
            printer.println(Json.write(answer));
        } else {
            printer.println("Wrote " + documents.size() + " files to " + out + " (README.md says where each goes):");
            documents.forEach(d -> printer.println("  " + d.fileName()));
        }
        return ExitCodes.OK;
    }
}
