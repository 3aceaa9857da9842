package dev.airlock.local;

import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Tier;

/** A small landscape: dev and prod, each in its own account. */
final class TestLandscapes {
    static final String TOOLING = "111111111111";

    private TestLandscapes() {
    }

    static Landscape devAndProd() {
        return Landscape.builder()
                .tooling(TOOLING)
                .security("999999999999")
                .environment(Environment.builder("dev").account("222222222222").build())
                .environment(Environment.builder("prod").account("333333333333").tier(Tier.PRODUCTION).build())
                .chain("dev", "prod")
                .build();
    }
}
