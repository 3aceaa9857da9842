package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.Validate;
import org.jspecify.annotations.Nullable;

/**
 * The ECR artifact store: where images are pushed and how an environment gets them.
 *
 * @param originRepository        the repository in the tooling account's registry that images are pushed
 *                                to; required by the ECR store. Default none
 * @param strategy                how an environment gets an image. Default {@link EcrStrategy#CENTRAL_REGISTRY}
 * @param layerPartSize           the size of the parts layers are uploaded in by
 *                                {@link EcrStrategy#COPY_TO_ENVIRONMENT}, 5 to 10 MiB. Default 10 MiB: the
 *                                fewest requests
 * @param verifyPullAsEnvironment with the central registry, whether verification reads the image as the
 *                                environment's deploy role, cross-account by digest, proving the environment
 *                                can pull it. Turn it off for emulators without cross-account ECR (moto) or
 *                                deploy roles that never pull. Default true
 */
public record EcrStoreConfiguration(@Nullable String originRepository, EcrStrategy strategy, long layerPartSize,
        boolean verifyPullAsEnvironment) {

    public EcrStoreConfiguration {
        Validate.repository("originRepository", originRepository);
        InvalidValueException.requireNonNull("ecrStrategy", strategy);
        Validate.size("layerPartSize", layerPartSize, 5 * Validate.MIB, 10 * Validate.MIB);
    }

    /** No origin repository, the central registry, 10 MiB layer parts, verification as the environment. */
    public static EcrStoreConfiguration defaults() {
        return new EcrStoreConfiguration(null, EcrStrategy.CENTRAL_REGISTRY, 10 * Validate.MIB, true);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link EcrStoreConfiguration} starting from {@link #defaults()}; see the record for each option. */
    public static final class Builder {
        private @Nullable String originRepository;
        private EcrStrategy strategy;
        private long layerPartSize;
        private boolean verifyPullAsEnvironment;

        private Builder(EcrStoreConfiguration from) {
            originRepository = from.originRepository;
            strategy = from.strategy;
            layerPartSize = from.layerPartSize;
            verifyPullAsEnvironment = from.verifyPullAsEnvironment;
        }

        public Builder originRepository(@Nullable String originRepository) {
            this.originRepository = originRepository;
            return this;
        }

        public Builder strategy(EcrStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder layerPartSize(long bytes) {
            this.layerPartSize = bytes;
            return this;
        }

        public Builder verifyPullAsEnvironment(boolean verifyPullAsEnvironment) {
            this.verifyPullAsEnvironment = verifyPullAsEnvironment;
            return this;
        }

        public EcrStoreConfiguration build() {
            return new EcrStoreConfiguration(originRepository, strategy, layerPartSize, verifyPullAsEnvironment);
        }
    }
}
