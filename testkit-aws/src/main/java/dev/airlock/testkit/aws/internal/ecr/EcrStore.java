package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.Iam;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

/**
 * Every registry of the world (one per account and region) and the checks each repository request
 * passes: the repository exists, and the caller's account owns it or its repository policy allows the
 * action. Also resolves the layer download URLs it hands out. One lock (this object) guards all ECR state.
 */
public final class EcrStore {
    /** A download URL's target: a layer in a repository. */
    record Download(String repositoryKey, String digest) {
    }

    final Map<String, Repository> repositories = new HashMap<>();
    final Map<String, Download> downloads = new HashMap<>();
    final Calls calls;

    public EcrStore(Calls calls) {
        this.calls = calls;
    }

    Iam iam() {
        return calls.iam();
    }

    Instant now() {
        return calls.clock().instant();
    }

    static String key(String registryId, Region region, String name) {
        return registryId + "/" + region.id() + "/" + name;
    }

    static String registry(Caller caller, @Nullable String registryId) {
        if (registryId == null) {
            return caller.account();
        }
        if (!registryId.matches("\\d{12}")) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'registryId' failed to satisfy constraint: "
                    + "'must satisfy regular expression '[0-9]{12}''");
        }
        return registryId;
    }

    static String name(@Nullable String name) {
        if (name == null) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'repositoryName' failed to satisfy constraint: "
                    + "'Member must not be null'");
        }
        return name;
    }

    /** The repository, if the caller may perform {@code action} on it. */
    Repository open(Caller caller, Region region, @Nullable String registryId, @Nullable String name, String action) {
        String registry = registry(caller, registryId);
        String repositoryName = name(name);
        Repository repository = repositories.get(key(registry, region, repositoryName));
        if (repository == null) {
            throw EcrErrors.repositoryNotFound(repositoryName, registry);
        }
        authorize(caller, repository, action);
        return repository;
    }

    void authorize(Caller caller, Repository repository, String action) {
        if (!iam().allows(caller, action, repository.arn(), repository.registryId, repository.policy)) {
            throw EcrErrors.accessDenied(caller.arn(), action, repository.arn(),
                    iam().denialReason(caller, action, repository.arn(), repository.policy));
        }
    }

    /**
     * Stores {@code manifest} under {@code digest} without the checks of PutImage, replacing any image
     * there (its push time stays): see {@code AwsWorld.corruptImage}.
     */
    public synchronized void corruptImage(String registryId, Region region, String repositoryName, String digest,
            String manifest) {
        if (!LayerOps.DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        Repository repository = repositories.get(key(registryId, region, repositoryName));
        if (repository == null) {
            throw new IllegalArgumentException("no repository " + repositoryName + " in registry " + registryId
                    + " in " + region.id());
        }
        Manifests.Parsed parsed = Manifests.parse(manifest, null);
        Repository.StoredImage replaced = repository.images.get(digest);
        repository.images.put(digest, new Repository.StoredImage(digest, manifest, parsed,
                replaced == null ? now() : replaced.pushedAt(), parsed.size()));
    }

    /** The bytes behind a download URL issued by GetDownloadUrlForLayer, if the layer still exists. */
    public synchronized Optional<byte[]> download(String token) {
        Download download = downloads.get(token);
        if (download == null) {
            return Optional.empty();
        }
        Repository repository = repositories.get(download.repositoryKey());
        return repository == null ? Optional.empty() : Optional.ofNullable(repository.layers.get(download.digest()));
    }
}
