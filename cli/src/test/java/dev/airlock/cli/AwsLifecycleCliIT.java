package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.artifact.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Every command of the real ./airlock script against AWS accounts on moto, configured by the shipped
 * examples/config/airlock-aws.yaml (only its emulator endpoint changed), with the tooling account's
 * credentials in environment variables — then the result checked with the AWS CLI as the prod account.
 */
class AwsLifecycleCliIT {
    static final String TOOLING = "111111111111";
    static final String PROD = "444444444444";

    @TempDir
    Path dir;

    MotoAccounts accounts;
    Path config;
    Credentials tooling;
    private final Map<String, Credentials> signedIn = new java.util.HashMap<>();
    private final List<AirlockScript.Result> results = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        accounts = new MotoAccounts();
        accounts.bucket(TOOLING, "acme-airlock-origin");
        accounts.bucket("999999999999", "acme-airlock-ledger");
        accounts.bucket("222222222222", "acme-airlock-dev");
        accounts.bucket("333333333333", "acme-airlock-staging");
        accounts.bucket(PROD, "acme-airlock-prod");
        config = dir.resolve("airlock.yaml");
        String sample = Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml"));
        assertTrue(sample.contains("endpoint: http://127.0.0.1:5000"), "the sample names the documented endpoint");
        Files.writeString(config, TimeFreeConfig.strip(sample).replace("http://127.0.0.1:5000", accounts.endpoint().toString()));
        SampleKeys.create(config);
        tooling = accounts.credentials(TOOLING, "ci-promoter");
    }

    /** Runs ./airlock with {@code as}'s own credentials (see {@link MotoAccounts#signedIn(String)}). */
    AirlockScript.Result airlock(String as, String... args) {
        return airlock(signedIn.computeIfAbsent(as, accounts::signedIn), as, args);
    }

    AirlockScript.Result airlock(Credentials credentials, String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--as", as));
        Map<String, String> env = new java.util.HashMap<>(MotoAccounts.environment(credentials));
        env.put("AIRLOCK_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        AirlockScript.Result result = AirlockScript.run(env, all.toArray(String[]::new));
        results.add(result);
        return result;
    }

    AirlockScript.Result expect(int exitCode, AirlockScript.Result result) {
        assertEquals(exitCode, result.exitCode(), result.all());
        return result;
    }

    String register(String version) throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api-" + version + ".jar"), "payments-api " + version);
        String digest = expect(0, airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api",
                "--version", version, "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7"))
                .out().strip();
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        return digest;
    }

    @Test
    void aReleaseFromDevToProd_landsInProdsBucketWithTheSameDigest() throws IOException {
        String digest = register("1.4.2");
        for (String env : List.of("dev", "staging")) {
            expect(0, airlock("alice", "promote", "--digest", digest, "--to", env));
            expect(0, airlock("deploy-bot", "verified", "--artifact", "payments-api:1.4.2", "--env", env));
        }

        AirlockScript.Result denied = expect(3, airlock("alice", "promote", "--digest", digest, "--to", "prod"));
        assertTrue(denied.out().contains("release-managers-only"), denied.out());
        AirlockScript.Result pending = expect(4, airlock("rita", "plan", "--digest", digest, "--to", "prod"));
        assertTrue(pending.out().contains("1 more approval from group release-managers"), pending.out());
        expect(0, airlock("rob", "approve", "--digest", digest, "--env", "prod"));
        JsonNode promoted = json(expect(0, airlock("rita", "promote", "--digest", digest, "--to", "prod",
                "-o", "json")));
        assertEquals("PROMOTED", promoted.path("status").asText(), promoted.toString());

        JsonNode status = json(expect(0, airlock("rita", "status", "-o", "json")));
        for (JsonNode environment : status.path("environments")) {
            assertEquals(digest, environment.path("digest").asText(), status.toString());
        }
        assertTrue(expect(0, airlock("rita", "history", "prod")).out().contains("PROMOTED"));
        JsonNode ledger = json(expect(0, airlock("rita", "verify-ledger", "-o", "json")));
        assertTrue(ledger.path("intact").asBoolean(), ledger.toString());

        assertInProdsBucket(Digest.parse(digest));
        assertNoSecretPrinted();
    }

    @Test
    void aBadRelease_isRolledBackToThePreviousVerifiedDigest() throws IOException {
        String good = register("1.4.2");
        expect(0, airlock("alice", "promote", "--digest", good, "--to", "dev"));
        expect(0, airlock("deploy-bot", "verified", "--digest", good, "--env", "dev"));
        String bad = register("1.4.3");
        expect(0, airlock("alice", "promote", "--artifact", "payments-api:1.4.3", "--to", "dev"));

        AirlockScript.Result rolledBack = expect(0, airlock("alice", "rollback", "dev"));

        assertTrue(rolledBack.out().contains("ROLLED BACK dev to " + Digest.parse(good).shortForm()), rolledBack.out());
        assertTrue(rolledBack.out().contains("(was " + Digest.parse(bad).shortForm() + ")"), rolledBack.out());
        JsonNode status = json(expect(0, airlock("alice", "status", "-o", "json")));
        assertEquals(good, status.path("environments").get(0).path("digest").asText(), status.toString());
        assertNoSecretPrinted();
    }

    @Test
    void aPromoterThatDied_holdsTheLeaseUntilItsPromotionIsResumedOrAborted() throws IOException {
        String digest = register("1.4.2");
        diedHoldingTheLease("crashed-dev", "dev", digest);

        AirlockScript.Result busy = expect(5, airlock("alice", "promote", "--digest", digest, "--to", "dev",
                "--key", "again"));
        assertTrue(busy.err().contains("is being promoted by crashed-dev"), busy.err());
        AirlockScript.Result resumed = expect(0, airlock("alice", "resume", "crashed-dev"));
        assertTrue(resumed.out().contains("PROMOTED"), resumed.out());

        expect(0, airlock("deploy-bot", "verified", "--digest", digest, "--env", "dev"));
        diedHoldingTheLease("crashed-staging", "staging", digest);
        expect(0, airlock("alice", "abort", "crashed-staging", "--reason", "promoter host lost"));
        expect(0, airlock("alice", "promote", "--digest", digest, "--to", "staging", "--key", "after-abort"));
        assertNoSecretPrinted();
    }

    @Test
    void approvingUnderAnotherName_isRefusedNamingBoth_andRecordsNothing() throws IOException {
        String digest = register("1.4.2");

        AirlockScript.Result refused = expect(2, airlock(accounts.signedIn("rita"), "rob", "approve",
                "--digest", digest, "--env", "prod"));

        assertTrue(refused.err().contains("'rob' is claimed, but the caller is authenticated as 'rita'"), refused.err());
        assertTrue(refused.err().contains("assumed-role/" + MotoAccounts.SSO_ROLE + "/rita"), refused.err());
        JsonNode history = json(expect(0, airlock("rita", "history", "prod", "-o", "json")));
        assertEquals(0, history.size(), history.toString());
        assertNoSecretPrinted();
    }

    @Test
    void anUnmappedCaller_isRefusedNamingItsArnAndTheSectionToEdit() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2");

        AirlockScript.Result refused = expect(2, airlock(tooling, "ci@tooling", "register", jar.toString(),
                "--name", "payments-api", "--version", "1.4.2", "--source-repo", "github.com/acme/payments",
                "--revision", "9f1c2e7"));

        assertTrue(refused.err().contains("the caller arn:aws:sts::" + TOOLING + ":assumed-role/ci-promoter/it-setup "
                + "is not mapped to a principal"), refused.err());
        assertTrue(refused.err().contains("backend.aws.identities"), refused.err());
        assertNoSecretPrinted();
    }

    @Test
    void everyEntryInTheS3Ledger_recordsTheCallerItWasAuthenticatedAs() throws IOException {
        String digest = register("1.4.2");
        expect(0, airlock("alice", "promote", "--digest", digest, "--to", "dev"));

        JsonNode history = json(expect(0, airlock("alice", "history", "dev", "-o", "json")));
        assertTrue(history.size() >= 4, history.toString());
        for (JsonNode entry : history) {
            JsonNode details = entry.path("details");
            assertEquals("aws-sts", details.path("authenticatedBy").asText(), entry.toString());
            assertEquals("arn:aws:sts::" + TOOLING + ":assumed-role/" + MotoAccounts.SSO_ROLE + "/alice",
                    details.path("caller").asText(), entry.toString());
            assertTrue(details.path("unauthenticated").isMissingNode(), entry.toString());
        }
    }

    /** Writes what a promoter leaves in the S3 ledger when it dies right after taking the lease. */
    private void diedHoldingTheLease(String promotionId, String environment, String digest) {
        new DeadPromoter(config, accounts.provider(tooling)).diedHoldingTheLease(promotionId, environment,
                Digest.parse(digest), java.time.Instant.now());
    }

    private void assertInProdsBucket(Digest digest) {
        AwsCommand prod = new AwsCommand(accounts.endpoint(), accounts.credentials(PROD, "auditor"));
        String key = "airlock/artifacts/sha256/" + digest.hex();
        JsonNode head = prod.json("s3api", "head-object", "--bucket", "acme-airlock-prod", "--key", key,
                "--expected-bucket-owner", PROD, "--checksum-mode", "ENABLED");
        assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(digest.hex())),
                head.path("ChecksumSHA256").asText(), head.toString());
        // Stored checksums are not verified by the emulator: hash the bytes themselves too.
        Path copy = dir.resolve("from-prod");
        prod.run("s3api", "get-object", "--bucket", "acme-airlock-prod", "--key", key, "--expected-bucket-owner", PROD,
                copy.toString());
        assertEquals(digest.hex(), sha256(copy));
    }

    private void assertNoSecretPrinted() {
        List<Credentials> all = new ArrayList<>(signedIn.values());
        all.add(tooling);
        for (AirlockScript.Result result : results) {
            for (Credentials c : all) {
                assertFalse(result.all().contains(c.secretAccessKey()), result.all());
                assertFalse(result.all().contains(c.sessionToken()), result.all());
            }
            assertFalse(result.all().contains("prod-7f3a"), "external id printed: " + result.all());
            assertFalse(result.all().contains("Exception"), result.all());
        }
    }

    private static JsonNode json(AirlockScript.Result result) {
        try {
            return new ObjectMapper().readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + result.all(), e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    // Signing through AWS KMS: rob's key lives in KMS, its public half is pinned in the keyring once
    // (`keys bind`), and approvals he signs with --signing-key kms:ARN count; one signed by a key bound to
    // nobody does not.

    @Test
    void anApprovalSignedWithAKmsKeyBoundToTheApprover_counts() throws IOException {
        String key = kmsKey();
        expect(0, bindKey(key));
        assertTrue(Files.readString(dir.resolve("keys/keyring.yaml")).contains("kms: \"" + key + "\""));
        String digest = register("1.4.2");
        for (String env : List.of("dev", "staging")) {
            expect(0, airlock("alice", "promote", "--digest", digest, "--to", env));
            expect(0, airlock("deploy-bot", "verified", "--digest", digest, "--env", env));
        }

        AirlockScript.Result approved = expect(0, airlock("rob", "approve", "--digest", digest, "--env", "prod",
                "--signing-key", "kms:" + key));

        assertTrue(approved.out().contains("counts"), approved.all());
        expect(0, airlock("rita", "promote", "--digest", digest, "--to", "prod"));
    }

    @Test
    void anApprovalSignedWithAKmsKeyNobodyBound_doesNotCount() throws IOException {
        String bound = kmsKey();
        expect(0, bindKey(bound));
        String digest = register("1.4.2");
        for (String env : List.of("dev", "staging")) {
            expect(0, airlock("alice", "promote", "--digest", digest, "--to", env));
            expect(0, airlock("deploy-bot", "verified", "--digest", digest, "--env", env));
        }

        AirlockScript.Result approved = expect(4, airlock("rob", "approve", "--digest", digest, "--env", "prod",
                "--signing-key", "kms:" + kmsKey()));

        assertTrue(approved.all().contains("not counted: rob (signature does not verify)"), approved.all());
        assertEquals(4, airlock("rita", "promote", "--digest", digest, "--to", "prod").exitCode());
    }

    /** {@code keys bind}: rob's KMS key, its public key fetched with the tooling account's credentials. */
    private AirlockScript.Result bindKey(String key) {
        Map<String, String> env = new java.util.HashMap<>(MotoAccounts.environment(tooling));
        AirlockScript.Result result = AirlockScript.run(env, "keys", "bind", "--owner", "rob", "--kms", key,
                "--config", config.toString());
        results.add(result);
        return result;
    }

    /** A new ECC_NIST_P256 signing key in the tooling account, by its ARN. */
    private String kmsKey() {
        return new AwsCommand(accounts.endpoint(), accounts.credentials(TOOLING, "admin")).json("kms", "create-key",
                "--key-spec", "ECC_NIST_P256", "--key-usage", "SIGN_VERIFY").path("KeyMetadata").path("Arn").asText();
    }
}
