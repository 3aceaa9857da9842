package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Identity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adversary tests: who acts is what the authenticator established, never a name passed in. */
class AuthenticatedPrincipalsTest {
    static final Identity RITA = Identity.authenticated("rita", "aws-sts",
            "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Release_0a1b/rita");

    @TempDir
    Path dir;

    PromotionEngine engine(EngineFixture fixture, Authenticator authenticator) {
        return PromotionEngine.builder().landscape(fixture.landscape).guardrails(fixture.guardrails)
                .keyring(fixture.keys).signers(fixture.keys)
                .backend(fixture.backend).authenticator(authenticator).clock(fixture.clock).build();
    }

    @Test
    void approvingUnderAnotherName_isRefusedNamingBoth_andWritesNothing() {
        EngineFixture fixture = new EngineFixture(dir);
        Digest digest = EngineFixture.register(fixture.engine(), "1.0.0");
        PromotionEngine engine = engine(fixture, () -> RITA);
        int before = fixture.backend.ledger().read(1).size();

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> engine.approve(digest, "prod", Principal.of("rob", "release-managers")));

        assertTrue(refused.getMessage().contains("'rob'") && refused.getMessage().contains("'rita'"),
                refused.getMessage());
        assertEquals(before, fixture.backend.ledger().read(1).size());
    }

    @Test
    void everyEntry_recordsTheActorsEvidence() {
        EngineFixture fixture = new EngineFixture(dir);
        PromotionEngine engine = engine(fixture, () -> Identity.authenticated("alice", "aws-sts",
                "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Dev_1c2d/alice"));
        Digest digest = EngineFixture.register(engine, "1.0.0");
        engine.promote(EngineFixture.command(digest, "dev"));

        List<LedgerEntry> entries = fixture.backend.ledger().read(1);
        assertTrue(entries.size() >= 4, entries.toString());
        for (LedgerEntry entry : entries) {
            assertEquals("aws-sts", entry.detail("authenticatedBy"), entry.toString());
            assertEquals("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Dev_1c2d/alice", entry.detail("caller"));
            assertNull(entry.detail("unauthenticated"), entry.toString());
        }
    }

    @Test
    void unauthenticatedIdentities_acceptAnyPrincipal_andMarkEveryEntry() {
        EngineFixture fixture = new EngineFixture(dir);
        PromotionEngine engine = engine(fixture, () -> Identity.unauthenticated("bob", "os-user", "bob"));
        Digest digest = EngineFixture.register(engine, "1.0.0");
        engine.approve(digest, "prod", Principal.of("rob", "release-managers"));

        for (LedgerEntry entry : fixture.backend.ledger().read(1)) {
            assertEquals("true", entry.detail("unauthenticated"), entry.toString());
            assertEquals("os-user", entry.detail("authenticatedBy"));
            assertEquals("bob", entry.detail("caller"));
        }
    }

    @Test
    void aCallerTheAuthenticatorRefuses_writesNothing() {
        EngineFixture fixture = new EngineFixture(dir);
        PromotionEngine engine = engine(fixture, fixture.backend.authenticator());

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> EngineFixture.register(engine, "1.0.0"));

        assertTrue(refused.getMessage().contains("identities: {mode: unauthenticated}"), refused.getMessage());
        assertTrue(fixture.backend.ledger().read(1).isEmpty());
    }

    @Test
    void theAuthenticator_isAskedOncePerEngine() {
        EngineFixture fixture = new EngineFixture(dir);
        AtomicInteger calls = new AtomicInteger();
        PromotionEngine engine = engine(fixture, () -> {
            calls.incrementAndGet();
            return Identity.authenticated("alice", "test", "alice");
        });
        Digest digest = EngineFixture.register(engine, "1.0.0");
        engine.promote(EngineFixture.command(digest, "dev"));

        assertEquals(1, calls.get());
    }

    @Test
    void actingAs_anotherName_isAcceptedOnlyWhereIdentitiesAreUnauthenticated() {
        Identity demo = Identity.unauthenticated("bob", "os-user", "bob");
        assertEquals("rob", demo.actingAs("rob").principal());
        assertFalse(demo.actingAs("rob").authenticated());
        assertSame(RITA, RITA.actingAs("rita"));

        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> RITA.actingAs("rob"));
        assertTrue(refused.getMessage().contains("'rob'") && refused.getMessage().contains("'rita'")
                && refused.getMessage().contains(RITA.caller()), refused.getMessage());
    }
}
