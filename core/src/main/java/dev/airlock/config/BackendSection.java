package dev.airlock.config;

import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.Node;
import dev.airlock.internal.config.Node.Field;
import dev.airlock.internal.config.Node.ListNode;
import dev.airlock.internal.config.Node.MapNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the generic shape of {@code backend:}: a map whose {@code type} names the provider; the rest
 * is the provider's to read. Credential-like keys are refused wherever they appear in the section.
 */
final class BackendSection {
    /** Key names (lowercase, without '_' and '-') that would put a credential into the file. */
    private static final Set<String> CREDENTIAL_KEYS = Set.of("accesskey", "accesskeyid", "awsaccesskeyid",
            "secretkey", "secretaccesskey", "awssecretaccesskey", "sessiontoken", "awssessiontoken", "securitytoken",
            "password", "credentials", "secret");

    private BackendSection() {
    }

    static Optional<BackendConfiguration> read(MapNode root, ConfigReader reader) {
        Optional<Node> section = ConfigReader.get(root, "backend");
        if (section.isEmpty()) {
            return Optional.of(BackendConfiguration.local());
        }
        int before = reader.problems().size();
        refuseCredentials(section.get(), "backend", reader);
        if (!(section.get() instanceof MapNode map)) {
            reader.error(section.get(), "backend must be a map, got " + section.get().kind());
            return Optional.empty();
        }
        Optional<String> type = ConfigReader.get(map, "type").isEmpty() ? Optional.of(BackendConfiguration.DEFAULT_TYPE)
                : reader.text(map.fields().get("type").value(), "backend.type");
        return type.isPresent() && reader.problems().size() == before
                ? Optional.of(new BackendConfiguration(type.get(), new ConfigSection(reader.source(), "backend", map)))
                : Optional.empty();
    }

    /** Reports every credential-like key under {@code node}, never echoing its value. */
    private static void refuseCredentials(Node node, String path, ConfigReader reader) {
        if (node instanceof MapNode map) {
            for (Field field : map.fields().values()) {
                String normalized = field.key().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                if (CREDENTIAL_KEYS.contains(normalized)) {
                    reader.error(field.keyLocation(), path + "." + field.key() + ": credentials never belong in the "
                            + "configuration file (the value is not shown); Airlock takes them from the AWS SDK's "
                            + "default provider chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, "
                            + "AWS_PROFILE, SSO, or a container or instance role");
                } else {
                    refuseCredentials(field.value(), path + "." + field.key(), reader);
                }
            }
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> refuseCredentials(item, path, reader));
        }
    }
}
