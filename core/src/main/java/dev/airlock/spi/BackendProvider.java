package dev.airlock.spi;

import dev.airlock.config.ConfigSection;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.environment.Landscape;
import java.util.List;
import java.util.Map;

/**
 * A kind of backend, named in configuration files by {@code backend.type}. Providers are found with
 * {@link java.util.ServiceLoader}: a module registers its provider in
 * {@code META-INF/services/dev.airlock.spi.BackendProvider}, and core never names one. Core's own is
 * {@code local}; {@code airlock-aws} adds {@code aws}.
 *
 * <p>The provider reads every key of the {@code backend:} section except {@code type}; core has
 * already refused credentials anywhere in it. Problems are reported at their line and column.
 */
public interface BackendProvider {
    /** The name written as {@code backend.type}, such as {@code local} or {@code aws}. */
    String type();

    /**
     * Checks {@code settings} without opening anything (no directories created, no network calls) and
     * says where the backend keeps artifacts and the ledger, for people: key to value, in display order,
     * never a secret.
     *
     * @throws InvalidConfigurationException at every value that breaks a rule
     */
    Map<String, String> describe(ConfigSection settings, Landscape landscape);

    /**
     * Opens the backend: the caller closes it.
     *
     * @throws InvalidConfigurationException at every value of {@code settings} that breaks a rule, or when
     *                                       the backend cannot be used as configured
     */
    Backend open(ConfigSection settings, BackendContext context);

    /**
     * The documents that make the backend's accounts refuse what Airlock refuses (on AWS: SCPs, role,
     * bucket and repository policies), generated from the settings, with an index among them. Backends
     * without accounts to set up have none.
     *
     * @param options backend-specific options, such as {@code organizationId} on AWS
     * @throws InvalidConfigurationException at every value of {@code settings} that breaks a rule
     */
    default List<SetupDocument> setupDocuments(ConfigSection settings, Landscape landscape,
            Map<String, String> options) {
        return List.of();
    }

    /**
     * Checks the live accounts, reading only, against what {@link #setupDocuments} expects: every
     * difference found, none when the setup is right. Backends without accounts find nothing.
     *
     * @param options the same options as {@link #setupDocuments}
     * @throws InvalidConfigurationException at every value of {@code settings} that breaks a rule
     */
    default List<SetupFinding> checkSetup(ConfigSection settings, BackendContext context, Map<String, String> options) {
        return List.of();
    }
}
