package dev.airlock.aws;

import static dev.airlock.aws.MotoAws.REGION;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessSession;
import dev.airlock.testkit.contract.EnvironmentAccessContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/** The environment access contract for STS role chaining, on moto. */
class RoleChainAccessContractTest extends EnvironmentAccessContract<RoleChainAccess> {
    private final MotoAws aws = new MotoAws().withStorage();

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected RoleChainAccess createAccess() {
        return aws.backend(aws.configuration().build()).environmentAccess();
    }

    @Override
    protected Landscape landscape() {
        return aws.landscape;
    }

    /** Whom STS says the session's credentials belong to. */
    @Override
    protected AccountId actingAccount(AccessSession session) {
        AwsAccessSession aws = session.unwrap(AwsAccessSession.class).orElseThrow();
        try (StsClient sts = this.aws.setupFactory.sts(aws.credentials(), REGION)) {
            return AccountId.of(sts.getCallerIdentity().account());
        }
    }

    /**
     * The AssumeRole requests into the environment's deploy role, as CloudTrail records them: the
     * environment tag, the session name (the promotion) and the source identity (the principal).
     * moto ignores tags and source identity, so they are read from the requests sent.
     */
    @Override
    protected List<RecordedAccess> recordedAccess(RoleChainAccess access, Environment environment) {
        return aws.recorder.of("AssumeRole").stream()
                .map(sent -> sent.as(AssumeRoleRequest.class))
                .filter(request -> request.roleArn().equals(environment.deployRole().toString()))
                .map(request -> new RecordedAccess(tag(request, "airlock:environment"), request.roleSessionName(),
                        request.sourceIdentity()))
                .toList();
    }

    private static String tag(AssumeRoleRequest request, String key) {
        return request.tags().stream().filter(tag -> tag.key().equals(key)).map(Tag::value).findFirst().orElse("");
    }
}
