package dev.airlock.cli;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.Ledger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code airlock demo}: the whole story on the local backend in a fresh directory — build once,
 * promote through the stages, a skipped stage denied, production pending until approvals and soak,
 * fan-out with the same digest, a tampered ledger caught, and a rollback.
 */
@Command(name = "demo", description = "Run the whole Airlock story on the local backend in a temporary directory.",
        footerHeading = "%nExample:%n", footer = {"  airlock demo"})
final class DemoCommand implements Callable<Integer> {
    /** Tuesday 09:00 in Berlin: inside the production change window. */
    private static final Instant START = Instant.parse("2026-03-03T08:00:00Z");
    private static final Map<String, String> CHANGE = Map.of("change", "CHG-2041");
    private static final String SAMPLE = "/dev/airlock/cli/airlock.yaml";

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to keep the demo's state (default: a new temporary directory).")
    Path dir;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private int step;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("airlock-demo-");
        Path config = root.resolve("airlock.yaml");
        try (InputStream sample = DemoCommand.class.getResourceAsStream(SAMPLE)) {
            Files.copy(sample, config);
        }
        DemoClock clock = new DemoClock(START);
        // Everyone in the story gets a key of their own, so their approvals and reports are signed and count.
        KeyringWriter.createLocalKeys(AirlockConfiguration.load(config), KeyAlgorithm.ED25519);
        AirlockConfiguration configuration = AirlockConfiguration.load(config);
        // The sample declares identities unauthenticated: the demo acts as each person of its story in turn.
        LocalBackend local = (LocalBackend) configuration.backend().open(
                new BackendContext(configuration.landscape(), clock, root, root.resolve("state")));
        try (Airlock airlock = Airlock.on(configuration, local, clock, null)) {
            new Story(airlock, local.ledger().file(), clock, root, config).tell();
        }
        if (output.json()) {
            out.println(Json.write(steps));
        }
        return ExitCodes.OK;
    }

    private void say(String title, String command, String what) {
        step++;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("step", step);
        s.put("title", title);
        s.put("command", command);
        s.put("result", what);
        steps.add(s);
        if (!output.json()) {
            String shown = command.startsWith("(") ? command : "$ airlock " + command;
            out.printf("%n%d. %s%n   %s%n%s%n", step, title, shown, what.indent(3).stripTrailing());
        }
    }

    private void note(String text) {
        if (!output.json()) {
            out.println(text);
        }
    }

    /** The demo itself, one method per chapter. */
    private final class Story {
        private final Airlock airlock;
        private final Path ledger;
        private final DemoClock clock;
        private final Path root;
        private final Path config;
        private final Principal alice;
        private final Principal rita;
        private Digest release;

        Story(Airlock airlock, Path ledger, DemoClock clock, Path root, Path config) {
            this.ledger = ledger;
            this.airlock = airlock;
            this.clock = clock;
            this.root = root;
            this.config = config;
            this.alice = airlock.principal("alice");
            this.rita = airlock.principal("rita");
        }

        void tell() {
            note("Airlock demo: one artifact, built once, promoted by digest through five isolated accounts.");
            note("Configuration: " + config + "   state: " + root.resolve("state"));
            note("Clock starts " + START + " (Tuesday 09:00 in Berlin) and moves only when the story says so.");
            buildOnce();
            throughTheStages();
            skippingIsDenied();
            productionWaits();
            fanOut();
            tamperIsCaught();
            rollback();
            note("\nDone. Every step above is in the ledger: airlock history prod-eu --config " + config
                    + " --state " + root.resolve("state"));
        }

        void buildOnce() {
            release = register("1.4.2");
            say("Build once: CI registers payments-api 1.4.2; its digest is its identity from now on",
                    "register payments-api-1.4.2.jar --name payments-api --version 1.4.2 ...",
                    release.value());
        }

        private Digest register(String version) {
            byte[] bytes = ("payments-api " + version + " (a stand-in for a real build output)")
                    .getBytes(StandardCharsets.UTF_8);
            Artifact artifact = airlock.engine.register(new ArtifactRegistration("payments-api", version,
                    ArtifactKind.FILE, "application/java-archive", new Provenance("github.com/acme/payments",
                            "9f1c2e7" + version.replace(".", ""), "ci-1842", "ci@tooling",
                            clock.instant().minus(Duration.ofMinutes(20)))),
                    new ByteArrayInputStream(bytes), airlock.principal("ci@tooling"));
            return artifact.digest();
        }

        void throughTheStages() {
            for (String env : List.of("dev", "test", "staging")) {
                PromotionResult result = airlock.engine.promote(PromotionCommand.builder(release, env, alice).build());
                airlock.engine.markVerified(release, env, airlock.principal("deploy-bot"));
                say("alice promotes into " + env + "; deploy tooling reports it healthy",
                        "promote --digest " + release.shortForm() + "… --to " + env + " --as alice",
                        Render.resultLine(result) + "\nverified in " + env + " at " + clock.instant());
            }
        }

        void skippingIsDenied() {
            PromotionResult result = airlock.engine.promote(PromotionCommand.builder(release, "prod-eu", alice)
                    .from("dev").idempotencyKey("shortcut").build());
            say("alice tries a shortcut, dev straight into prod-eu",
                    "promote --digest " + release.shortForm() + "… --from dev --to prod-eu --as alice   (exit 3)",
                    Explanation.brief(result.decision()));
        }

        void productionWaits() {
            PromotionResult pending = airlock.engine.promote(PromotionCommand.builder(release, "prod-eu", rita)
                    .attributes(CHANGE).build());
            say("rita, a release manager, asks for prod-eu the right way: from staging",
                    "promote --digest " + release.shortForm() + "… --to prod-eu --attr change=CHG-2041 --as rita   (exit 4)",
                    Explanation.brief(pending.decision()));
            for (String approver : List.of("rob", "rae")) {
                for (String env : List.of("prod-eu", "prod-us")) {
                    airlock.engine.approve(release, env, airlock.principal(approver));
                }
            }
            say("rob and rae, release managers other than rita, approve this digest for both production regions",
                    "approve --digest " + release.shortForm() + "… --env prod-eu --as rob   (and rae; and prod-us)",
                    "4 approvals recorded, each bound to digest, environment and policy version "
                            + airlock.configuration.guardrails().approvalPolicyVersion("prod-eu"));
            clock.advance(Duration.ofHours(24).plusMinutes(5));
            say("A day passes: the artifact has soaked 24h in staging", "(time moves to " + clock.instant() + ")",
                    "plan for prod-eu: " + airlock.engine.plan(PromotionCommand.builder(release, "prod-eu", rita)
                            .attributes(CHANGE).build()).decision().summary());
        }

        void fanOut() {
            for (String env : List.of("prod-eu", "prod-us")) {
                PromotionResult result = airlock.engine.promote(PromotionCommand.builder(release, env, rita)
                        .attributes(CHANGE).build());
                say("rita promotes into " + env + " under change ticket CHG-2041", "promote --digest "
                        + release.shortForm() + "… --to " + env + " --attr change=CHG-2041 --as rita",
                        Render.resultLine(result));
                airlock.engine.markVerified(release, env, airlock.principal("deploy-bot"));
            }
            say("The same bytes, by digest, in every environment", "status", StatusTable.text(airlock.engine.status(),
                    airlock.engine.pending(), p -> airlock.engine.artifact(p.digest()).name() + ":"
                            + airlock.engine.artifact(p.digest()).version()));
        }

        void tamperIsCaught() {
            try {
                byte[] original = Files.readAllBytes(ledger);
                String text = new String(original, StandardCharsets.UTF_8);
                Files.writeString(ledger, text.replaceFirst("\"principal\":\"rae\"", "\"principal\":\"mallory\""));
                ChainReport tampered = airlock.engine.verifyLedger();
                say("Someone edits the ledger file to claim mallory approved instead of rae", "verify-ledger   (exit 1)",
                        "LEDGER TAMPERED: " + tampered.brokenLink().message());
                Files.write(ledger, original);
                say("The original is restored from the security account's copy", "verify-ledger",
                        airlock.engine.verifyLedger().summary());
            } catch (IOException e) {
                throw new UncheckedIOException("could not edit the demo's ledger " + ledger, e);
            }
        }

        void rollback() {
            Digest hotfix = register("1.4.3");
            airlock.engine.promote(PromotionCommand.builder(hotfix, "dev", alice).build());
            say("1.4.3 is built and reaches dev, but it misbehaves there", "promote --artifact payments-api:1.4.3 --to dev",
                    "dev runs " + hotfix.shortForm());
            PromotionResult result = airlock.engine.rollback("dev", alice, "rollback-dev-1");
            say("alice rolls dev back to its previous verified digest, through the guardrails",
                    "rollback dev --as alice", "ROLLED BACK dev to " + result.digest().shortForm() + " (was "
                            + result.previous().shortForm() + ")");
            forgedApprovalIsNotCounted(hotfix);
        }

        /** Writing to the ledger is not approving: an entry nobody signed is recorded and never counted. */
        void forgedApprovalIsNotCounted(Digest hotfix) {
            Ledger port = airlock.ledger();
            LedgerEntry last = port.read(port.lastSequence()).get(0);
            port.append(LedgerChain.next(last, new LedgerEntry.Draft(EntryType.APPROVED, "rob", "prod-eu", hotfix, null,
                    Map.of("policyVersion", airlock.configuration.guardrails().approvalPolicyVersion("prod-eu"),
                            "groups", "release-managers")), clock.instant()));
            String approvals = airlock.engine.plan(PromotionCommand.builder(hotfix, "prod-eu", rita).build())
                    .decision().results().stream().filter(r -> r.statementId().equals("two-approvals"))
                    .map(r -> r.statementId() + ": " + r.reason()).findFirst().orElseThrow();
            say("mallory, who can write the ledger file, appends an approval of 1.4.3 in rob's name, correctly chained",
                    "plan --digest " + hotfix.shortForm() + "… --to prod-eu --as rita", approvals + "\n"
                            + airlock.engine.verifyLedger().summary() + ": recorded, but rob never signed it");
        }
    }
}
