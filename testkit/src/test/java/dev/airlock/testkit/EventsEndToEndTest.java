package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.event.AirlockEvent;
import dev.airlock.event.EventDispatcher;
import dev.airlock.event.EventType;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.EventPublisher;
import dev.airlock.spi.Gate;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.Place;
import dev.airlock.spi.PromotionListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real engine on local files (and on the in-memory ledger) tells what happens when it happens: a promotion
 * whose bytes do not verify at the target fails, a rollback rolls back, a ledger edited behind its back is
 * refused; a pending promotion says, as data, what is missing and who may approve; and nothing an insider
 * appends to the ledger becomes an event. Every event emitted matches {@code docs/events.schema.json}.
 */
class EventsEndToEndTest {
    private static final String CONFIGURATION = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/airlock/deploy"}
              - {name: prod, account: "555555555555", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::555555555555:role/airlock/deploy"}
            pipeline:
              entry: [dev]
              promotions:
                - {from: dev, to: prod}
            groups:
              developers: [alice]
              release-managers: [rita, rob, rae]
              security: [sue, sam]
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: engineers, kind: permission, groups: [developers, release-managers]}
              - id: production
                version: 1
                attach: {tier: production}
                statements:
                  - {id: release-approval, kind: approvals, count: 2, from: [release-managers], expiresAfter: 48h}
                  - {id: security-approval, kind: approvals, count: 1, from: [security], expiresAfter: 48h}
                  - {id: dev-soak, kind: soak, duration: 24h}
                  - {id: change-approved, kind: gate, effect: require, gate: change-check}
            """;
    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final Principal ROB = Principal.of("rob", "release-managers");
    private static final Principal RITA = Principal.of("rita", "release-managers");

    @TempDir
    Path root;

    private final InMemoryKeys keys = new InMemoryKeys();
    private final ManualClock clock = ManualClock.at("2026-03-03T09:00:00Z");
    private final List<AirlockEvent> published = new CopyOnWriteArrayList<>();
    private final List<EventDispatcher> dispatchers = new ArrayList<>();
    private final Gate changeCheck = new Gate() {
        @Override
        public String name() {
            return "change-check";
        }

        @Override
        public GateAnswer ask(dev.airlock.spi.GateRequest request) {
            return GateAnswer.pending("change-check", "CHG-2041 awaits the CAB");
        }
    };
    private AirlockConfiguration configuration;
    private LocalBackend backend;

    @BeforeEach
    void open() {
        configuration = AirlockConfiguration.parse("events.yaml", CONFIGURATION, false);
        backend = LocalBackend.open(root, configuration.landscape(), clock);
    }

    @AfterEach
    void closeDispatchers() {
        dispatchers.forEach(EventDispatcher::close);
    }

    /** An engine telling a fresh dispatcher, after {@code first} if given, as one process on the local files. */
    private PromotionEngine engine(PromotionListener... first) {
        EventDispatcher dispatcher = new EventDispatcher(List.of(recording()), 100, clock, Duration.ofSeconds(10));
        dispatchers.add(dispatcher);
        PromotionEngine.Builder builder = PromotionEngine.builder().landscape(configuration.landscape())
                .guardrails(configuration.guardrails()).backend(backend).clock(clock).keyring(keys).signers(keys)
                .gate(changeCheck);
        for (PromotionListener listener : first) {
            builder.listener(listener);
        }
        return builder.listener(dispatcher).build();
    }

    private EventPublisher recording() {
        return published::addAll;
    }

    /** Sends what every dispatcher queued, then checks each event against the schema. */
    private List<AirlockEvent> events() {
        dispatchers.forEach(EventDispatcher::close);
        dispatchers.clear();
        for (AirlockEvent event : published) {
            assertEquals(List.of(), EventSchema.problems(event.toJson()), event.toJson());
        }
        return List.copyOf(published);
    }

    private List<AirlockEvent> ofType(EventType type) {
        return events().stream().filter(e -> e.type() == type).toList();
    }

    private Digest register(PromotionEngine engine, String version) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-" + version,
                        "ci@tooling", clock.instant().minusSeconds(600))),
                new ByteArrayInputStream(("payments-api " + version).getBytes(StandardCharsets.UTF_8)),
                Principal.of("ci@tooling")).digest();
    }

    @Test
    void bytesThatDoNotVerifyAtTheTarget_failThePromotion_andEmitPromotionFailed() throws IOException {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");
        // An admin of the dev account planted other bytes where the artifact would land.
        Path planted = backend.artifactStore().pathOf(Place.of(configuration.landscape().require("dev")), digest);
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "not what was built");

        assertThrows(PromotionFailedException.class,
                () -> engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build()));

        List<AirlockEvent> failed = ofType(EventType.PROMOTION_FAILED);
        assertEquals(1, failed.size(), events().toString());
        AirlockEvent event = failed.get(0);
        assertEquals("dev", event.environment());
        assertEquals(digest.toString(), event.digest());
        assertEquals("alice", event.principal());
        assertEquals("verify " + digest.shortForm() + " in dev", event.data().get("step"));
        assertTrue(event.data().get("cause").toString().startsWith("DigestMismatchException"), event.toString());
        assertTrue(ofType(EventType.PROMOTION_PROMOTED).isEmpty());
    }

    @Test
    void originBytesGone_failTheTransfer_andEmitPromotionFailed() throws IOException {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");
        Files.delete(backend.artifactStore().pathOf(Place.origin(configuration.landscape().accounts().tooling()), digest));

        assertThrows(PromotionFailedException.class,
                () -> engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build()));

        AirlockEvent failed = ofType(EventType.PROMOTION_FAILED).get(0);
        assertEquals("transfer " + digest.shortForm() + " into dev", failed.data().get("step"));
        assertTrue(failed.data().get("cause").toString().startsWith("ArtifactNotFoundException"), failed.toString());
    }

    @Test
    void aRollback_emitsPromotionRolledBack_namingWhatWasReplaced() {
        PromotionEngine engine = engine();
        Digest first = register(engine, "1.0.0");
        Digest second = register(engine, "2.0.0");
        for (Digest digest : List.of(first, second)) {
            assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build())
                    .status());
            engine.markVerified(digest, "dev", Principal.of("deploy-bot"));
            clock.advance(Duration.ofMinutes(5));
        }

        assertEquals(Status.PROMOTED, engine.rollback("dev", ALICE, "roll-back-2.0.0").status());

        List<AirlockEvent> rolledBack = ofType(EventType.PROMOTION_ROLLED_BACK);
        assertEquals(1, rolledBack.size(), events().toString());
        assertEquals(first.toString(), rolledBack.get(0).digest());
        assertEquals(second.toString(), rolledBack.get(0).data().get("previousDigest"));
        assertEquals("dev", rolledBack.get(0).environment());
        AirlockEvent decided = ofType(EventType.PROMOTION_DECIDED).stream()
                .filter(e -> e.promotionId().equals(rolledBack.get(0).promotionId())).findFirst().orElseThrow();
        assertEquals("true", decided.data().get("rollback"), "the decision says it was a rollback");
        assertEquals(2, ofType(EventType.PROMOTION_PROMOTED).size(), "the rollback is not told as a promotion");
    }

    @Test
    void anEditedLedgerFile_isRefused_andEmitsLedgerTamperedOnce() throws IOException {
        PromotionEngine before = engine();
        Digest digest = register(before, "1.0.0");
        before.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
        events();
        published.clear();
        Path file = backend.ledger().file();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replaceFirst("\"principal\":\"alice\"", "\"principal\":\"mallory\""));
        Files.write(file, lines);

        backend = LocalBackend.open(root, configuration.landscape(), clock); // a fresh process meets the edit
        PromotionEngine engine = engine();
        assertThrows(LedgerTamperedException.class,
                () -> engine.promote(PromotionCommand.builder(digest, "prod", ALICE).build()));
        assertThrows(LedgerTamperedException.class, engine::status);
        assertThrows(LedgerTamperedException.class, () -> engine.history("dev"));
        assertFalse(engine.verifyLedger().ok());

        assertEquals(lines, Files.readAllLines(file), "nothing was appended to a broken ledger");
        List<AirlockEvent> events = events();
        assertEquals(1, events.size(), "one break, told once however often it is met: " + events);
        AirlockEvent tampered = events.get(0);
        assertEquals(EventType.LEDGER_TAMPERED, tampered.type());
        assertEquals(3, tampered.sequence());
        assertEquals(BrokenLink.Kind.EDITED.name(), tampered.data().get("kind"));
        assertTrue(tampered.data().get("message").toString().contains("entry 3"), tampered.toString());
    }

    @Test
    void aListenerThatThrowsOnTampering_cannotHideTheRefusal() throws IOException {
        PromotionEngine before = engine();
        Digest digest = register(before, "1.0.0");
        Path file = backend.ledger().file();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, lines.get(0).replace("payments-api", "payments-apj"));
        Files.write(file, lines);
        backend = LocalBackend.open(root, configuration.landscape(), clock);
        PromotionListener throwing = new PromotionListener() {
            @Override
            public void onEntry(LedgerEntry entry) {
            }

            @Override
            public void onTampering(BrokenLink brokenLink) {
                throw new AssertionError("listener broke while telling");
            }
        };
        PromotionEngine engine = engine(throwing);

        LedgerTamperedException refused = assertThrows(LedgerTamperedException.class,
                () -> engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build()));

        assertEquals(1, refused.brokenLink().sequence());
        assertEquals("listener broke while telling", refused.getSuppressed()[0].getMessage());
        assertEquals(lines, Files.readAllLines(file));
        assertEquals(1, ofType(EventType.LEDGER_TAMPERED).size(), "the listeners after it are still told");
    }

    @Test
    void aCheckpointCopiedUnderAnotherName_isFoundByTheAudit_andEmitsLedgerTampered() throws IOException {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");
        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
        long at = engine.checkpoint().sequence();
        Path checkpoint;
        try (var files = Files.walk(root)) {
            checkpoint = files.filter(f -> f.getFileName().toString().startsWith(String.format("%020d", at)))
                    .findFirst().orElseThrow();
        }
        Files.copy(checkpoint, checkpoint.resolveSibling(checkpoint.getFileName().toString()
                .replace(String.format("%020d", at), String.format("%020d", at - 1))));

        LedgerTamperedException refused = assertThrows(LedgerTamperedException.class, engine::verifyLedger);

        assertEquals(BrokenLink.Kind.CHECKPOINT_MISMATCH, refused.brokenLink().kind());
        AirlockEvent tampered = ofType(EventType.LEDGER_TAMPERED).get(0);
        assertEquals(BrokenLink.Kind.CHECKPOINT_MISMATCH.name(), tampered.data().get("kind"));
        assertTrue(tampered.data().get("message").toString().contains("copied under another name"), tampered.toString());
    }

    @Test
    void anEntryRemovedFromTheInMemoryLedger_emitsLedgerTampered() {
        TestWorld world = TestWorld.fourStages().build();
        EventDispatcher dispatcher = new EventDispatcher(List.of(recording()), 100, world.clock(),
                Duration.ofSeconds(10));
        dispatchers.add(dispatcher);
        Digest digest = world.register("payments-api", "1.0.0");
        world.promote(digest, "dev", ALICE);
        world.ledger().tamper(entries -> {
            entries.remove(1);
            return entries;
        });
        PromotionEngine engine = PromotionEngine.builder().keyring(world.keys()).signers(world.keys())
                .landscape(world.landscape()).guardrails(world.guardrails()).store(world.store())
                .access(world.access()).ledger(world.ledger()).clock(world.clock()).listener(dispatcher).build();

        assertThrows(LedgerTamperedException.class,
                () -> engine.promote(PromotionCommand.builder(digest, "test", ALICE).build()));

        AirlockEvent tampered = ofType(EventType.LEDGER_TAMPERED).get(0);
        assertEquals(BrokenLink.Kind.MISSING.name(), tampered.data().get("kind"), tampered.toString());
        assertEquals(1, events().size());
    }

    @Test
    void aPendingPromotion_listsEachUnmetRequirement_withWhoMayApprove() {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");
        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
        engine.markVerified(digest, "dev", Principal.of("deploy-bot"));
        clock.advance(Duration.ofHours(1));
        engine.approve(digest, "prod", RITA);

        assertEquals(Status.PENDING, engine.promote(PromotionCommand.builder(digest, "prod", ROB).build()).status());

        AirlockEvent pending = ofType(EventType.PROMOTION_PENDING).get(0);
        Map<String, Map<?, ?>> missing = new LinkedHashMap<>();
        for (Object requirement : (List<?>) pending.data().get("missing")) {
            Map<?, ?> fields = (Map<?, ?>) requirement;
            missing.put((String) fields.get("statement"), fields);
        }
        assertEquals(List.of("change-approved", "dev-soak", "release-approval", "security-approval"),
                List.copyOf(missing.keySet()), pending.toString());
        Map<?, ?> release = missing.get("release-approval");
        assertEquals("approvals", release.get("kind"));
        assertEquals("tier:production", release.get("level"));
        assertEquals(List.of("release-managers"), release.get("approverGroups"));
        assertEquals(List.of("rae"), release.get("approvers"), "rita counted already, rob asked: only rae can help");
        assertTrue(release.get("missing").toString().startsWith("1 more approval from group release-managers"),
                release.toString());
        Map<?, ?> security = missing.get("security-approval");
        assertEquals(List.of("security"), security.get("approverGroups"));
        assertEquals(List.of("sam", "sue"), security.get("approvers"));
        assertEquals("soak", missing.get("dev-soak").get("kind"));
        assertEquals(List.of(), missing.get("dev-soak").get("approvers"));
        assertEquals("gate", missing.get("change-approved").get("kind"));
        assertTrue(missing.get("change-approved").get("missing").toString().contains("CHG-2041 awaits the CAB"),
                missing.get("change-approved").toString());
        assertEquals(List.of("release-managers", "security"), pending.data().get("approverGroups"));
        assertFalse(pending.data().keySet().stream().anyMatch(k -> k.startsWith("unmet.")), pending.toString());
    }

    @Test
    void forgedApprovalsAppendedToTheLedger_neverBecomeEvents_norCountInThem() {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");
        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
        engine.markVerified(digest, "dev", Principal.of("deploy-bot"));
        clock.advance(Duration.ofDays(2));
        // An insider who can append to the ledger, with correct hash links, but holds nobody's key.
        String policyVersion = configuration.guardrails().approvalPolicyVersion("prod");
        for (String forger : List.of("rita", "rae", "sue")) {
            append(EntryType.APPROVED, forger, "prod", digest, Map.of("policyVersion", policyVersion));
        }

        assertEquals(Status.PENDING, engine.promote(PromotionCommand.builder(digest, "prod", ROB).build()).status());

        List<AirlockEvent> events = events();
        for (AirlockEvent event : events) {
            assertFalse(List.of("rita", "rae", "sue").contains(event.principal()), "told a forged entry: " + event);
            assertFalse(event.type() == EventType.PROMOTION_PROMOTED && "prod".equals(event.environment()),
                    event.toString());
        }
        AirlockEvent pending = events.stream().filter(e -> e.type() == EventType.PROMOTION_PENDING).findFirst()
                .orElseThrow();
        Map<?, ?> release = ((List<?>) pending.data().get("missing")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> r.get("statement").equals("release-approval")).findFirst().orElseThrow();
        assertEquals(List.of("rae", "rita"), release.get("approvers"), "a forged approval leaves its forger to ask");
        assertTrue(release.get("missing").toString().startsWith("2 more approvals"), release.toString());
        assertTrue(release.get("missing").toString().contains("rita (not signed)"), release.toString());
    }

    @Test
    void aForgedPromotedEntry_isNeverToldAsAPromotion() {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");
        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
        // The insider claims prod runs the digest, for a promotion that was never decided.
        append(EntryType.PROMOTED, "rita", "prod", digest, Map.of("token", "1"), "forged-promotion");

        engine.status(); // the engine reads past it; it is the ledger's record, but not this engine's to tell
        engine.markVerified(digest, "dev", Principal.of("deploy-bot"));

        List<AirlockEvent> events = events();
        assertFalse(events.stream().anyMatch(e -> "prod".equals(e.environment()) || "rita".equals(e.principal())),
                events.toString());
        assertEquals(1, events.stream().filter(e -> e.type() == EventType.PROMOTION_PROMOTED).count(), events.toString());
    }

    /** Appends what the insider wrote, linked to the last entry: the chain still verifies. */
    private void append(EntryType type, String principal, String environment, Digest about,
            Map<String, String> details) {
        append(type, principal, environment, about, details, null);
    }

    private void append(EntryType type, String principal, String environment, Digest about,
            Map<String, String> details, String promotionId) {
        Ledger ledger = backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        ledger.append(LedgerChain.next(last, new LedgerEntry.Draft(type, principal, environment, about, promotionId,
                details), clock.instant()));
    }
}
