package dev.airlock.testkit.aws;

/** {@link S3ParityTest} against the in-memory world. */
class S3ParityOnFakesTest extends S3ParityTest {
    @Override
    ParityTarget target() {
        return new FakeTarget();
    }
}
