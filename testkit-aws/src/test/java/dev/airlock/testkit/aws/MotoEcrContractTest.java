package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.EcrContract;

class MotoEcrContractTest extends EcrContract {
    @Override
    protected AwsContractTarget createTarget() {
        return new MotoTarget();
    }
}
