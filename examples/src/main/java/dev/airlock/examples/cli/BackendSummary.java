package dev.airlock.examples.cli;

import dev.airlock.aws.AwsBackendConfig;
import dev.airlock.aws.AwsSettings;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.BackendConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code validate} says about the backend. Reading the aws settings here means a bad
 * {@code backend.aws} is reported by {@code validate}, not first by a promotion. External ids are
 * not shown.
 */
final class BackendSummary {
    private BackendSummary() {
    }

    static Map<String, Object> of(AirlockConfiguration configuration) {
        BackendConfiguration backend = configuration.backend();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", backend.type().configName());
        if (backend.type() == BackendConfiguration.Type.LOCAL) {
            out.put("state", backend.state().map(Object::toString).orElse(".airlock (beside the configuration)"));
            return out;
        }
        AwsBackendConfig aws = AwsBackendConfig.from(configuration);
        AwsSettings settings = aws.settings();
        out.put("region", settings.region().value());
        if (settings.endpointOverride() != null) {
            out.put("endpoint", settings.endpointOverride().toString());
        }
        if (settings.hubRole() != null) {
            out.put("hubRole", settings.hubRole().toString());
        }
        out.put("artifacts", aws.artifacts().configName());
        if (aws.artifacts() == AwsBackendConfig.Artifacts.S3) {
            out.put("originBucket", settings.originBucket());
        } else {
            out.put("originRepository", settings.originRepository());
            out.put("ecrStrategy", settings.ecrStrategy().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        out.put("ledgerBucket", settings.ledgerBucket());
        out.put("credentials", "the AWS SDK's default provider chain");
        return out;
    }
}
