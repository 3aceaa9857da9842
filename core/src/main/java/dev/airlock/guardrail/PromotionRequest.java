package dev.airlock.guardrail;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Artifact;
import dev.airlock.environment.Environment;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the guardrails judge: moving {@code artifact} from {@code source} (null when the target is
 * an entry stage) into {@code target}, asked by {@code principal}. A break-glass request must carry
 * a justification. {@code attributes} are extra named facts (ticket ids, change numbers) that
 * generic condition statements can test.
 */
public record PromotionRequest(Artifact artifact, @Nullable Environment source, Environment target,
        Principal principal, boolean breakGlass, @Nullable String justification, boolean rollback,
        Map<String, String> attributes) {

    public PromotionRequest {
        InvalidValueException.requireNonNull("artifact", artifact);
        InvalidValueException.requireNonNull("target", target);
        InvalidValueException.requireNonNull("principal", principal);
        if (breakGlass && (justification == null || justification.isBlank())) {
            throw new InvalidValueException("justification", justification,
                    "is required for a break-glass promotion: say why the guardrails must be bypassed");
        }
        attributes = Map.copyOf(attributes);
    }

    /** An ordinary promotion with no break-glass, no rollback and no extra attributes. */
    public static PromotionRequest of(Artifact artifact, @Nullable Environment source, Environment target,
            Principal principal) {
        return new PromotionRequest(artifact, source, target, principal, false, null, false, Map.of());
    }

    public Optional<Environment> sourceEnvironment() {
        return Optional.ofNullable(source);
    }
}
