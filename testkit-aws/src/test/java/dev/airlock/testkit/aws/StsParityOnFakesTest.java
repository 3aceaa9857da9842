package dev.airlock.testkit.aws;

/** {@link StsParityTest} against the in-memory world. */
class StsParityOnFakesTest extends StsParityTest {
    @Override
    ParityTarget target() {
        return new FakeTarget();
    }
}
