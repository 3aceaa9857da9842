package dev.airlock.examples.build;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Provenance;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The last step of a CI build: register the artifact it built, once, with the provenance the CI
 * environment gives (GitHub Actions variables here), then promote that digest into the pipeline's
 * entry stages. Prints the digest on standard output for the jobs that deploy it.
 *
 * <pre>{@code java -cp ... dev.airlock.examples.build.BuildStep airlock.yaml target/app.jar app 1.4.2}</pre>
 *
 * Exit codes: 0 promoted (or already), 2 bad arguments, 3 denied, 4 pending.
 */
public final class BuildStep {
    private final Map<String, String> ci;
    private final Clock clock;

    public BuildStep(Map<String, String> ci, Clock clock) {
        this.ci = Map.copyOf(ci);
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new BuildStep(System.getenv(), Clock.systemUTC()).run(List.of(args), System.out, System.err));
    }

    /** Runs the step; {@code args} are the configuration file, the artifact, its name and its version. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 4) {
            err.println("usage: BuildStep CONFIG ARTIFACT NAME VERSION");
            return 2;
        }
        Path configurationFile = Path.of(args.get(0));
        AirlockConfiguration configuration = AirlockConfiguration.load(configurationFile);
        try (Backend backend = configuration.backend().open(BackendContext.of(configuration.landscape(), clock,
                configurationFile.toAbsolutePath().getParent()))) {
            // The build's provenance is signed with the builder's key, which the keyring names; unsigned, the
            // trusted-builder guardrail would not count it.
            PromotionEngine engine = PromotionEngine.builder().configuration(configuration, backend).clock(clock)
                    .build();
            // Groups come from the configuration file, never re-typed here.
            Principal builder = configuration.principal(ci("GITHUB_ACTOR", "ci") + "@ci");
            Artifact artifact = register(engine, Path.of(args.get(1)), args.get(2), args.get(3), builder);
            out.println(artifact.digest());
            int exit = 0;
            for (String entry : configuration.landscape().graph().entries()) {
                PromotionResult result = engine.promote(PromotionCommand.builder(artifact.digest(), entry, builder)
                        .idempotencyKey(artifact.name() + "@" + artifact.version() + "->" + entry).build());
                err.println(entry + ": " + result.status());
                if (result.status() == PromotionResult.Status.DENIED || result.status() == PromotionResult.Status.PENDING) {
                    err.println(result.decision().explain());
                    exit = Math.max(exit, result.status() == PromotionResult.Status.DENIED ? 3 : 4);
                }
            }
            return exit;
        }
    }

    private Artifact register(PromotionEngine engine, Path file, String name, String version, Principal builder) {
        Provenance provenance = new Provenance(ci("GITHUB_SERVER_URL", "https://github.com").replaceFirst("^https?://", "")
                + "/" + ci("GITHUB_REPOSITORY", "local/" + name), ci("GITHUB_SHA", "uncommitted"),
                ci("GITHUB_RUN_ID", "local"), builder.id(), clock.instant());
        ArtifactRegistration registration = new ArtifactRegistration(name, version, ArtifactKind.FILE,
                "application/octet-stream", provenance);
        try (InputStream content = Files.newInputStream(file)) {
            return engine.register(registration, content, builder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String ci(String variable, String fallback) {
        String value = ci.get(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
