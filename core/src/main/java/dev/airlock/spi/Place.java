package dev.airlock.spi;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;

/**
 * Where an artifact store keeps bytes: the origin in the tooling account (where artifacts are
 * registered after they are built) or the place an environment reads from, in its own account.
 */
public record Place(String name, AccountId account) {
    /** The name of the origin place. Environment names cannot collide with it: they never contain '@'. */
    public static final String ORIGIN = "@origin";

    public static Place origin(AccountId tooling) {
        return new Place(ORIGIN, tooling);
    }

    public static Place of(Environment environment) {
        return new Place(environment.name(), environment.account());
    }

    public boolean isOrigin() {
        return ORIGIN.equals(name);
    }

    @Override
    public String toString() {
        return name + "(" + account + ")";
    }
}
