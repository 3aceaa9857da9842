package dev.airlock.aws;

/** {@link NoSecretsInLogsTest} on the in-memory AWS. */
class NoSecretsInLogsOnFakesTest extends NoSecretsInLogsTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }
}
