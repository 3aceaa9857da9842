package dev.airlock.aws.internal;

import dev.airlock.aws.AwsClientFactory;
import dev.airlock.environment.Region;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One cached role chain into an environment: the deploy role's credentials and the clients that use
 * them, shared by every session opened on the chain. Counts open sessions so an idle chain can be
 * dropped once its credentials have expired.
 */
public final class RoleChain implements AutoCloseable {
    private final RoleCredentials credentials;
    private final @Nullable Object hubKey;
    private final AwsClientFactory factory;
    private final Region region;
    private @Nullable S3Client s3;
    private @Nullable EcrClient ecr;
    private int openSessions;
    private Instant lastUsed;

    public RoleChain(RoleCredentials credentials, @Nullable Object hubKey, AwsClientFactory factory, Region region,
            Instant now) {
        this.credentials = credentials;
        this.hubKey = hubKey;
        this.factory = factory;
        this.region = region;
        this.lastUsed = now;
    }

    public RoleCredentials credentials() {
        return credentials;
    }

    /** The key of the hub hop this chain goes through, or null when it assumes the deploy role directly. */
    public @Nullable Object hubKey() {
        return hubKey;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = factory.s3(credentials, region);
        }
        return s3;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = factory.ecr(credentials, region);
        }
        return ecr;
    }

    public synchronized void acquire(Instant now) {
        openSessions++;
        lastUsed = now;
    }

    public synchronized void release(Instant now) {
        openSessions--;
        lastUsed = now;
    }

    /** No session is open and nothing used the chain since {@code cutoff}. */
    public synchronized boolean idleSince(Instant cutoff) {
        return openSessions == 0 && lastUsed.isBefore(cutoff);
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
        if (ecr != null) {
            ecr.close();
        }
    }

    @Override
    public String toString() {
        return "RoleChain[" + credentials + ", region=" + region + "]";
    }
}
