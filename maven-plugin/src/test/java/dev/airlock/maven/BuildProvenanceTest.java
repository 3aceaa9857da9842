package dev.airlock.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BuildProvenanceTest {
    static final Function<String[], String> NO_GIT = args -> null;
    static final Function<String[], String> GIT = args -> args[0].equals("rev-parse") ? "c0ffee1"
            : "git@github.com:acme/payments.git";

    @Test
    void githubActions_fromItsVariables() {
        BuildProvenance p = BuildProvenance.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/payments",
                "GITHUB_SHA", "abc123", "GITHUB_RUN_ID", "77", "GITHUB_RUN_ATTEMPT", "2",
                "GITHUB_WORKFLOW_REF", "acme/payments/.github/workflows/ci.yml@refs/heads/main"), NO_GIT);

        assertEquals(new BuildProvenance("github.com/acme/payments", "abc123", "github:77/2",
                "github-actions:acme/payments/.github/workflows/ci.yml@refs/heads/main"), p);
    }

    @Test
    void gitlabCi_fromItsVariables() {
        BuildProvenance p = BuildProvenance.detect(Map.of("GITLAB_CI", "true",
                "CI_PROJECT_URL", "https://gitlab.example.com/acme/payments", "CI_COMMIT_SHA", "def456",
                "CI_JOB_ID", "901", "CI_PROJECT_PATH", "acme/payments", "CI_COMMIT_REF_NAME", "main"), NO_GIT);

        assertEquals(new BuildProvenance("gitlab.example.com/acme/payments", "def456", "gitlab:901",
                "gitlab-ci:acme/payments@main"), p);
    }

    @Test
    void jenkins_fromItsVariables_andGitWhereTheyAreMissing() {
        BuildProvenance p = BuildProvenance.detect(Map.of("JENKINS_URL", "https://ci.acme.example/",
                "BUILD_TAG", "jenkins-payments-12", "JOB_NAME", "payments"), GIT);

        assertEquals(new BuildProvenance("github.com/acme/payments", "c0ffee1", "jenkins:jenkins-payments-12",
                "jenkins:https://ci.acme.example/payments"), p);
    }

    @Test
    void outsideCi_theCheckoutSaysWhere_andNoBuilderIsClaimed() {
        BuildProvenance p = BuildProvenance.detect(Map.of(), GIT);

        assertEquals("github.com/acme/payments", p.sourceRepository());
        assertEquals("c0ffee1", p.revision());
        assertEquals("local", p.buildId());
        assertNull(p.builder());
    }

    @Test
    void noCheckoutAndNoCi_isRefusedNamingTheField() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> BuildProvenance.detect(Map.of(), NO_GIT));

        assertEquals("revision", e.field());
        assertTrue(e.getMessage().contains("not in a git checkout"), e.getMessage());
    }

    @Test
    void aCiVariableMissing_isNamed() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> BuildProvenance.detect(
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/payments", "GITHUB_RUN_ID", "1"), NO_GIT));

        assertEquals("GITHUB_SHA", e.field());
    }

    @Test
    void repositoryUrls_normalizeToHostAndPath() {
        assertEquals("github.com/acme/payments", BuildProvenance.normalize("https://github.com/acme/payments.git"));
        assertEquals("github.com/acme/payments", BuildProvenance.normalize("git@github.com:acme/payments.git"));
        assertEquals("git.acme.example:2222/payments", BuildProvenance.normalize("ssh://git@git.acme.example:2222/payments"));
    }
}
