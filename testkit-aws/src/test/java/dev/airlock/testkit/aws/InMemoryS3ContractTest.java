package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.S3Contract;

class InMemoryS3ContractTest extends S3Contract {
    @Override
    protected AwsContractTarget createTarget() {
        return new FakeTarget();
    }
}
