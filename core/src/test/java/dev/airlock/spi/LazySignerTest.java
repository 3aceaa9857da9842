package dev.airlock.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.attestation.KeyFile;
import dev.airlock.attestation.LocalSigner;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Holding a signer costs nothing: the key is read (or KMS asked) when something is first signed, once. */
class LazySignerTest {
    @Test
    void isMadeOnFirstSignature_once() {
        AtomicInteger made = new AtomicInteger();
        LocalSigner real = LocalSigner.of(KeyFile.generate(KeyAlgorithm.ED25519));
        Signer lazy = Signer.lazily(() -> {
            made.incrementAndGet();
            return real;
        });

        assertEquals("LazySigner[not made yet]", lazy.toString());
        assertEquals(0, made.get(), "holding it made nothing");
        lazy.sign(new byte[] {1});
        lazy.sign(new byte[] {2});

        assertEquals(1, made.get());
        assertEquals(real.keyId(), lazy.keyId());
        assertTrue(lazy.toString().startsWith("LocalSigner["), lazy.toString());
    }
}
