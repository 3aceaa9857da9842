package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One isolated environment: its own AWS account, the regions it runs in, its risk tier, the role a
 * promotion assumes to deploy into it, who owns it, and free-form labels.
 */
public record Environment(String name, AccountId account, List<Region> regions, Tier tier, RoleArn deployRole,
        List<String> owners, Map<String, String> labels) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public Environment {
        validateName(name);
        InvalidValueException.requireNonNull("account", account);
        InvalidValueException.requireNonNull("regions", regions);
        if (regions.isEmpty()) {
            throw new InvalidValueException("regions", regions, "must name at least one region");
        }
        InvalidValueException.requireNonNull("tier", tier);
        InvalidValueException.requireNonNull("deployRole", deployRole);
        regions = List.copyOf(regions);
        owners = List.copyOf(owners);
        labels = Map.copyOf(labels);
    }

    /** Environment names are DNS-label-like: lowercase letters, digits and dashes, starting with a letter. */
    public static String validateName(String name) {
        InvalidValueException.requireNonNull("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValueException("name", name,
                    "must be 1-63 lowercase letters, digits or dashes, starting with a letter");
        }
        return name;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds an environment with defaults that fit tests: one region, no owners, no labels. */
    public static final class Builder {
        private final String name;
        private AccountId account;
        private List<Region> regions = List.of(Region.of("eu-central-1"));
        private Tier tier = Tier.DEVELOPMENT;
        private RoleArn deployRole;
        private List<String> owners = List.of();
        private Map<String, String> labels = Map.of();

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the account and, unless set explicitly, the deploy role {@code role/airlock-deploy} in it. */
        public Builder account(String account) {
            this.account = AccountId.of(account);
            return this;
        }

        public Builder regions(String... regions) {
            this.regions = java.util.Arrays.stream(regions).map(Region::of).toList();
            return this;
        }

        public Builder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        public Builder deployRole(String arn) {
            this.deployRole = RoleArn.parse(arn);
            return this;
        }

        public Builder owners(String... owners) {
            this.owners = List.of(owners);
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = Map.copyOf(labels);
            return this;
        }

        public Environment build() {
            InvalidValueException.requireNonNull("account", account);
            RoleArn role = deployRole != null ? deployRole
                    : new RoleArn("aws", account, "/", "airlock-deploy");
            return new Environment(name, account, regions, tier, role, owners, labels);
        }
    }
}
