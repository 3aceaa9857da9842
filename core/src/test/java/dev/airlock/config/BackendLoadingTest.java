package dev.airlock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.local.LocalBackend;
import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.Identity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static Problem onlyProblemOpening(String backend) {
        AirlockConfiguration configuration = load(backend);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> configuration.backend().describe(configuration.landscape()));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    private static Path root(String backend, Path directory, Path state) {
        AirlockConfiguration configuration = load(backend);
        try (Backend opened = configuration.backend().open(new BackendContext(configuration.landscape(),
                Clock.systemUTC(), directory, state))) {
            return ((LocalBackend) opened).root();
        }
    }

    @Test
    void noBackendSection_isTheLocalBackendInItsDefaultDirectory(@TempDir Path dir) {
        BackendConfiguration backend = load("").backend();

        assertEquals("local", backend.type());
        assertEquals(Set.of(), backend.settings().keys());
        assertEquals(dir.resolve(".airlock"), root("", dir, null));
    }

    private static Authenticator authenticator(String backend, Path directory) {
        AirlockConfiguration configuration = load(backend);
        try (Backend opened = configuration.backend().open(new BackendContext(configuration.landscape(),
                Clock.systemUTC(), directory, null))) {
            return opened.authenticator();
        }
    }

    @Test
    void localBackend_withoutDeclaredIdentities_refusesToActSayingWhatToConfigure(@TempDir Path dir) {
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> authenticator("backend: {state: st}\n", dir).authenticate());

        assertTrue(refused.getMessage().contains("identities: {mode: unauthenticated}"), refused.getMessage());
        assertThrows(AuthenticationException.class, () -> authenticator("", dir).authenticate());
    }

    @Test
    void localBackend_withUnauthenticatedIdentities_actsAsTheOsUserUnauthenticated(@TempDir Path dir) {
        Identity identity = authenticator("backend: {identities: {mode: unauthenticated}}\n", dir).authenticate();

        assertEquals(System.getProperty("user.name"), identity.principal());
        assertEquals("os-user", identity.method());
        assertFalse(identity.authenticated());
    }

    @Test
    void localBackend_identitiesModeOtherThanUnauthenticated_isAProblemAtItsPlace() {
        Problem problem = onlyProblemOpening("backend: {identities: {mode: os-user}}\n");

        assertTrue(problem.message().contains("backend.identities.mode: 'os-user' must be 'unauthenticated'"),
                problem::toString);
    }

    @Test
    void localBackend_resolvesItsStateDirectoryAgainstTheFilesDirectory(@TempDir Path dir) {
        String backend = "backend: {type: local, state: ../airlock-state}\n";

        assertEquals(Map.of("type", "local", "state", "../airlock-state", "identities",
                "not declared: commands that act are refused"), load(backend).backend()
                .describe(load(backend).landscape()));
        assertEquals(dir.resolve("config").resolve("../airlock-state").normalize(),
                root(backend, dir.resolve("config"), null));
    }

    @Test
    void stateGivenOutsideTheFile_winsOverTheFile(@TempDir Path dir) {
        assertEquals(dir.resolve("elsewhere"), root("backend: {state: promotions}\n", dir, dir.resolve("elsewhere")));
    }

    @Test
    void typeIsLocalByDefault() {
        assertEquals("local", load("backend: {state: st}\n").backend().type());
    }

    @Test
    void providerFoundOnTheClassPath_readsItsSettingsWithTheirPositions(@TempDir Path dir) {
        AirlockConfiguration configuration = load("""
                backend:
                  type: recording
                  bucket: Not_A_Bucket
                """);

        try (Backend opened = configuration.backend().open(BackendContext.of(configuration.landscape(),
                Clock.systemUTC(), dir))) {
            ConfigSection settings = RecordingBackendProvider.lastSettings();
            assertEquals("backend", settings.name());
            assertEquals(List.of("type", "bucket"), List.copyOf(settings.keys()));
            assertEquals("airlock.yaml:9:11: wrong", settings.problem("bucket", "wrong").toString());
            assertEquals(RecordingBackendProvider.BACKEND, opened);
        }
    }

    @Test
    void unknownType_isLocated_andNamesTheTypesOnTheClassPath() {
        assertAt(onlyProblemOpening("backend:\n  type: gcp\n"), 8, 9,
                "backend.type: 'gcp' is not a backend type found on the class path; found: local, recording");
    }

    @Test
    void unknownKey_isReportedWhereItIsWritten() {
        assertAt(onlyProblemOpening("backend: {type: local, directory: x}\n"), 7, 24,
                "unknown key 'directory' in backend", "allowed keys: identities, state, type");
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
    void awsSettingsWithTheLocalType_areRefused() {
        assertAt(onlyProblemOpening("backend:\n  aws: {region: eu-central-1}\n"), 8, 3, "unknown key 'aws' in backend");
    }

    @Test
    void stateThatIsNotText_isRefused() {
        assertAt(onlyProblemOpening("backend:\n  state: {dir: x}\n"), 8, 10, "backend.state must be text, got a map");
    }

    @Test
    void blankState_isRefused() {
        assertAt(onlyProblemOpening("backend:\n  state: ' '\n"), 8, 10, "backend.state: ' ' must be a directory path");
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
