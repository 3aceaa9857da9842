package dev.airlock.aws;

/** {@link NoSecretsInLogsTest} on moto_server. */
class NoSecretsInLogsOnMotoTest extends NoSecretsInLogsTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }
}
