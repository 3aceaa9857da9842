package dev.airlock.aws;

/** {@link S3ArtifactStoreTest} on the testkit's in-memory AWS (trust and bucket policies enforced). */
class S3ArtifactStoreOnFakesTest extends S3ArtifactStoreTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }
}
