package dev.airlock.aws;

/**
 * {@link S3LedgerTest} on moto_server. No racing appends here: moto checks {@code If-None-Match: *} and
 * then writes, in a threaded server, so two concurrent conditional creates of one key can both succeed
 * (the README). The sequential conflict test in {@link S3LedgerTest} runs here; the race runs
 * on the fake, which like S3 creates a key atomically.
 */
class S3LedgerOnMotoTest extends S3LedgerTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }
}
