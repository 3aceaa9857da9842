package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.attestation.KeyFile;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.LocalSigner;
import dev.airlock.attestation.PredicateTypes;
import dev.airlock.attestation.Statement;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.attestation.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one signed approval costs, per key type: {@code verify} is the signature check a keyring makes;
 * {@code checkEntry} is what the ledger view pays per attested entry read (parse the envelope from the
 * entry's detail, verify, parse the statement, compare its fields), rebuilt from the public API because
 * benchmarks may not use core's internal {@code Attestations}; {@code sign} is what an approver pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AttestationBenchmark {
    private static final String APPROVER = "rob";

    @Param({"ed25519", "ecdsa-p256", "rsa-pss-sha256"})
    String algorithm;

    private LocalSigner signer;
    private Keyring keyring;
    private Statement approval;
    private byte[] payload;
    private Envelope envelope;
    private String json;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyAlgorithm keyAlgorithm = KeyAlgorithm.parse(algorithm);
        List<TrustedKey> keys = new ArrayList<>();
        KeyPair robs = null;
        // Three release managers, so verify picks the owner's key among others as a real keyring does.
        for (String owner : List.of("rita", APPROVER, "rae")) {
            KeyPair pair = generate(keyAlgorithm);
            keys.add(new TrustedKey(owner, pair.getPublic()));
            robs = owner.equals(APPROVER) ? pair : robs;
        }
        signer = LocalSigner.of(Objects.requireNonNull(robs));
        keyring = Keyring.of(keys);
        approval = new Statement("shop:1.4.2", Digest.of("shop 1.4.2".getBytes(StandardCharsets.UTF_8)),
                PredicateTypes.APPROVAL, Map.of("environment", "prod-eu", "policyVersion", "production@2025-03",
                        "approver", APPROVER, "approvedAt", "2025-03-25T09:00:00Z"));
        payload = approval.toJson();
        envelope = Envelope.sign(Statement.PAYLOAD_TYPE, payload, signer);
        json = envelope.toJson();
        if (!verify().counted() || !checkEntry()) {
            throw new IllegalStateException("the benchmark's approval must verify: " + verify());
        }
    }

    @Benchmark
    public Verification verify() {
        return keyring.verify(envelope, APPROVER);
    }

    @Benchmark
    public boolean checkEntry() {
        Envelope parsed = Envelope.parse(json);
        if (!Statement.PAYLOAD_TYPE.equals(parsed.payloadType()) || !keyring.verify(parsed, APPROVER).counted()) {
            return false;
        }
        Statement statement = Statement.parse(parsed.payload());
        return statement.subject().equals(approval.subject()) && PredicateTypes.APPROVAL.equals(statement.predicateType())
                && "prod-eu".equals(statement.field("environment")) && APPROVER.equals(statement.field("approver"))
                && "production@2025-03".equals(statement.field("policyVersion"))
                && statement.field("approvedAt") != null;
    }

    @Benchmark
    public Envelope sign() {
        return Envelope.sign(Statement.PAYLOAD_TYPE, payload, signer);
    }

    private static KeyPair generate(KeyAlgorithm algorithm) throws GeneralSecurityException {
        if (algorithm != KeyAlgorithm.RSA_PSS_SHA256) {
            return KeyFile.generate(algorithm);
        }
        // KMS's RSA_2048 key, held in-process so the figure is the verification alone, not a KMS call.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
