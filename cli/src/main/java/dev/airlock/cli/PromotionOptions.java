package dev.airlock.cli;

import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.PromotionCommand;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What plan and promote share: which artifact, from where, to where, and how. */
final class PromotionOptions {
    @ArgGroup(exclusive = false, multiplicity = "1")
    ArtifactSelector artifact;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "Target environment.")
    String target;

    @Option(names = "--from", paramLabel = "ENV", description = "Source stage, where the graph gives the target several.")
    String source;

    @Option(names = "--key", paramLabel = "KEY", description = "Idempotency key (default: digest + target).")
    String idempotencyKey;

    @Option(names = "--break-glass", paramLabel = "JUSTIFICATION",
            description = "Emergency promotion: bypasses only bypassable statements; needs its own approvals.")
    String breakGlass;

    @Option(names = "--attr", paramLabel = "NAME=VALUE", description = "Request attribute for policy conditions.")
    Map<String, String> attributes = Map.of();

    PromotionCommand command(Airlock airlock, Principal principal) {
        PromotionCommand.Builder builder = PromotionCommand.builder(artifact.resolve(airlock.engine), target, principal)
                .from(source).attributes(attributes);
        if (idempotencyKey != null) {
            builder.idempotencyKey(idempotencyKey);
        }
        if (breakGlass != null) {
            builder.breakGlass(breakGlass);
        }
        return builder.build();
    }
}
