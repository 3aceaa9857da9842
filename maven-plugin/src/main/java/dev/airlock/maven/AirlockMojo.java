package dev.airlock.maven;

import dev.airlock.AirlockException;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: the configuration file, the local state, who acts, and {@code -Dairlock.skip}.
 * Credentials never come from the POM: the backend finds them as the CLI does (on AWS, the SDK's default
 * chain, e.g. the CI job's role).
 */
abstract class AirlockMojo extends AbstractMojo {
    /** The Airlock configuration (landscape, policies, backend), the same file the CLI reads. */
    @Parameter(property = "airlock.config", defaultValue = "${project.basedir}/airlock.yaml")
    File config;

    /** Directory of the local backend's state; default: the configuration's {@code backend.state}. */
    @Parameter(property = "airlock.state")
    @Nullable File state;

    /**
     * Who acts, where the configuration declares identities unauthenticated (local trials); elsewhere it may
     * only repeat the authenticated principal.
     */
    @Parameter(property = "airlock.principal")
    @Nullable String principal;

    /** Skips the goal. */
    @Parameter(property = "airlock.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("airlock: skipped (airlock.skip)");
            return;
        }
        try (AirlockSession session = AirlockSession.open(config.toPath(), state == null ? null : state.toPath(),
                principal)) {
            run(session);
        } catch (AirlockException e) {
            // Airlock's own errors say what was wrong and how to fix it: the build shows them as they are.
            throw new MojoFailureException("airlock: " + e.getMessage(), e);
        }
    }

    abstract void run(AirlockSession session) throws MojoExecutionException, MojoFailureException;
}
