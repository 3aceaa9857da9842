package dev.airlock.cli;

import dev.airlock.config.AirlockConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** What the generated AWS documents need beyond the configuration file, shared by {@code aws policies} and {@code doctor}. */
final class AwsSetupOptions {
    @Option(names = "--organization-id", paramLabel = "ID", defaultValue = "${env:AIRLOCK_ORGANIZATION_ID}",
            description = "AWS Organizations id (o-...); trust and resource policies then require aws:PrincipalOrgID.")
    String organizationId;

    @Option(names = "--inspector-role", paramLabel = "NAME", defaultValue = "airlock-inspector",
            description = "Read-only role 'airlock doctor' assumes in every account (default: ${DEFAULT-VALUE}).")
    String inspectorRole;

    /** The options, with the KMS keys the configuration's keyring binds (each gets a key policy). */
    Map<String, String> options(AirlockConfiguration configuration) {
        Map<String, String> options = new LinkedHashMap<>();
        if (organizationId != null) {
            options.put("organizationId", organizationId);
        }
        options.put("inspectorRole", inspectorRole);
        configuration.signing().keySources().forEach((owner, source) -> {
            if (source.remoteKey() != null) {
                options.put("signingKey." + owner, source.remoteKey());
            }
        });
        return options;
    }

    /** These commands are about AWS accounts: another backend has none to set up. */
    static void requireAws(AirlockConfiguration configuration) {
        if (!"aws".equals(configuration.backend().type())) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "backend.type: '" + configuration.backend().type()
                    + "' has no AWS accounts to set up; this command needs 'backend: {type: aws, ...}'");
        }
    }
}
