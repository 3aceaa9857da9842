package dev.airlock.aws;

import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.AwsCalls;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.aws.internal.LayerCopy.Repository;
import dev.airlock.aws.internal.LayerCopy;
import dev.airlock.aws.internal.ProbeCache;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import dev.airlock.spi.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Container images in ECR, identified by the digest of their manifest. Every PutImage sends
 * {@code imageDigest} = the SHA-256 of the exact manifest bytes, so the registry can never store a
 * manifest under a digest it does not have; every read hashes the manifest bytes it got back rather
 * than trusting the digest the registry reports.
 *
 * <p>Two {@linkplain EcrStrategy strategies}:
 * <ul>
 *   <li>{@link EcrStrategy#CENTRAL_REGISTRY}: images stay in the tooling account's origin
 *       repository; promotion puts the same manifest again with the immutable tag
 *       {@code <environment>-<digest hex>}, and the environment pulls cross-account by digest
 *       (the repository policy must allow its account). No bytes move.</li>
 *   <li>{@link EcrStrategy#COPY_TO_ENVIRONMENT}: the environment's deploy role copies the image into
 *       a repository in its own account, child manifests of an index first, each image's missing
 *       blobs only (BatchCheckLayerAvailability, then download and upload in parts), the manifest
 *       last, so a manifest is never visible before everything it references.</li>
 * </ul>
 * ImageTagAlreadyExistsException (and ImageAlreadyExistsException, which some emulators answer
 * instead) is not an error when the tag already names the same digest.
 */
public final class EcrArtifactStore implements ArtifactStore {
    private static final Logger LOG = LoggerFactory.getLogger(EcrArtifactStore.class);

    private final AwsConfiguration configuration;
    private final Repository origin;
    private final EcrClient toolingEcr;
    private final AwsCalls calls;
    private final Function<Place, AwsAccessSession> inspector;
    private final HttpClient http;
    private final ProbeCache<Place> immutability;

    EcrArtifactStore(AwsConfiguration configuration, AccountId tooling, EcrClient toolingEcr, AwsCalls calls,
            Function<Place, AwsAccessSession> inspector, HttpClient http, Clock clock) {
        this.configuration = configuration;
        this.origin = new Repository(tooling,
                InvalidValueException.requireNonNull("originRepository", configuration.ecr().originRepository()));
        this.toolingEcr = toolingEcr;
        this.calls = calls;
        this.inspector = inspector;
        this.http = http;
        this.immutability = new ProbeCache<>(clock);
    }

    /** The immutable tag that marks {@code digest} as promoted into {@code environment}: {@code <environment>-<hex>}. */
    public static String tagFor(String environment, Digest digest) {
        return environment + "-" + digest.hex();
    }

    /** The digest of the manifest that {@code tag} names in the origin repository, hashed from its bytes. */
    public Digest resolve(String tag) {
        return fetch(toolingEcr, origin, ImageIdentifier.builder().imageTag(tag).build(), null)
                .orElseThrow(() -> new InvalidValueException("tag", tag, "does not name an image in " + origin))
                .digest();
    }

    /** The repository {@code place} keeps images in. */
    public String repositoryName(Place place) {
        if (place.isOrigin() || configuration.ecr().strategy() == EcrStrategy.CENTRAL_REGISTRY) {
            return origin.name();
        }
        String configured = configuration.environment(place.name()).repository();
        return configured != null ? configured : origin.name();
    }

    /**
     * Puts a manifest into the origin repository, untagged; the blobs it references must already be
     * there (pushed by the build). Returns its digest and size in bytes.
     */
    @Override
    public Upload upload(InputStream content, String mediaType) {
        return upload(content, mediaType, upload -> { });
    }

    /** {@inheritDoc} Here the manifest is read and hashed first, so a refused one is never put. */
    @Override
    public Upload upload(InputStream content, String mediaType, Consumer<Upload> admit) {
        byte[] bytes;
        try {
            bytes = content.readNBytes(ImageManifest.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the manifest to upload", e);
        }
        ImageManifest manifest = ImageManifest.parse(bytes, mediaType);
        admit.accept(new Upload(manifest.digest(), bytes.length));
        put(toolingEcr, origin, manifest, null, null);
        LOG.info("stored manifest {} in {}", manifest.digest(), origin);
        return new Upload(manifest.digest(), bytes.length);
    }

    @Override
    public boolean contains(Place place, Digest digest, AccessSession session) {
        if (place.isOrigin()) {
            return fetch(toolingEcr, origin, byDigest(digest), attribution(session)).isPresent();
        }
        if (configuration.ecr().strategy() == EcrStrategy.CENTRAL_REGISTRY) {
            return fetch(toolingEcr, origin, byTag(place, digest), attribution(session))
                    .filter(manifest -> manifest.digest().equals(digest)).isPresent();
        }
        AwsAccessSession aws = S3ArtifactStore.requireSession(place, session);
        return fetch(aws.ecr(), target(place), byDigest(digest), aws.attribution()).isPresent();
    }

    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session) {
        return transfer(digest, target, session, TransferProgress.NONE);
    }

    /** Reports the blob bytes moved after each layer copied; the total is not known before the layers are listed. */
    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session, TransferProgress progress) {
        if (target.isOrigin()) {
            if (!contains(target, digest, session)) {
                throw new ArtifactNotFoundException(digest, target);
            }
            return new Transfer(digest, 0, true);
        }
        AwsAccessSession aws = S3ArtifactStore.requireSession(target, session);
        if (configuration.ecr().strategy() == EcrStrategy.CENTRAL_REGISTRY) {
            ImageManifest manifest = originManifest(toolingEcr, digest, aws.attribution());
            boolean created = put(toolingEcr, origin, manifest, tagFor(target.name(), digest), aws.attribution());
            LOG.info("{} {} for {} in {} as {}", created ? "tagged" : "found tag of", digest, target, origin,
                    tagFor(target.name(), digest));
            return new Transfer(digest, 0, !created);
        }
        Repository repository = target(target);
        if (fetch(aws.ecr(), repository, byDigest(digest), aws.attribution()).isPresent()) {
            return new Transfer(digest, 0, true);
        }
        // The environment reads the origin with its own credentials: the tooling account never writes into it.
        ImageManifest manifest = originManifest(aws.ecr(), digest, aws.attribution());
        LayerCopy layers = new LayerCopy(aws.ecr(), calls, http, aws.attribution(), configuration.ecr().layerPartSize());
        long bytes = copyImage(aws, layers, manifest, repository, target, tagFor(target.name(), digest),
                new long[1], progress);
        LOG.info("copied {} into {} ({} bytes of missing blobs moved)", digest, repository, bytes);
        return new Transfer(digest, bytes, false);
    }

    @Override
    public void verify(Digest digest, Place place, AccessSession session) {
        ImageManifest manifest;
        if (place.isOrigin()) {
            manifest = fetch(toolingEcr, origin, byDigest(digest), attribution(session)).orElse(null);
        } else if (configuration.ecr().strategy() == EcrStrategy.CENTRAL_REGISTRY) {
            AwsAccessSession aws = S3ArtifactStore.requireSession(place, session);
            EcrClient reader = configuration.ecr().verifyPullAsEnvironment() ? aws.ecr() : toolingEcr;
            manifest = fetch(reader, origin, byTag(place, digest), aws.attribution()).orElse(null);
        } else {
            AwsAccessSession aws = S3ArtifactStore.requireSession(place, session);
            Repository repository = target(place);
            manifest = fetch(aws.ecr(), repository, byDigest(digest), aws.attribution()).orElse(null);
            if (manifest != null && manifest.digest().equals(digest)) {
                for (ImageManifest.Descriptor child : manifest.children()) {
                    ImageManifest stored = fetch(aws.ecr(), repository, byDigest(child.digest()), aws.attribution())
                            .orElse(null);
                    if (stored == null || !stored.digest().equals(child.digest())) {
                        throw new DigestMismatchException(child.digest(), stored == null ? null : stored.digest(),
                                place);
                    }
                }
            }
        }
        if (manifest == null || !manifest.digest().equals(digest)) {
            throw new DigestMismatchException(digest, manifest == null ? null : manifest.digest(), place);
        }
        LOG.debug("verified {} in {}", digest, place);
    }

    /**
     * True when the repository {@code place} keeps images in has immutable tags (imageTagMutability
     * IMMUTABLE); answers are kept for five minutes per place (an admin can change it).
     */
    @Override
    public boolean isImmutable(Place place) {
        return immutability.get(place, () -> probeImmutable(place));
    }

    private boolean probeImmutable(Place place) {
        if (place.isOrigin() || configuration.ecr().strategy() == EcrStrategy.CENTRAL_REGISTRY) {
            return immutable(toolingEcr, origin, null);
        }
        try (AwsAccessSession session = inspector.apply(place)) {
            return immutable(session.ecr(), target(place), session.attribution());
        }
    }

    private boolean immutable(EcrClient ecr, Repository repository,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        ImageTagMutability mutability = calls.call(repository.registry(), "DescribeRepositories " + repository, () -> {
            try {
                return ecr.describeRepositories(r -> r.registryId(repository.registry().value())
                        .repositoryNames(repository.name()).overrideConfiguration(attribution))
                        .repositories().get(0).imageTagMutability();
            } catch (RepositoryNotFoundException e) {
                throw missingRepository(repository, e);
            }
        });
        return mutability == ImageTagMutability.IMMUTABLE;
    }

    /** Copies {@code manifest} and what it references that {@code repository} lacks; returns the blob bytes moved. */
    private long copyImage(AwsAccessSession session, LayerCopy layers, ImageManifest manifest, Repository repository,
            Place place, @Nullable String tag, long[] moved, TransferProgress progress) {
        long bytes = 0;
        for (ImageManifest.Descriptor child : manifest.children()) {
            if (fetch(session.ecr(), repository, byDigest(child.digest()), session.attribution()).isEmpty()) {
                ImageManifest childManifest = originManifest(session.ecr(), child.digest(), session.attribution());
                bytes += copyImage(session, layers, childManifest, repository, place, null, moved, progress);
            }
        }
        for (ImageManifest.Descriptor blob : layers.missing(repository, manifest.blobs())) {
            long copied = layers.copy(origin, repository, blob, place);
            bytes += copied;
            moved[0] += copied; // across the children of an index too
            progress.bytes(moved[0], -1);
        }
        put(session.ecr(), repository, manifest, tag, session.attribution());
        return bytes;
    }

    private ImageManifest originManifest(EcrClient ecr, Digest digest,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        ImageManifest manifest = fetch(ecr, origin, byDigest(digest), attribution)
                .orElseThrow(() -> new ArtifactNotFoundException(digest, Place.origin(origin.registry())));
        if (!manifest.digest().equals(digest)) {
            throw new DigestMismatchException(digest, manifest.digest(), Place.origin(origin.registry()));
        }
        return manifest;
    }

    /**
     * PutImage with the manifest's exact digest; true if it created the image or tag, false if they
     * were there already.
     */
    private boolean put(EcrClient ecr, Repository repository, ImageManifest manifest, @Nullable String tag,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        boolean created = calls.call(repository.registry(), "PutImage " + manifest.digest() + " into " + repository,
                () -> {
                    try {
                        ecr.putImage(r -> r.registryId(repository.registry().value())
                                .repositoryName(repository.name()).imageManifest(manifest.text())
                                .imageManifestMediaType(manifest.mediaType()).imageDigest(manifest.digest().value())
                                .imageTag(tag).overrideConfiguration(attribution));
                        return true;
                    } catch (ImageAlreadyExistsException | ImageTagAlreadyExistsException e) {
                        return false;
                    } catch (RepositoryNotFoundException e) {
                        throw missingRepository(repository, e);
                    }
                });
        if (!created && tag != null) {
            // An immutable tag cannot move, so it must already name this digest; anything else is a conflict.
            Optional<ImageManifest> tagged = fetch(ecr, repository, ImageIdentifier.builder().imageTag(tag).build(),
                    attribution);
            if (tagged.isEmpty() || !tagged.get().digest().equals(manifest.digest())) {
                throw new AirlockException("tag " + tag + " in " + repository + " already names "
                        + tagged.map(m -> m.digest().toString()).orElse("another image") + ", not "
                        + manifest.digest());
            }
        }
        return created;
    }

    private Optional<ImageManifest> fetch(EcrClient ecr, Repository repository, ImageIdentifier id,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        BatchGetImageResponse response = calls.call(repository.registry(), "BatchGetImage " + describe(id) + " in "
                + repository, () -> {
                    try {
                        return ecr.batchGetImage(r -> r.registryId(repository.registry().value())
                                .repositoryName(repository.name()).imageIds(id)
                                .acceptedMediaTypes(ImageManifest.MEDIA_TYPES).overrideConfiguration(attribution));
                    } catch (RepositoryNotFoundException e) {
                        throw missingRepository(repository, e);
                    }
                });
        if (response.images().isEmpty()) {
            response.failures().stream()
                    .filter(f -> f.failureCode() != ImageFailureCode.IMAGE_NOT_FOUND
                            && f.failureCode() != ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST)
                    .findFirst().ifPresent(f -> {
                        throw new AirlockException("BatchGetImage " + describe(id) + " in " + repository + " failed: "
                                + f.failureCodeAsString() + " " + f.failureReason());
                    });
            return Optional.empty();
        }
        Image image = response.images().get(0);
        return Optional.of(ImageManifest.parse(image.imageManifest(),
                image.imageManifestMediaType() == null ? ImageManifest.OCI_MANIFEST : image.imageManifestMediaType()));
    }

    private Repository target(Place place) {
        return new Repository(place.account(), repositoryName(place));
    }

    private ImageIdentifier byTag(Place place, Digest digest) {
        return ImageIdentifier.builder().imageTag(tagFor(place.name(), digest)).build();
    }

    private static ImageIdentifier byDigest(Digest digest) {
        return ImageIdentifier.builder().imageDigest(digest.value()).build();
    }

    private static String describe(ImageIdentifier id) {
        return id.imageDigest() != null ? id.imageDigest() : "tag " + id.imageTag();
    }

    private static @Nullable AwsRequestOverrideConfiguration attribution(AccessSession session) {
        return session.unwrap(AwsAccessSession.class).map(aws -> {
            aws.requireOpen();
            return aws.attribution();
        }).orElse(null);
    }

    private static AirlockException missingRepository(Repository repository, RuntimeException cause) {
        return new AirlockException("ECR repository " + repository.name() + " does not exist in registry "
                + repository.registry() + " (or the role may not see it)", cause);
    }

    @Override
    public String toString() {
        return "EcrArtifactStore[origin=" + origin + ", strategy=" + configuration.ecr().strategy() + "]";
    }
}
