package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link StsParityTest} against moto_server, and where cheap, moto's laxer answers to what the fake holds
 * to AWS's rules (the README). Should one of those fail, moto has become stricter: run the
 * behaviour in the parity suite instead.
 */
class StsParityOnMotoTest extends StsParityTest {
    @Override
    ParityTarget target() {
        return new MotoTarget();
    }

    @Test
    void moto_letsAnyoneAssumeAnyRole_withoutTheExternalId() {
        String account = aws.sts(TestLandscape.credentials(aws.sts(aws.ci()).assumeRole(
                r -> r.roleArn(TestLandscape.PROD_DEPLOY).roleSessionName("untrusted")))).getCallerIdentity().account();

        assertEquals(TestLandscape.PROD, account);
    }
}
