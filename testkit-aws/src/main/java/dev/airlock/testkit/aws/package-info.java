/**
 * An in-memory AWS for tests: accounts, IAM roles with trust policies, and fake implementations of the
 * AWS SDK v2 {@code StsClient}, {@code S3Client} and {@code EcrClient} interfaces with multi-account
 * semantics, fault injection and a record of every call. Start at {@link dev.airlock.testkit.aws.AwsWorld}.
 *
 * <p>Brings the SDK's {@code sts}, {@code s3} and {@code ecr} artifacts (no HTTP client); needs no JUnit.
 */
@NullMarked
package dev.airlock.testkit.aws;

import org.jspecify.annotations.NullMarked;
