package dev.airlock.aws;

/** How the ECR store makes an image available to an environment. */
public enum EcrStrategy {
    /**
     * Images stay in the tooling account's registry. Promotion adds an immutable,
     * environment-qualified tag ({@code <environment>-<digest hex>}) there; the environment pulls
     * cross-account by digest, allowed by the repository policy.
     */
    CENTRAL_REGISTRY,
    /**
     * Images are copied into a repository in the environment's own account: only the layers that are
     * missing there move, then the manifest is put with its exact digest.
     */
    COPY_TO_ENVIRONMENT
}
