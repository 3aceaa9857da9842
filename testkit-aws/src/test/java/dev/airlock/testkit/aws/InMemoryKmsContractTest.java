package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.KmsContract;

class InMemoryKmsContractTest extends KmsContract {
    @Override
    protected AwsContractTarget createTarget() {
        return new FakeTarget();
    }
}
