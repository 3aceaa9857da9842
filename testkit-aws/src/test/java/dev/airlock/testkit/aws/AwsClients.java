package dev.airlock.testkit.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where the behaviour helpers get their clients: the in-memory world here, a real SDK client pointed at
 * moto_server in the parity suite. Every helper is written against these SDK interfaces only.
 */
interface AwsClients {
    StsClient sts(AwsCredentialsProvider credentials);

    S3Client s3(AwsCredentialsProvider credentials);

    /** An S3 client in another region than the default one. */
    S3Client s3(AwsCredentialsProvider credentials, Region region);

    EcrClient ecr(AwsCredentialsProvider credentials);
}
