package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.LEDGER_BUCKET;
import static dev.airlock.aws.AwsTarget.SECURITY;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.spi.Ledger;
import dev.airlock.testkit.contract.LedgerContract;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The ledger contract for the S3 ledger; the subclasses pick moto or the in-memory AWS. */
abstract class S3LedgerContractTest extends LedgerContract<S3Ledger> {
    private final AwsTarget aws = target().withStorage();

    /** A fresh target, called once per test while this instance is constructed. */
    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    private final Map<S3Ledger, String> prefixes = new IdentityHashMap<>();

    /** A ledger under a prefix of its own in the ledger bucket: the kit compares ledgers that must share nothing. */
    @Override
    protected S3Ledger createLedger() {
        return ledger("airlock/ledger-" + (prefixes.size() + 1));
    }

    /** Another promoter on the same prefix: its own backend, clients and entry cache. */
    @Override
    protected Ledger anotherWriter(S3Ledger ledger) {
        return ledger(prefixes.get(ledger));
    }

    private S3Ledger ledger(String prefix) {
        S3Ledger ledger = aws.backend(aws.configuration().ledger(l -> l.prefix(prefix)).build()).ledger();
        prefixes.put(ledger, prefix);
        return ledger;
    }

    /**
     * Rewrites the entry objects with the security account's own credentials, as someone allowed to
     * overwrite and delete in the ledger bucket could: entry {@code i} of the list at the key of sequence {@code i}.
     */
    @Override
    protected void tamper(S3Ledger ledger, UnaryOperator<List<LedgerEntry>> rewrite) {
        List<LedgerEntry> stored = ledger.read(1);
        List<LedgerEntry> rewritten = rewrite.apply(new ArrayList<>(stored));
        try (S3Client s3 = aws.s3(SECURITY)) {
            for (int position = 1; position <= Math.max(stored.size(), rewritten.size()); position++) {
                String key = ledger.key(position);
                if (position <= rewritten.size()) {
                    String json = LedgerEntryCodec.toJson(rewritten.get(position - 1));
                    s3.putObject(r -> r.bucket(LEDGER_BUCKET).key(key), RequestBody.fromString(json));
                } else {
                    s3.deleteObject(r -> r.bucket(LEDGER_BUCKET).key(key));
                }
            }
        }
    }
}
