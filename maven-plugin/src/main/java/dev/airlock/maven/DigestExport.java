package dev.airlock.maven;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * How {@code register} hands its digest to later goals and jobs: the project property {@code airlock.digest}
 * (same build) and a file in {@code target/} (later jobs, scripts, the CLI).
 */
final class DigestExport {
    static final String PROPERTY = "airlock.digest";

    private DigestExport() {
    }

    static void export(Digest digest, Path file, Properties projectProperties) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, digest.value() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the digest to " + file, e);
        }
        projectProperties.setProperty(PROPERTY, digest.value());
    }

    /**
     * The digest a goal works on: the {@code digest} parameter ({@code -Dairlock.digest}, or the property
     * {@code register} set), else the file {@code register} wrote; empty when neither names one.
     */
    static Optional<Digest> find(@Nullable String parameter, Path file) {
        if (parameter != null && !parameter.isBlank()) {
            return Optional.of(parse("digest", parameter.strip()));
        }
        try {
            return Optional.of(parse("digestFile " + file, Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the digest from " + file, e);
        }
    }

    private static Digest parse(String field, String value) {
        try {
            return Digest.parse(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, value, "must be a digest: sha256: and 64 lowercase hex digits");
        }
    }
}
