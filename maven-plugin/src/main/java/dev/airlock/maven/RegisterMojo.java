package dev.airlock.maven;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Provenance;
import dev.airlock.promotion.ArtifactRegistration;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Registers the built artifact (build once) with provenance taken from the build, prints its digest and
 * exports it: the project property {@code airlock.digest} and {@code target/airlock.digest}.
 */
@Mojo(name = "register", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class RegisterMojo extends AirlockMojo {
    /** What to register: the main artifact by default, or a named file (for an image, its manifest). */
    @Parameter(property = "airlock.file", defaultValue = "${project.artifact.file}")
    @Nullable File file;

    @Parameter(property = "airlock.artifactName", defaultValue = "${project.artifactId}")
    String name;

    @Parameter(property = "airlock.artifactVersion", defaultValue = "${project.version}")
    String version;

    /** {@code file} or {@code container-image} (then {@code file} is the image manifest, its digest the image's). */
    @Parameter(property = "airlock.kind", defaultValue = "file")
    String kind;

    /** Default: {@code application/java-archive} for a jar, the OCI manifest type for an image, else octet-stream. */
    @Parameter(property = "airlock.mediaType")
    @Nullable String mediaType;

    /** Fails the build unless the registered bytes have this digest (e.g. the digest a container build printed). */
    @Parameter(property = "airlock.expectedDigest")
    @Nullable String expectedDigest;

    @Parameter(property = "airlock.digestFile", defaultValue = "${project.build.directory}/airlock.digest")
    File digestFile;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    @Parameter(defaultValue = "${project.properties}", readonly = true)
    Properties projectProperties;

    @Override
    void run(AirlockSession session) throws MojoFailureException {
        File bytes = requireFile(file);
        ArtifactKind artifactKind = ArtifactKind.parse(kind);
        BuildProvenance build = BuildProvenance.detect(System.getenv(), BuildProvenance.git(basedir.toPath()));
        // An authenticated identity (the CI job's AWS role) is the builder no one can claim; CI variables come next.
        String builder = session.identity().authenticated() || build.builder() == null
                ? session.identity().principal() : build.builder();
        Provenance provenance = new Provenance(build.sourceRepository(), build.revision(), build.buildId(), builder,
                Instant.now());
        ArtifactRegistration registration = new ArtifactRegistration(name, version, artifactKind,
                mediaType != null ? mediaType : defaultMediaType(artifactKind, bytes.getName()), provenance);
        Artifact artifact;
        try (InputStream in = Files.newInputStream(bytes.toPath())) {
            artifact = session.engine.register(registration, in, session.principal());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + bytes, e);
        }
        if (expectedDigest != null && !expectedDigest.strip().equals(artifact.digest().value())) {
            throw new MojoFailureException("airlock: expectedDigest '" + expectedDigest.strip() + "' is not the digest"
                    + " of " + bytes + " (" + artifact.digest() + ")");
        }
        DigestExport.export(artifact.digest(), digestFile.toPath(), projectProperties);
        getLog().info("airlock: registered " + artifact.name() + ":" + artifact.version() + " " + artifact.digest()
                + " (" + build.sourceRepository() + "@" + build.revision() + ", build " + build.buildId() + ", builder "
                + builder + ")");
        getLog().info("airlock: digest written to " + digestFile + " and property " + DigestExport.PROPERTY);
    }

    static File requireFile(@Nullable File file) {
        if (file == null) {
            throw new InvalidValueException("file", null, "is not set and the project has no main artifact yet: run "
                    + "register in the package phase or later, or name the file with <file>");
        }
        if (!file.isFile()) {
            throw new InvalidValueException("file", file, file.exists() ? "is not a regular file" : "does not exist");
        }
        return file;
    }

    static String defaultMediaType(ArtifactKind kind, String fileName) {
        if (kind == ArtifactKind.CONTAINER_IMAGE) {
            return "application/vnd.oci.image.manifest.v1+json";
        }
        return fileName.endsWith(".jar") ? "application/java-archive" : "application/octet-stream";
    }
}
