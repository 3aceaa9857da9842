package dev.airlock.cli;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Provenance;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.spi.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock register FILE}: build once — upload the bytes and record the artifact. */
@Command(name = "register", description = "Register a built artifact from a file (build once); prints its digest.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock register target/payments-api.jar --name payments-api --version 1.4.2 \\",
                "      --source-repo github.com/acme/payments --revision 9f1c2e7"})
final class RegisterCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Parameters(index = "0", paramLabel = "FILE", description = "The built artifact.")
    Path file;

    @Option(names = "--name", required = true, description = "Artifact name, e.g. payments-api.")
    String name;

    @Option(names = "--version", required = true, description = "Artifact version, e.g. 1.4.2.")
    String version;

    @Option(names = "--kind", defaultValue = "file", description = "file or container-image (default: file).")
    String kind;

    @Option(names = "--media-type", defaultValue = "application/octet-stream", description = "Media type of the bytes.")
    String mediaType;

    @Option(names = "--source-repo", required = true, description = "Source repository the build came from.")
    String sourceRepository;

    @Option(names = "--revision", required = true, description = "Source revision (commit) that was built.")
    String revision;

    @Option(names = "--build-id", defaultValue = "local", description = "The build's id in the CI system.")
    String buildId;

    @Option(names = "--builder", description = "Build identity that produced it (default: the principal).")
    String builder;

    @Option(names = "--built-at", converter = EngineOptions.InstantConverter.class,
            description = "When it was built (default: now).")
    Instant builtAt;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        Principal principal = airlock.principal(options.principal);
        Provenance provenance = new Provenance(sourceRepository, revision, buildId,
                builder != null ? builder : principal.id(), builtAt != null ? builtAt : airlock.clock.instant());
        ArtifactRegistration registration = new ArtifactRegistration(name, version, ArtifactKind.parse(kind), mediaType,
                provenance);
        if (Files.isDirectory(file)) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "FILE: '" + file + "' is a directory; register "
                    + "the built file");
        }
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "FILE: '" + file + "' does not exist");
        } catch (IOException e) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "FILE: '" + file + "' cannot be read ("
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()) + ")");
        }
        Artifact artifact;
        ProgressLine progress = ProgressLine.onTerminal("uploading " + file.getFileName());
        try (InputStream counted = TransferProgress.counting(in, size, progress::update)) {
            artifact = airlock.engine.register(registration, counted, principal);
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file, e);
        } finally {
            progress.finish();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", artifact.name());
        json.put("version", artifact.version());
        json.put("digest", artifact.digest().value());
        json.put("size", artifact.size());
        report(out, json, artifact.digest().value());
        return ExitCodes.OK;
    }
}
