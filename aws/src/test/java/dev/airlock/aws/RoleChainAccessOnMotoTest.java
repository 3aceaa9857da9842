package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * {@link RoleChainAccessTest} on moto_server, which lets any caller assume any role: here the chain without a
 * hub can be shown to send its one AssumeRole. {@link RoleChainAccessOnFakesTest} shows the same chain denied
 * when the deploy role trusts only the hub.
 */
class RoleChainAccessOnMotoTest extends RoleChainAccessTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }

    @Test
    void open_withoutHub_assumesTheDeployRoleWithTheBaseCredentials() {
        RoleChainAccess access = aws.backend(aws.configuration().roleChain(chain -> chain.hubRole(null)).build(),
                clock).environmentAccess();

        access.open(aws.env("staging"), ALICE).close();

        var assumed = aws.recorder().of("AssumeRole");
        assertEquals(1, assumed.size());
        assertEquals("arn:aws:iam::333333333333:role/airlock-deploy", assumed.get(0).as(AssumeRoleRequest.class)
                .roleArn());
        assertNull(assumed.get(0).as(AssumeRoleRequest.class).externalId(), "staging has no external id");
    }
}
