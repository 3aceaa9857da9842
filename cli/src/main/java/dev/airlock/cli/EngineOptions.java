package dev.airlock.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * Options every command that uses the engine shares: those of the backend and who acts. When is the
 * clock's; read-only commands may ask about another instant with {@link ClaimedTime}.
 */
final class EngineOptions extends BackendOptions {
    @Option(names = "--as", paramLabel = "PRINCIPAL", defaultValue = "${env:AIRLOCK_PRINCIPAL}",
            description = "Who acts (default: $AIRLOCK_PRINCIPAL, else who the backend authenticates). Only where the "
                    + "configuration declares identities unauthenticated may it name someone else; elsewhere it must "
                    + "be the authenticated principal. Groups come from the configuration.")
    String principal;

    @Option(names = "--metrics", description = "When the command ends, print the engine's metrics (decisions, "
            + "step durations, bytes, ledger appends, lease waits and conflicts; on aws also AWS calls and each "
            + "account's circuit breaker) on stderr.")
    boolean metrics;

    @Option(names = "--signing-key", paramLabel = "FILE|kms:KEY", defaultValue = "${env:AIRLOCK_SIGNING_KEY}",
            description = "The key approvals, verifications, registrations and break-glass requests are signed with "
                    + "(default: $AIRLOCK_SIGNING_KEY, else the key the keyring names for the signer). A key file, or "
                    + "kms:KEY-ID-OR-ARN on the aws backend. It counts only if the keyring binds it to the signer.")
    String signingKey;

    /** Converts ISO-8601 instants with a message that says what was expected. */
    static final class InstantConverter implements picocli.CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an ISO-8601 instant such as 2026-03-02T09:00:00Z");
            }
        }
    }
}
