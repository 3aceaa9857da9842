package dev.airlock.maven;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.promotion.PromotionCommand;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** Goals about one digest and one target environment: {@code plan} and {@code promote}. */
abstract class TargetedMojo extends AirlockMojo {
    /** The digest; default: what {@code register} exported, else the one registered as this project's version. */
    @Parameter(property = "airlock.digest")
    @Nullable String digest;

    @Parameter(property = "airlock.digestFile", defaultValue = "${project.build.directory}/airlock.digest")
    File digestFile;

    @Parameter(defaultValue = "${project.artifactId}", readonly = true)
    String artifactId;

    @Parameter(defaultValue = "${project.version}", readonly = true)
    String projectVersion;

    /** The target environment. */
    @Parameter(property = "airlock.to")
    @Nullable String to;

    /** The source environment, where the promotion graph has several before {@code to}. */
    @Parameter(property = "airlock.from")
    @Nullable String from;

    /** Request attributes that policies' conditions read, e.g. {@code <change>CHG-2041</change>}. */
    @Parameter
    @Nullable Map<String, String> attributes;

    /** Names one request: a retry under it never promotes twice. Default: this digest into {@code to}. */
    @Parameter(property = "airlock.idempotencyKey")
    @Nullable String idempotencyKey;

    PromotionCommand command(AirlockSession session) {
        if (to == null || to.isBlank()) {
            throw new InvalidValueException("to", to, "must name the target environment (<to> or -Dairlock.to)");
        }
        Digest resolved = DigestExport.find(digest, digestFile.toPath())
                .orElseGet(() -> session.engine.resolve(artifactId, projectVersion));
        PromotionCommand.Builder command = PromotionCommand.builder(resolved, to, session.principal()).from(from);
        if (attributes != null) {
            command.attributes(Map.copyOf(attributes));
        }
        if (idempotencyKey != null) {
            command.idempotencyKey(idempotencyKey);
        }
        return command.build();
    }
}
