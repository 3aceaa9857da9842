package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Ids;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.PolicyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;

/** Repository operations: creation, description, deletion, tag mutability, repository policies, login tokens. */
final class RepositoryOps {
    private static final Pattern NAME =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");

    private final EcrStore store;

    RepositoryOps(EcrStore store) {
        this.store = store;
    }

    CreateRepositoryResponse create(Caller caller, Region region, CreateRepositoryRequest request) {
        String name = EcrStore.name(request.repositoryName());
        if (name.length() < 2 || name.length() > 256 || !NAME.matcher(name).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'repositoryName' failed to satisfy constraint: "
                    + "'must satisfy regular expression '" + NAME.pattern() + "''");
        }
        ImageTagMutability mutability = mutability(request.imageTagMutability());
        String registry = EcrStore.registry(caller, request.registryId());
        synchronized (store) {
            Repository repository = new Repository(registry, region, name, store.now(), mutability);
            if (!registry.equals(caller.account())
                    || store.iam().identityDecision(caller, "ecr:CreateRepository", repository.arn())
                            != Policy.Decision.ALLOW) {
                throw EcrErrors.accessDenied(caller.arn(), "ecr:CreateRepository", repository.arn(),
                        store.iam().denialReason(caller, "ecr:CreateRepository", repository.arn(), null));
            }
            String key = EcrStore.key(registry, region, name);
            if (store.repositories.containsKey(key)) {
                throw EcrErrors.of("RepositoryAlreadyExistsException", "The repository with name '" + name
                        + "' already exists in the registry with id '" + registry + "'");
            }
            store.repositories.put(key, repository);
            return CreateRepositoryResponse.builder().repository(describe(repository)).build();
        }
    }

    private static ImageTagMutability mutability(ImageTagMutability requested) {
        if (requested == null) {
            return ImageTagMutability.MUTABLE;
        }
        if (requested != ImageTagMutability.MUTABLE && requested != ImageTagMutability.IMMUTABLE) {
            throw new UnsupportedOperationException("FakeEcrClient models MUTABLE and IMMUTABLE tags, not "
                    + requested);
        }
        return requested;
    }

    DescribeRepositoriesResponse describe(Caller caller, Region region, DescribeRepositoriesRequest request) {
        synchronized (store) {
            List<Repository> found = new ArrayList<>();
            if (!request.repositoryNames().isEmpty()) {
                for (String name : request.repositoryNames()) {
                    found.add(store.open(caller, region, request.registryId(), name, "ecr:DescribeRepositories"));
                }
            } else {
                String registry = EcrStore.registry(caller, request.registryId());
                for (Repository repository : store.repositories.values()) {
                    if (repository.registryId.equals(registry) && repository.region.equals(region)
                            && store.iam().allows(caller, "ecr:DescribeRepositories", repository.arn(),
                                    repository.registryId, repository.policy)) {
                        found.add(repository);
                    }
                }
                found.sort(Comparator.comparing(r -> r.name));
            }
            Page<Repository> page = Page.of(found, request.maxResults(), request.nextToken());
            return DescribeRepositoriesResponse.builder()
                    .repositories(page.items().stream().map(RepositoryOps::describe).toList())
                    .nextToken(page.nextToken())
                    .build();
        }
    }

    private static software.amazon.awssdk.services.ecr.model.Repository describe(Repository repository) {
        return software.amazon.awssdk.services.ecr.model.Repository.builder()
                .repositoryArn(repository.arn())
                .registryId(repository.registryId)
                .repositoryName(repository.name)
                .repositoryUri(repository.uri())
                .createdAt(repository.createdAt)
                .imageTagMutability(repository.mutability)
                .build();
    }

    DeleteRepositoryResponse delete(Caller caller, Region region, DeleteRepositoryRequest request) {
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:DeleteRepository");
            if (!repository.images.isEmpty() && !Boolean.TRUE.equals(request.force())) {
                throw EcrErrors.of("RepositoryNotEmptyException", "The repository with name '" + repository.name
                        + "' in registry with id '" + repository.registryId
                        + "' cannot be deleted because it still contains images");
            }
            store.repositories.remove(EcrStore.key(repository.registryId, region, repository.name));
            return DeleteRepositoryResponse.builder().repository(describe(repository)).build();
        }
    }

    PutImageTagMutabilityResponse putMutability(Caller caller, Region region, PutImageTagMutabilityRequest request) {
        if (request.imageTagMutability() == null) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTagMutability' failed to satisfy constraint: "
                    + "'Member must not be null'");
        }
        ImageTagMutability mutability = mutability(request.imageTagMutability());
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:PutImageTagMutability");
            repository.mutability = mutability;
            return PutImageTagMutabilityResponse.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .imageTagMutability(mutability)
                    .build();
        }
    }

    SetRepositoryPolicyResponse setPolicy(Caller caller, Region region, SetRepositoryPolicyRequest request) {
        String text = request.policyText();
        if (text == null || text.isEmpty() || text.length() > 10_240) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'policyText' failed to satisfy constraint: "
                    + "'Member must have length between 0 and 10240'");
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:SetRepositoryPolicy");
            Policy policy;
            try {
                policy = Policy.parse(text, Policy.Kind.RESOURCE);
            } catch (PolicyException e) {
                throw invalidPolicy();
            }
            for (String principal : policy.principals()) {
                if (!store.iam().principalExists(principal)) {
                    throw invalidPolicy();
                }
            }
            repository.policy = policy;
            return SetRepositoryPolicyResponse.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .policyText(text)
                    .build();
        }
    }

    private static RuntimeException invalidPolicy() {
        return EcrErrors.invalidParameter("Invalid parameter at 'PolicyText' failed to satisfy constraint: "
                + "'Invalid repository policy provided'");
    }

    GetRepositoryPolicyResponse getPolicy(Caller caller, Region region, GetRepositoryPolicyRequest request) {
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:GetRepositoryPolicy");
            return GetRepositoryPolicyResponse.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .policyText(requirePolicy(repository).text())
                    .build();
        }
    }

    DeleteRepositoryPolicyResponse deletePolicy(Caller caller, Region region, DeleteRepositoryPolicyRequest request) {
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:DeleteRepositoryPolicy");
            String text = requirePolicy(repository).text();
            repository.policy = null;
            return DeleteRepositoryPolicyResponse.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .policyText(text)
                    .build();
        }
    }

    private static Policy requirePolicy(Repository repository) {
        if (repository.policy == null) {
            throw EcrErrors.of("RepositoryPolicyNotFoundException", "Repository policy does not exist for the "
                    + "repository with name '" + repository.name + "' in the registry with id '"
                    + repository.registryId + "'");
        }
        return repository.policy;
    }

    /** A docker login token for the caller's registry, valid for 12 hours. */
    GetAuthorizationTokenResponse authorizationToken(Caller caller, Region region) {
        String token = Base64.getEncoder().encodeToString(("AWS:" + Ids.sessionToken()).getBytes(StandardCharsets.UTF_8));
        return GetAuthorizationTokenResponse.builder()
                .authorizationData(AuthorizationData.builder()
                        .authorizationToken(token)
                        .expiresAt(store.now().plus(Duration.ofHours(12)))
                        .proxyEndpoint("https://" + caller.account() + ".dkr.ecr." + region.id() + ".amazonaws.com")
                        .build())
                .build();
    }
}
