package dev.airlock.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code backend:} section of a configuration file: where artifacts and the ledger live.
 *
 * <pre>{@code
 * backend:
 *   type: local          # the default: directories on this machine
 *   state: .airlock      # optional; relative paths are relative to the configuration file
 * }</pre>
 *
 * or {@code type: aws} with an {@code aws:} map that core keeps as located data
 * ({@link #aws()}) for the aws module to read, since core knows nothing about AWS. Credentials never
 * belong in the file: keys such as {@code secretAccessKey} anywhere in the section are rejected.
 */
public final class BackendConfiguration {
    private static final BackendConfiguration LOCAL = new BackendConfiguration(Type.LOCAL, null, null);

    private final Type type;
    private final @Nullable Path state;
    private final @Nullable ConfigSection aws;

    BackendConfiguration(Type type, @Nullable Path state, @Nullable ConfigSection aws) {
        this.type = Objects.requireNonNull(type, "type");
        this.state = state;
        this.aws = aws;
    }

    /** The local backend in its default directory, as when the file has no {@code backend:} section. */
    public static BackendConfiguration local() {
        return LOCAL;
    }

    /** The local backend in {@code state}. */
    public static BackendConfiguration local(Path state) {
        return new BackendConfiguration(Type.LOCAL, Objects.requireNonNull(state, "state"), null);
    }

    public Type type() {
        return type;
    }

    /** The local backend's directory as written (relative to the configuration file), if given. */
    public Optional<Path> state() {
        return Optional.ofNullable(state);
    }

    /** The {@code backend.aws} map with its positions, present exactly when the type is {@link Type#AWS}. */
    public Optional<ConfigSection> aws() {
        return Optional.ofNullable(aws);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendConfiguration other && type == other.type && Objects.equals(state, other.state)
                && Objects.equals(aws, other.aws);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, state, aws);
    }

    @Override
    public String toString() {
        return "BackendConfiguration[type=" + type.configName() + (state != null ? ", state=" + state : "")
                + (aws != null ? ", " + aws : "") + "]";
    }

    /** The kinds of backend a configuration file can name. */
    public enum Type {
        /** Directories on this machine (core's local backend). */
        LOCAL,
        /** AWS accounts, through the airlock-aws module. */
        AWS;

        /** The name used in files: {@code local}, {@code aws}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
