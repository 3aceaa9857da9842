package dev.airlock.testkit.aws;

/** {@link EcrParityTest} against the in-memory world. */
class EcrParityOnFakesTest extends EcrParityTest {
    @Override
    ParityTarget target() {
        return new FakeTarget();
    }
}
