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

    /** A request for {@code artifact} into {@code target} by {@code principal}; everything else is optional. */
    public static Builder builder(Artifact artifact, Environment target, Principal principal) {
        return new Builder(artifact, target, principal);
    }

    /** A builder holding this request's values, to ask about a variation of it. */
    public Builder toBuilder() {
        Builder builder = new Builder(artifact, target, principal).from(source).rollback(rollback).attributes(attributes);
        builder.breakGlass = breakGlass;
        builder.justification = justification;
        return builder;
    }

    /** Builds requests; {@link #build()} copies, so one builder can make several. */
    public static final class Builder {
        private Artifact artifact;
        private Environment target;
        private Principal principal;
        private @Nullable Environment source;
        private boolean breakGlass;
        private @Nullable String justification;
        private boolean rollback;
        private Map<String, String> attributes = Map.of();

        private Builder(Artifact artifact, Environment target, Principal principal) {
            this.artifact = artifact;
            this.target = target;
            this.principal = principal;
        }

        public Builder artifact(Artifact artifact) {
            this.artifact = artifact;
            return this;
        }

        public Builder target(Environment target) {
            this.target = target;
            return this;
        }

        public Builder principal(Principal principal) {
            this.principal = principal;
            return this;
        }

        /** The stage it comes from; null (the default) for an entry stage. */
        public Builder from(@Nullable Environment source) {
            this.source = source;
            return this;
        }

        /** An emergency request, with the justification it must carry. */
        public Builder breakGlass(String justification) {
            this.breakGlass = true;
            this.justification = justification;
            return this;
        }

        public Builder rollback(boolean rollback) {
            this.rollback = rollback;
            return this;
        }

        /** Adds one named fact for condition statements. */
        public Builder attribute(String name, String value) {
            Map<String, String> copy = new java.util.LinkedHashMap<>(attributes);
            copy.put(name, value);
            this.attributes = copy;
            return this;
        }

        public Builder attributes(Map<String, String> attributes) {
            this.attributes = Map.copyOf(attributes);
            return this;
        }

        public PromotionRequest build() {
            return new PromotionRequest(artifact, source, target, principal, breakGlass, justification, rollback,
                    attributes);
        }
    }
}
