package dev.airlock.promotion;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.Place;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/** Port decorators that fail or "crash" at a chosen point, for engine fault tests. */
final class Faults {
    private Faults() {
    }

    /** Stands for the process dying: an Error, so the engine records nothing on its way out. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("simulated crash " + where);
        }
    }

    /** A ledger that runs {@code before} ahead of storing each entry of {@code type}. */
    static Ledger beforeAppending(Ledger ledger, EntryType type, Consumer<LedgerEntry> before) {
        return new Ledger() {
            @Override
            public void append(LedgerEntry entry) {
                if (entry.type() == type) {
                    before.accept(entry);
                }
                ledger.append(entry);
            }

            @Override
            public List<LedgerEntry> read(long fromSequence) {
                return ledger.read(fromSequence);
            }

            @Override
            public long lastSequence() {
                return ledger.lastSequence();
            }
        };
    }

    /** A store whose transfer and verify can be replaced by a test. */
    static class StoreWrapper implements ArtifactStore {
        final ArtifactStore delegate;

        StoreWrapper(ArtifactStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Upload upload(InputStream content, String mediaType) {
            return delegate.upload(content, mediaType);
        }

        @Override
        public boolean contains(Place place, Digest digest, AccessSession session) {
            return delegate.contains(place, digest, session);
        }

        @Override
        public Transfer transfer(Digest digest, Place target, AccessSession session) {
            return delegate.transfer(digest, target, session);
        }

        @Override
        public void verify(Digest digest, Place place, AccessSession session) {
            delegate.verify(digest, place, session);
        }

        @Override
        public boolean isImmutable(Place place) {
            return delegate.isImmutable(place);
        }
    }
}
