package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.StsContract;
import org.junit.jupiter.api.Test;

/**
 * {@link StsContract} against moto_server, and where cheap, moto's laxer answers to what the fake holds
 * to AWS's rules (the README). Should one of those fail, moto has become stricter: move the behaviour
 * into the contract.
 */
class MotoStsContractTest extends StsContract {
    @Override
    protected AwsContractTarget createTarget() {
        return new MotoTarget();
    }

    @Test
    void moto_letsAnyoneAssumeAnyRole_withoutTheExternalId() {
        String account = target().sts(TestLandscape.credentials(target().sts(target().ci()).assumeRole(
                r -> r.roleArn(TestLandscape.PROD_DEPLOY).roleSessionName("untrusted")))).getCallerIdentity().account();

        assertEquals(TestLandscape.PROD, account);
    }
}
