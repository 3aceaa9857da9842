package dev.airlock.benchmarks;

import dev.airlock.config.KeyringWriter;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.artifact.Digest;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.local.LocalBackend;
import dev.airlock.local.LocalFileLedger;
import dev.airlock.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a local backend with a history of exactly N ledger entries, for the cold-start measurements
 * ({@code benchmarks/scripts/cold-local.sh}):
 * <pre>
 * DIR/airlock.yaml            the configuration the CLI and {@link ColdStart} read
 * DIR/state/                  the local backend: ledger.jsonl, its checkpoints, the origin's artifacts
 * DIR/bench-artifacts.txt     digests registered after the history, at the origin, one per promote run
 * DIR/at.txt                  the instant to act at (--at): just after the history's clock stopped
 * </pre>
 * Usage: {@code LocalHistory DIR ENTRIES [CHECKPOINT_INTERVAL [BENCH_ARTIFACTS]]}. The history is written by
 * the real engine on the real {@link LocalFileLedger} (put DIR on tmpfs: every append is fsynced).
 */
public final class LocalHistory {
    static final String CONFIGURATION = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1],
                 deployRole: "arn:aws:iam::222222222222:role/deploy", tier: development}
              - {name: test, account: "333333333333", regions: [eu-central-1],
                 deployRole: "arn:aws:iam::333333333333:role/deploy", tier: test}
              - {name: staging, account: "444444444444", regions: [eu-central-1],
                 deployRole: "arn:aws:iam::444444444444:role/deploy", tier: staging}
              - {name: prod, account: "555555555555", regions: [eu-central-1],
                 deployRole: "arn:aws:iam::555555555555:role/deploy", tier: production}
            pipeline:
              entry: [dev]
              promotions: [{from: dev, to: test}, {from: test, to: staging}, {from: staging, to: prod}]
            groups:
              deployers: [ci]
              release-managers: [rita, rob]
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: trusted-builds, kind: provenance, builders: ["ci@*"], repositories: ["github.com/acme/*"]}
                  - {id: deployers-promote, kind: permission, groups: [deployers]}
                  - {id: fresh-artifacts, kind: max-age, maxAge: 30d}
              - id: production
                version: 2
                attach: {tier: production}
                statements:
                  - {id: two-approvals, kind: approvals, count: 2, from: [release-managers], expiresAfter: 48h}
                  - {id: staging-soak, kind: soak, duration: 1h}
            signing: {keyring: keys/keyring.yaml}
            """;

    private LocalHistory() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LocalHistory DIR ENTRIES [CHECKPOINT_INTERVAL [BENCH_ARTIFACTS]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long entries = Long.parseLong(args[1]);
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int bench = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("airlock.yaml"), CONFIGURATION);
        // Keys in files beside the configuration, so the CLI and ColdStart verify with the keyring that signed.
        AirlockConfiguration unsigned = AirlockConfiguration.load(dir.resolve("airlock.yaml"));
        KeyringWriter.createLocalKeys(unsigned.signing().keyringFile().orElseThrow(), History.SIGNERS,
                unsigned.signing().keyring().owners(), KeyAlgorithm.ED25519);
        AirlockConfiguration configuration = AirlockConfiguration.load(dir.resolve("airlock.yaml"));
        ManualClock clock = ManualClock.at("2024-01-01T08:00:00Z");
        LocalBackend backend = LocalBackend.open(dir.resolve("state"), configuration.landscape(), clock);
        History history = new History(configuration.landscape(), configuration.guardrails(), backend.ledger(), clock,
                interval, configuration.signing().keyring(), configuration.signing().signers(backend::remoteSigner));

        long start = System.nanoTime();
        history.fillTo(entries);
        double seconds = (System.nanoTime() - start) / 1e9;

        // Builds for the promote runs, registered after the history and uploaded to the real origin.
        List<String> digests = new ArrayList<>();
        for (int i = 1; i <= bench; i++) {
            String version = "9." + i + ".0";
            byte[] bytes = ("bench build " + version).getBytes(StandardCharsets.UTF_8);
            Digest digest = backend.artifactStore().upload(new ByteArrayInputStream(bytes), "application/java-archive")
                    .digest();
            history.engine().register(History.registration("bench", version, clock), new ByteArrayInputStream(bytes),
                    History.CI);
            digests.add(digest.toString());
        }
        Files.write(dir.resolve("bench-artifacts.txt"), digests);
        Files.writeString(dir.resolve("at.txt"), clock.instant().plus(Duration.ofMinutes(5)) + "\n");

        Path checkpoints = dir.resolve("state/ledger.jsonl.checkpoints");
        long count = 0;
        long total = 0;
        long newest = 0;
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> files = Files.list(checkpoints)) {
                for (Path file : files.sorted().toList()) {
                    count++;
                    newest = Files.size(file);
                    total += newest;
                }
            }
        }
        System.out.printf("%d entries (+%d registrations for the promote runs) in %.1f s; ledger %d bytes; "
                + "%d checkpoints, %d bytes in all, the newest %d bytes%n", entries, bench, seconds,
                Files.size(dir.resolve("state/ledger.jsonl")), count, total, newest);
    }
}
