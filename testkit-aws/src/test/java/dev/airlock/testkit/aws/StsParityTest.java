package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.HUB;
import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.PROD_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.PROD_EXTERNAL_ID;
import static dev.airlock.testkit.aws.TestLandscape.STAGING;
import static dev.airlock.testkit.aws.TestLandscape.STAGING_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The STS behaviours the fake shares with moto_server, run against both. */
abstract class StsParityTest {
    final ParityTarget aws = target();

    abstract ParityTarget target();

    @AfterEach
    void closeClients() {
        aws.close();
    }

    @Test
    void getCallerIdentity_ofUser_isTheUser() {
        StsContract.callerIdentity_ofUser_isTheUser(aws, aws.ci(), aws.ciArn(), aws.ciAccount());
    }

    @Test
    void assumeRole_actsInTheRoleAccount() {
        StsContract.assumedRole_actsInTheRoleAccount(aws, aws.ci(), HUB, null, TOOLING, "hub");
        StsContract.assumedRole_actsInTheRoleAccount(aws, aws.hub(), PROD_DEPLOY, PROD_EXTERNAL_ID, PROD, "deploy");
    }

    @Test
    void chainedRoles_actInTheLastRoleAccount() {
        StsContract.chainedRoles_actInTheLastRoleAccount(aws, aws.ci(), HUB, STAGING_DEPLOY, null, STAGING);
    }

    @Test
    void sessionName_longerThan64_isRejected() {
        StsContract.sessionName_longerThan64_isRejected(aws, aws.ci(), HUB);
    }
}
