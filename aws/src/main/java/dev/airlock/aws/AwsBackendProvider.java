package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsSection;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.BackendConfiguration;
import dev.airlock.config.ConfigSection;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.BackendProvider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.spi.SetupDocument;
import dev.airlock.spi.SetupFinding;

/**
 * {@code backend: {type: aws, aws: {...}}}: an {@link AwsBackend} on the tooling account's credentials
 * from the AWS SDK's default provider chain (environment variables, profiles, SSO, web identity,
 * container or instance roles), never from the file. Found by {@link java.util.ServiceLoader}.
 *
 * <p>Every command finds every provider on the class path, whatever its backend, so this class names
 * no AWS SDK type: the SDK is loaded only when an aws backend is opened ({@link DefaultChainBackend}).
 */
public final class AwsBackendProvider implements BackendProvider {
    /** The name written as {@code backend.type}. */
    public static final String TYPE = "aws";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The aws backend a loaded configuration file describes, to finish and build: its
     * {@link AwsConfiguration}, the landscape, and a client factory with the file's endpoint, path-style
     * and checksum options. Add base credentials and a clock, or replace the factory with your own (which
     * then decides those options alone).
     *
     * @throws InvalidValueException         when the file's backend is not {@code type: aws}
     * @throws InvalidConfigurationException at every problem of {@code backend.aws}
     */
    public static AwsBackend.Builder backend(AirlockConfiguration file) {
        BackendConfiguration backend = file.backend();
        if (!TYPE.equals(backend.type())) {
            throw new InvalidValueException("backend.type", backend.type(), "must be aws to read the aws backend");
        }
        return builder(AwsSection.readBackend(backend.settings(), file.landscape()), file.landscape());
    }

    /** Where artifacts and the ledger live; external ids are never shown. */
    @Override
    public Map<String, String> describe(ConfigSection settings, Landscape landscape) {
        AwsSection.Read read = AwsSection.readBackend(settings, landscape);
        AwsConfiguration aws = read.configuration();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("type", TYPE);
        out.put("region", aws.region().value());
        if (read.endpoint() != null) {
            out.put("endpoint", read.endpoint().toString());
        }
        if (aws.roleChain().hubRole() != null) {
            out.put("hubRole", aws.roleChain().hubRole().toString());
        }
        out.put("artifacts", aws.artifacts().configName());
        if (aws.artifacts() == AwsConfiguration.Artifacts.S3) {
            out.put("originBucket", aws.s3().originBucket());
        } else {
            out.put("originRepository", aws.ecr().originRepository());
            out.put("ecrStrategy", aws.ecr().strategy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        out.put("ledgerBucket", aws.ledger().bucket());
        out.put("credentials", "the AWS SDK's default provider chain");
        if (read.events().any()) {
            out.put("events", (read.events().eventBridgeBus() == null ? "" : "EventBridge bus "
                    + read.events().eventBridgeBus() + " ") + (read.events().snsTopicArn() == null ? ""
                    : "SNS topic " + read.events().snsTopicArn()));
        }
        out.put("identities", read.identities().rules().isEmpty() ? "none mapped: every caller is refused"
                : read.identities().rules().size() + " ARN pattern(s) (sts:GetCallerIdentity)");
        return out;
    }

    /**
     * Opens the backend on the tooling account's credentials from the SDK's default chain. Its clock
     * decides credential refreshes and circuit breakers, so it should be real time even when an engine on
     * it acts at another instant. Given a {@link BackendContext#meters() meter registry}, it times every AWS
     * call ({@link AwsCallMetrics}) and shows each account's circuit breaker ({@link AwsCircuitBreakerMetrics}).
     *
     * @throws InvalidValueException         when a state directory is given: nothing of this backend is local;
     *                                       when the meter registry is not a Micrometer one, or Micrometer or
     *                                       resilience4j-micrometer is missing from the class path
     * @throws InvalidConfigurationException at every problem of the section, and when the default chain finds
     *                                       no credentials (before any AWS call)
     */
    @Override
    public Backend open(ConfigSection settings, BackendContext context) {
        return DefaultChainBackend.open(settings, context);
    }

    /**
     * Every policy document of {@link AwsPolicies} and its index ({@code README.md}). Options:
     * {@code organizationId} (adds {@code aws:PrincipalOrgID} everywhere), {@code inspectorRole}.
     */
    @Override
    public List<SetupDocument> setupDocuments(ConfigSection settings, Landscape landscape, Map<String, String> options) {
        AwsPolicies policies = policies(AwsSection.readBackend(settings, landscape), landscape, options);
        List<SetupDocument> documents = new ArrayList<>();
        policies.documents().forEach(d -> documents.add(new SetupDocument(d.fileName(), d.document())));
        documents.add(new SetupDocument("README.md", policies.index()));
        return documents;
    }

    /**
     * {@code airlock doctor}: reads the live accounts through the inspector role in each (tooling credentials
     * from the SDK's default chain) and reports where they differ from {@link #setupDocuments}. Besides those of
     * {@link #setupDocuments}, option {@code organizationsRole}: the role ARN Organizations is read through
     * (default: the tooling account's inspector role).
     */
    @Override
    public List<SetupFinding> checkSetup(ConfigSection settings, BackendContext context, Map<String, String> options) {
        return DefaultChainDoctor.check(AwsSection.readBackend(settings, context.landscape()), settings, context,
                options);
    }

    /** Options {@code signingKey.OWNER=KEY-ARN}: the KMS keys the keyring binds, each given a key policy. */
    public static final String SIGNING_KEY_OPTION = "signingKey.";

    static AwsPolicies policies(AwsSection.Read read, Landscape landscape, Map<String, String> options) {
        PolicyOptions policyOptions = PolicyOptions.defaults().withOrganizationId(options.get("organizationId"));
        if (options.get("inspectorRole") != null) {
            policyOptions = policyOptions.withInspectorRole(options.get("inspectorRole"));
        }
        for (Map.Entry<String, String> option : new java.util.TreeMap<>(options).entrySet()) {
            if (option.getKey().startsWith(SIGNING_KEY_OPTION)) {
                policyOptions = policyOptions.withSigningKey(option.getKey().substring(SIGNING_KEY_OPTION.length()),
                        option.getValue());
            }
        }
        return AwsPolicies.generate(landscape, read.configuration(), read.identities(), policyOptions);
    }

    static AwsBackend.Builder builder(AwsSection.Read read, Landscape landscape) {
        return AwsBackend.builder().configuration(read.configuration()).landscape(landscape).clientFactory(read.clients())
                .identities(read.identities()).events(read.events());
    }

    @Override
    public String toString() {
        return "AwsBackendProvider[type=" + TYPE + "]";
    }
}
