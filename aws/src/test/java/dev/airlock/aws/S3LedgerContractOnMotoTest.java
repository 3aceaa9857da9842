package dev.airlock.aws;

import java.util.Optional;

/** The S3 ledger's contract on moto, but for the concurrent appends moto cannot make atomic. */
class S3LedgerContractOnMotoTest extends S3LedgerContractTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }

    @Override
    protected Optional<String> concurrentAppendsUnsupportedBecause() {
        return Optional.of("moto checks If-None-Match: * and then writes, in a threaded server, so two concurrent "
                + "PutObjects of one key can both succeed there; S3 itself creates a key at most once. "
                + "S3LedgerContractOnFakesTest runs these cases on the in-memory AWS, which is atomic like S3.");
    }
}
