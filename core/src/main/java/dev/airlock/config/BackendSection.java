package dev.airlock.config;

import dev.airlock.config.BackendConfiguration.Type;
import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.Node;
import dev.airlock.internal.config.Node.Field;
import dev.airlock.internal.config.Node.ListNode;
import dev.airlock.internal.config.Node.MapNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the generic shape of {@code backend:}: its type, the local backend's directory, and the aws
 * map kept as located data. Credential-like keys are refused wherever they appear in the section.
 */
final class BackendSection {
    private static final Set<String> KEYS = Set.of("type", "state", "aws");
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
        Set<String> credentials = new HashSet<>();
        refuseCredentials(section.get(), "backend", reader, credentials);
        Set<String> allowed = new HashSet<>(KEYS);
        allowed.addAll(credentials);
        Optional<MapNode> backend = reader.map(section.get(), "backend", Set.of(), allowed);
        if (backend.isEmpty()) {
            return Optional.empty();
        }
        MapNode map = backend.get();
        Optional<Type> type = ConfigReader.get(map, "type").isEmpty() ? Optional.of(Type.LOCAL)
                : ConfigReader.get(map, "type").flatMap(node -> type(node, reader));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return type.get() == Type.LOCAL ? local(map, reader) : aws(map, reader);
    }

    private static Optional<Type> type(Node node, ConfigReader reader) {
        return reader.text(node, "backend.type").flatMap(text -> {
            for (Type type : Type.values()) {
                if (type.configName().equals(text)) {
                    return Optional.of(type);
                }
            }
            reader.error(node, "backend.type: '" + text + "' must be local or aws");
            return Optional.empty();
        });
    }

    private static Optional<BackendConfiguration> local(MapNode map, ConfigReader reader) {
        Field aws = map.fields().get("aws");
        if (aws != null) {
            reader.error(aws.keyLocation(), "backend.aws is only read with 'type: aws'; this backend is local");
        }
        Optional<Node> stateNode = ConfigReader.get(map, "state");
        if (stateNode.isEmpty()) {
            return aws == null ? Optional.of(BackendConfiguration.local()) : Optional.empty();
        }
        Optional<Path> state = reader.text(stateNode.get(), "backend.state").flatMap(text -> {
            try {
                if (!text.isBlank()) {
                    return Optional.of(Path.of(text));
                }
            } catch (InvalidPathException e) {
                // reported below
            }
            reader.error(stateNode.get(), "backend.state: '" + text + "' must be a directory path");
            return Optional.empty();
        });
        return aws == null ? state.map(BackendConfiguration::local) : Optional.empty();
    }

    private static Optional<BackendConfiguration> aws(MapNode map, ConfigReader reader) {
        Field state = map.fields().get("state");
        if (state != null) {
            reader.error(state.keyLocation(), "backend.state is only read with 'type: local'; "
                    + "the aws backend keeps artifacts and the ledger in S3 and ECR");
        }
        Field aws = map.fields().get("aws");
        if (aws == null) {
            reader.error(map, "backend is missing required key 'aws' (its settings, needed with 'type: aws')");
            return Optional.empty();
        }
        if (!(aws.value() instanceof MapNode awsMap)) {
            reader.error(aws.value(), "backend.aws must be a map, got " + aws.value().kind());
            return Optional.empty();
        }
        return state != null ? Optional.empty()
                : Optional.of(new BackendConfiguration(Type.AWS, null, new ConfigSection(reader.source(), "backend.aws",
                        awsMap)));
    }

    /** Reports every credential-like key under {@code node}, never echoing its value. */
    private static void refuseCredentials(Node node, String path, ConfigReader reader, Set<String> found) {
        if (node instanceof MapNode map) {
            for (Field field : map.fields().values()) {
                String normalized = field.key().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                if (CREDENTIAL_KEYS.contains(normalized)) {
                    found.add(field.key());
                    reader.error(field.keyLocation(), path + "." + field.key() + ": credentials never belong in the "
                            + "configuration file (the value is not shown); Airlock takes them from the AWS SDK's "
                            + "default provider chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, "
                            + "AWS_PROFILE, SSO, or a container or instance role");
                } else {
                    refuseCredentials(field.value(), path + "." + field.key(), reader, found);
                }
            }
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> refuseCredentials(item, path, reader, found));
        }
    }
}
