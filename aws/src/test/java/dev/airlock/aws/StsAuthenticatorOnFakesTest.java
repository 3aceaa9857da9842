package dev.airlock.aws;

class StsAuthenticatorOnFakesTest extends StsAuthenticatorTest {
    @Override
    TargetBase target() {
        return new FakeAws();
    }
}
