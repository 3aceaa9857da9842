package dev.airlock.testkit.contract;

import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Tier;

/** The landscape the local backend's contract tests run in: dev and prod, each in its own account. */
final class LocalLandscape {
    static final Landscape DEV_AND_PROD = Landscape.builder()
            .tooling("111111111111")
            .security("999999999999")
            .environment(Environment.builder("dev").account("222222222222").build())
            .environment(Environment.builder("prod").account("333333333333").tier(Tier.PRODUCTION).build())
            .chain("dev", "prod")
            .build();

    private LocalLandscape() {
    }
}
