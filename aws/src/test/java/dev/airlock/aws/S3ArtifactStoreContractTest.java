package dev.airlock.aws;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.Place;
import dev.airlock.testkit.contract.ArtifactStoreContract;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The artifact store contract for the S3 store, on moto: dev and staging, in their own accounts. */
class S3ArtifactStoreContractTest extends ArtifactStoreContract<S3ArtifactStore> {
    private final MotoAws aws = new MotoAws().withStorage();
    private AwsBackend backend;

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected S3ArtifactStore createStore() {
        backend = aws.backend(configuration(aws.configuration()).build());
        return backend.s3Store();
    }

    /** The store's configuration; the defaults copy every sample with one CopyObject. */
    AwsConfiguration.Builder configuration(AwsConfiguration.Builder defaults) {
        return defaults;
    }

    @Override
    protected Landscape landscape() {
        return aws.landscape;
    }

    @Override
    protected AccessSession openSession(Environment environment, AccessContext context) {
        return backend.environmentAccess().open(environment, context);
    }

    /** Overwrites the object with the owning account's credentials, as anyone allowed s3:PutObject there could. */
    @Override
    protected void corrupt(S3ArtifactStore store, Place place, Digest digest, byte[] bytes) {
        try (S3Client s3 = aws.s3(place.account())) {
            s3.putObject(r -> r.bucket(store.bucket(place)).key(store.key(digest)), RequestBody.fromBytes(bytes));
        }
    }
}
