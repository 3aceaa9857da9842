package dev.airlock.aws;

/** {@link S3ArtifactStoreTest} on moto_server. */
class S3ArtifactStoreOnMotoTest extends S3ArtifactStoreTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }
}
