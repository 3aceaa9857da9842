package dev.airlock.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Principal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to promote a digest into a target environment.
 *
 * @param digest         what to promote; never a tag
 * @param target         the environment to promote into
 * @param source         the stage it comes from; needed only where the graph gives the target several
 * @param principal      who asks
 * @param idempotencyKey names one request: its retries never promote twice, even after the environment moved
 *                       on. Defaults to digest + target ({@link #defaultKey}), which means "this digest into this
 *                       environment": done while the environment runs it, promoted afresh once it moved on
 * @param breakGlass     an emergency request, which needs a justification
 * @param justification  why break-glass is needed
 * @param attributes     extra named facts for policy conditions (ticket ids, change numbers)
 */
public record PromotionCommand(Digest digest, String target, @Nullable String source, Principal principal,
        String idempotencyKey, boolean breakGlass, @Nullable String justification, Map<String, String> attributes) {

    public PromotionCommand {
        InvalidValueException.requireNonNull("digest", digest);
        InvalidValueException.requireNonNull("target", target);
        InvalidValueException.requireNonNull("principal", principal);
        InvalidValueException.requireNonNull("idempotencyKey", idempotencyKey);
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidValueException("idempotencyKey", idempotencyKey, "must be 1-200 characters");
        }
        attributes = Map.copyOf(attributes);
    }

    /** The default idempotency key: one promotion of a digest into an environment. */
    public static String defaultKey(Digest digest, String target) {
        return digest.hex().substring(0, 16) + "-to-" + target;
    }

    /**
     * Whether the key is the default one (given explicitly or not): it names no single request, so an earlier
     * promotion under it counts as done only while the target still runs the digest.
     */
    public boolean hasDefaultKey() {
        return idempotencyKey.equals(defaultKey(digest, target));
    }

    public static Builder builder(Digest digest, String target, Principal principal) {
        return new Builder(digest, target, principal);
    }

    /** Builds a command; only digest, target and principal are required. */
    public static final class Builder {
        private final Digest digest;
        private final String target;
        private final Principal principal;
        private @Nullable String source;
        private @Nullable String idempotencyKey;
        private boolean breakGlass;
        private @Nullable String justification;
        private Map<String, String> attributes = Map.of();

        private Builder(Digest digest, String target, Principal principal) {
            this.digest = digest;
            this.target = target;
            this.principal = principal;
        }

        public Builder from(@Nullable String source) {
            this.source = source;
            return this;
        }

        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        /** Marks the request as an emergency; the justification is recorded in the ledger. */
        public Builder breakGlass(String justification) {
            this.breakGlass = true;
            this.justification = justification;
            return this;
        }

        public Builder attributes(Map<String, String> attributes) {
            this.attributes = Map.copyOf(attributes);
            return this;
        }

        public PromotionCommand build() {
            return new PromotionCommand(digest, target, source,
                    principal, idempotencyKey != null ? idempotencyKey : defaultKey(digest, target), breakGlass,
                    justification, attributes);
        }
    }
}
