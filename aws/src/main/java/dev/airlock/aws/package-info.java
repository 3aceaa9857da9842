/** Airlock on AWS: STS role chaining, S3 and ECR artifact stores, and the S3 ledger. */
@NullMarked
package dev.airlock.aws;

import org.jspecify.annotations.NullMarked;
