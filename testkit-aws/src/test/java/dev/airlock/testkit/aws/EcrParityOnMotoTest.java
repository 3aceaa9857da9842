package dev.airlock.testkit.aws;

/** {@link EcrParityTest} against moto_server. */
class EcrParityOnMotoTest extends EcrParityTest {
    @Override
    ParityTarget target() {
        return new MotoTarget();
    }
}
