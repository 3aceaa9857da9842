/**
 * Airlock on AWS: {@link dev.airlock.aws.AwsBackend} wires STS role chaining
 * ({@link dev.airlock.aws.RoleChainAccess}), the S3 and ECR artifact stores
 * ({@link dev.airlock.aws.S3ArtifactStore}, {@link dev.airlock.aws.EcrArtifactStore}) and the S3 ledger
 * ({@link dev.airlock.aws.S3Ledger}) from one {@link dev.airlock.aws.AwsConfiguration}. SDK clients come from an
 * injectable {@link dev.airlock.aws.AwsClientFactory}.
 */
@NullMarked
package dev.airlock.aws;

import org.jspecify.annotations.NullMarked;
