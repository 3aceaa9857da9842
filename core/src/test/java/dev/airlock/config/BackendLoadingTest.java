package dev.airlock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.config.BackendConfiguration.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code backend:} section: its generic shape, located problems, and no credentials in the file. */
class BackendLoadingTest {
    private static final String LANDSCAPE = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/deploy"}
            pipeline: {entry: [dev], promotions: []}
            """;

    private static AirlockConfiguration load(String backend) {
        return AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + backend, false);
    }

    private static Problem onlyProblem(String backend) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> load(backend));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    private static void assertAt(Problem problem, int line, int column, String... fragments) {
        assertEquals("airlock.yaml", problem.source());
        assertEquals(line, problem.line(), problem::toString);
        assertEquals(column, problem.column(), problem::toString);
        for (String fragment : fragments) {
            assertTrue(problem.message().contains(fragment), () -> "'" + problem + "' should contain '" + fragment + "'");
        }
    }

    @Test
    void noBackendSection_isTheLocalBackendInItsDefaultDirectory() {
        BackendConfiguration backend = load("").backend();

        assertEquals(Type.LOCAL, backend.type());
        assertEquals(Optional.empty(), backend.state());
        assertEquals(Optional.empty(), backend.aws());
    }

    @Test
    void localBackend_keepsItsStateDirectoryAsWritten() {
        BackendConfiguration backend = load("backend: {type: local, state: ../airlock-state}\n").backend();

        assertEquals(Type.LOCAL, backend.type());
        assertEquals(Optional.of(Path.of("../airlock-state")), backend.state());
    }

    @Test
    void typeIsLocalByDefault() {
        assertEquals(Type.LOCAL, load("backend: {state: st}\n").backend().type());
    }

    @Test
    void awsBackend_keepsItsSectionAsLocatedData() {
        ConfigSection aws = load("""
                backend:
                  type: aws
                  aws:
                    region: eu-central-1
                    originBucket: Not_A_Bucket
                """).backend().aws().orElseThrow();

        assertEquals("backend.aws", aws.name());
        assertEquals(List.of("region", "originBucket"), List.copyOf(aws.keys()));
        assertEquals("airlock.yaml:11:19: wrong", aws.problem("originBucket", "wrong").toString());
        assertEquals("airlock.yaml:11:5: here", aws.keyProblem("originBucket", "here").toString());
    }

    @Test
    void unknownKey_isReportedWhereItIsWritten() {
        assertAt(onlyProblem("backend: {type: local, directory: x}\n"), 7, 24, "unknown key 'directory' in backend",
                "allowed keys: aws, state, type");
    }

    @Test
    void unknownType_namesTheValueAndTheChoices() {
        assertAt(onlyProblem("backend:\n  type: gcp\n"), 8, 9, "backend.type: 'gcp' must be local or aws");
    }

    @Test
    void typeOfTheWrongKind_isRefused() {
        assertAt(onlyProblem("backend:\n  type: [aws]\n"), 8, 9, "backend.type must be text, got a list");
    }

    @Test
    void backendThatIsNotAMap_isRefused() {
        assertAt(onlyProblem("backend: aws\n"), 7, 10, "backend must be a map, got text");
    }

    @Test
    void awsTypeWithoutSettings_isMissingTheAwsKey() {
        assertAt(onlyProblem("backend:\n  type: aws\n"), 8, 3, "backend is missing required key 'aws'");
    }

    @Test
    void awsSettingsThatAreNotAMap_areRefused() {
        assertAt(onlyProblem("backend:\n  type: aws\n  aws: eu-central-1\n"), 9, 8, "backend.aws must be a map, got text");
    }

    @Test
    void awsSettingsWithTheLocalType_areRefused() {
        assertAt(onlyProblem("backend:\n  aws: {region: eu-central-1}\n"), 8, 3, "only read with 'type: aws'");
    }

    @Test
    void stateDirectoryWithTheAwsType_isRefused() {
        assertAt(onlyProblem("backend:\n  type: aws\n  state: st\n  aws: {region: eu-central-1}\n"), 9, 3,
                "backend.state is only read with 'type: local'");
    }

    @Test
    void stateThatIsNotText_isRefused() {
        assertAt(onlyProblem("backend:\n  state: {dir: x}\n"), 8, 10, "backend.state must be text, got a map");
    }

    @Test
    void credentialsInTheFile_areRefusedWithoutEchoingThem() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> load("""
                backend:
                  type: aws
                  aws:
                    region: eu-central-1
                    accessKeyId: AKIAEXAMPLEKEYID0001
                    secret_access_key: wJalrXUtnFEMIEXAMPLESECRET
                """));

        assertEquals(2, e.problems().size(), e::getMessage);
        assertAt(e.problems().get(0), 11, 5, "backend.aws.accessKeyId: credentials never belong in the configuration",
                "AWS_PROFILE");
        assertAt(e.problems().get(1), 12, 5, "backend.aws.secret_access_key: credentials never belong");
        assertFalse(e.getMessage().contains("AKIAEXAMPLEKEYID0001"), e::getMessage);
        assertFalse(e.getMessage().contains("wJalrXUtnFEMIEXAMPLESECRET"), e::getMessage);
    }

    @Test
    void credentialsBesideTheType_areRefusedOnce() {
        assertAt(onlyProblem("backend:\n  type: local\n  sessionToken: abc\n"), 9, 3,
                "backend.sessionToken: credentials never belong");
    }

    @Test
    void backendIsPartOfEquality() {
        assertEquals(load("backend: {type: local, state: a}\n"), load("backend: {type: local, state: a}\n"));
        assertFalse(load("backend: {type: local, state: a}\n").equals(load("backend: {type: local, state: b}\n")));
    }
}
