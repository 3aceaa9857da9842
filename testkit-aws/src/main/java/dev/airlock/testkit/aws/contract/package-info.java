/**
 * Contract kits for implementations of the AWS APIs Airlock uses: abstract JUnit 5 classes holding the
 * STS, S3, ECR and KMS behaviours that the in-memory AWS shares with AWS (and with moto_server). This build
 * runs each against the in-memory AWS and against moto_server; subclass one to run it against another
 * implementation, or against AWS itself:
 * <pre>{@code
 * class MyS3ContractTest extends S3Contract {
 *     @Override
 *     protected AwsContractTarget createTarget() {
 *         return new MyTarget();   // clients for the accounts and roles AwsContractTarget describes
 *     }
 * }
 * }</pre>
 *
 * <p>The kits need {@code org.junit.jupiter:junit-jupiter-api} on the test class path; it is an
 * optional dependency of this module, so the in-memory AWS does not bring JUnit to its users.
 */
@NullMarked
package dev.airlock.testkit.aws.contract;

import org.jspecify.annotations.NullMarked;
