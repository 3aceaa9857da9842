package dev.airlock.cli;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.AwsBackend;
import dev.airlock.aws.AwsBackendProvider;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Appends to the aws backend's ledger what a promoter leaves when its process dies after taking an
 * environment's lease: the decision and the lease, nothing after. Written with the chain rules the
 * engine uses, through the ledger of the configuration file's backend.
 */
final class DeadPromoter {
    private final AirlockConfiguration configuration;
    private final AwsCredentialsProvider tooling;

    DeadPromoter(Path config, AwsCredentialsProvider tooling) {
        this.configuration = AirlockConfiguration.load(config);
        this.tooling = tooling;
    }

    void diedHoldingTheLease(String promotionId, String environment, Digest digest, Instant at) {
        try (AwsBackend aws = AwsBackendProvider.backend(configuration).baseCredentials(tooling).build()) {
            Ledger ledger = aws.ledger();
            LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
            Map<String, String> decision = new HashMap<>(Map.of("idempotencyKey", promotionId, "outcome", "ALLOWED"));
            configuration.landscape().graph().predecessors(environment).stream().findFirst()
                    .ifPresent(source -> decision.put("source", source));
            LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "alice", environment,
                    digest, promotionId, decision), at);
            ledger.append(decided);
            ledger.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "alice", environment,
                    digest, promotionId, Map.of("token", "1", "expiresAt", at.plus(Duration.ofMinutes(15)).toString())),
                    at));
        }
    }
}
