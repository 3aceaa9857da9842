package dev.airlock.maven;

import dev.airlock.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where a build came from, read from the build itself, never typed in: the CI system's variables (GitHub
 * Actions, GitLab CI, Jenkins) and, outside CI, the git checkout.
 *
 * @param builder the CI system's identity for the job, or null outside CI (then the acting principal builds)
 */
record BuildProvenance(String sourceRepository, String revision, String buildId, @Nullable String builder) {

    /**
     * @param env the build's environment variables
     * @param git answers {@code git ARGS} in the project's directory, or null when git cannot
     */
    static BuildProvenance detect(Map<String, String> env, Function<String[], @Nullable String> git) {
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            return new BuildProvenance(
                    normalize(env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/"
                            + require(env, "GITHUB_REPOSITORY")),
                    require(env, "GITHUB_SHA"),
                    "github:" + require(env, "GITHUB_RUN_ID") + "/" + env.getOrDefault("GITHUB_RUN_ATTEMPT", "1"),
                    "github-actions:" + env.getOrDefault("GITHUB_WORKFLOW_REF", require(env, "GITHUB_REPOSITORY")));
        }
        if ("true".equals(env.get("GITLAB_CI"))) {
            return new BuildProvenance(normalize(require(env, "CI_PROJECT_URL")), require(env, "CI_COMMIT_SHA"),
                    "gitlab:" + require(env, "CI_JOB_ID"),
                    "gitlab-ci:" + require(env, "CI_PROJECT_PATH") + "@" + env.getOrDefault("CI_COMMIT_REF_NAME", "?"));
        }
        if (!env.getOrDefault("JENKINS_URL", "").isBlank()) {
            String repository = env.get("GIT_URL") != null ? env.get("GIT_URL") : git.apply(ORIGIN);
            String revision = env.get("GIT_COMMIT") != null ? env.get("GIT_COMMIT") : git.apply(HEAD);
            return new BuildProvenance(normalize(requireFound("GIT_URL", repository)),
                    requireFound("GIT_COMMIT", revision), "jenkins:" + require(env, "BUILD_TAG"),
                    "jenkins:" + env.get("JENKINS_URL") + env.getOrDefault("JOB_NAME", ""));
        }
        String revision = git.apply(HEAD);
        if (revision == null) {
            throw new InvalidValueException("revision", null, "could not be read: the project is not in a git "
                    + "checkout and no CI variables (GitHub Actions, GitLab CI, Jenkins) name one; build from a checkout");
        }
        String origin = git.apply(ORIGIN);
        return new BuildProvenance(origin == null ? "local" : normalize(origin), revision, "local", null);
    }

    private static final String[] HEAD = {"rev-parse", "HEAD"};
    private static final String[] ORIGIN = {"config", "--get", "remote.origin.url"};

    /** {@code git@github.com:acme/payments.git} and {@code https://github.com/acme/payments} alike. */
    static String normalize(String url) {
        String s = url.strip().replaceFirst("^[a-z+]+://", "").replaceFirst("^[^@/]+@", "").replaceFirst("\\.git$", "");
        return s.replaceFirst("^([^/:]+):(?!\\d)", "$1/");
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(name, value, "must be set by the CI system for provenance; it is not");
        }
        return value;
    }

    private static String requireFound(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(name, value, "is not set and git could not tell it either");
        }
        return value;
    }

    /** Runs git in {@code directory}; null when git is missing, fails or says nothing. */
    static Function<String[], @Nullable String> git(Path directory) {
        return args -> {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                    process.destroyForcibly();
                    return null;
                }
                return out;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        };
    }
}
