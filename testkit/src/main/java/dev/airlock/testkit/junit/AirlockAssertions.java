package dev.airlock.testkit.junit;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.Place;
import dev.airlock.testkit.TestWorld;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on promotion outcomes and on the ledger. A failure says what happened instead: the
 * decision's summary, what an environment runs, or the entry types actually recorded.
 */
public final class AirlockAssertions {
    private AirlockAssertions() {
    }

    /** The promotion ended {@code PROMOTED}. */
    public static void assertPromoted(PromotionResult result) {
        requireResult(result);
        if (result.status() != PromotionResult.Status.PROMOTED) {
            throw new AssertionFailedError("expected " + describe(result) + " to be PROMOTED but it was "
                    + result.status() + ": " + result.decision().summary(), PromotionResult.Status.PROMOTED,
                    result.status());
        }
    }

    /**
     * {@code environment} runs {@code digest}: the engine's pointer says so, the ledger's last
     * {@code PROMOTED} (or {@code ROLLED_BACK}) entry for it names the digest, and the bytes in the
     * environment's own account hash to it.
     */
    public static void assertPromoted(TestWorld world, Digest digest, String environment) {
        requireWorld(world);
        InvalidValueException.requireNonNull("digest", digest);
        Optional<Digest> current = world.current(environment);
        if (current.isEmpty() || !current.get().equals(digest)) {
            throw new AssertionFailedError("expected " + environment + " to run " + digest.shortForm() + " but it runs "
                    + current.map(Digest::shortForm).orElse("nothing") + "; its ledger entries: "
                    + types(world.engine().history(environment)), digest, current.orElse(null));
        }
        Place place = world.place(environment);
        byte[] bytes = world.store().bytes(place, digest).orElseThrow(() -> new AssertionFailedError(
                "the ledger says " + environment + " runs " + digest.shortForm() + " but " + place
                        + " does not hold its bytes"));
        Digest actual = Digest.of(bytes);
        if (!actual.equals(digest)) {
            throw new AssertionFailedError("the bytes of " + digest.shortForm() + " in " + place + " hash to "
                    + actual.shortForm() + ": they are corrupt", digest, actual);
        }
    }

    /** {@code environment} does not run {@code digest}. */
    public static void assertNotPromoted(TestWorld world, Digest digest, String environment) {
        requireWorld(world);
        InvalidValueException.requireNonNull("digest", digest);
        if (world.current(environment).filter(digest::equals).isPresent()) {
            throw new AssertionFailedError("expected " + environment + " not to run " + digest.shortForm()
                    + " but it does; its ledger entries: " + types(world.engine().history(environment)));
        }
    }

    /** The promotion was {@code DENIED}, and statement {@code statementId} was among those that denied it. */
    public static void assertDenied(PromotionResult result, String statementId) {
        requireResult(result);
        InvalidValueException.requireNonNull("statementId", statementId);
        List<String> denying = ids(result.decision().results(Verdict.DENIES));
        if (result.status() != PromotionResult.Status.DENIED || !denying.contains(statementId)) {
            throw new AssertionFailedError("expected " + describe(result) + " to be DENIED by '" + statementId
                    + "' but it was " + result.status() + (denying.isEmpty() ? "" : ", denied by " + denying) + ": "
                    + result.decision().summary());
        }
    }

    /**
     * The promotion is {@code PENDING}, and each of {@code missing} (statement ids) is among the
     * requirements still unmet. With no ids, only the status is checked.
     */
    public static void assertPending(PromotionResult result, String... missing) {
        requireResult(result);
        List<String> unmet = ids(result.decision().results(Verdict.UNMET));
        List<String> absent = Arrays.stream(missing).filter(id -> !unmet.contains(id)).toList();
        if (result.status() != PromotionResult.Status.PENDING || !absent.isEmpty()) {
            throw new AssertionFailedError("expected " + describe(result) + " to be PENDING on " + Arrays.toString(missing)
                    + " but it was " + result.status() + (unmet.isEmpty() ? "" : ", unmet: " + unmet) + ": "
                    + result.decision().summary());
        }
    }

    /**
     * The ledger holds entries of {@code types} in this order, not necessarily adjacent: e.g.
     * {@code DECIDED, LEASED, FAILED} for a promotion that failed after its decision.
     */
    public static void assertLedgerContainsInOrder(Ledger ledger, EntryType... types) {
        InvalidValueException.requireNonNull("ledger", ledger);
        List<EntryType> actual = types(ledger.read(1));
        int next = 0;
        for (EntryType type : actual) {
            if (next < types.length && types[next] == type) {
                next++;
            }
        }
        if (next < types.length) {
            throw new AssertionFailedError("expected the ledger to contain " + Arrays.toString(types)
                    + " in this order, but " + types[next] + " is missing after " + Arrays.toString(
                            Arrays.copyOf(types, next)) + "; the ledger holds " + actual, List.of(types), actual);
        }
    }

    /** Like {@link #assertLedgerContainsInOrder(Ledger, EntryType...)} for the world's ledger. */
    public static void assertLedgerContainsInOrder(TestWorld world, EntryType... types) {
        assertLedgerContainsInOrder(requireWorld(world).ledger(), types);
    }

    /** The ledger's hash chain verifies from the first entry to the last. */
    public static void assertChainIntact(Ledger ledger) {
        InvalidValueException.requireNonNull("ledger", ledger);
        ChainReport report = ledger.verify();
        if (!report.ok()) {
            throw new AssertionFailedError("expected the ledger's hash chain to be intact but " + report.summary());
        }
    }

    /** Like {@link #assertChainIntact(Ledger)} for the world's ledger. */
    public static void assertChainIntact(TestWorld world) {
        assertChainIntact(requireWorld(world).ledger());
    }

    private static List<String> ids(List<StatementResult> results) {
        List<String> out = new ArrayList<>(results.size());
        results.forEach(r -> out.add(r.statementId()));
        return out;
    }

    private static List<EntryType> types(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::type).collect(Collectors.toList());
    }

    private static String describe(PromotionResult result) {
        return "promotion of " + result.digest().shortForm() + " into " + result.target();
    }

    private static PromotionResult requireResult(PromotionResult result) {
        return InvalidValueException.requireNonNull("result", result);
    }

    private static TestWorld requireWorld(TestWorld world) {
        return InvalidValueException.requireNonNull("world", world);
    }
}
