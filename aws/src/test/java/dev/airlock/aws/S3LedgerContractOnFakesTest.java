package dev.airlock.aws;

/** The S3 ledger's whole contract, concurrent appends included, on the in-memory AWS (atomic like S3). */
class S3LedgerContractOnFakesTest extends S3LedgerContractTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }
}
