package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.StsContract;

class InMemoryStsContractTest extends StsContract {
    @Override
    protected AwsContractTarget createTarget() {
        return new FakeTarget();
    }
}
