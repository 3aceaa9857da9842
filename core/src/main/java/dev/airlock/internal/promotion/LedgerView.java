package dev.airlock.internal.promotion;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.Verification;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.UncountedAttestation;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.spi.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine knows, derived from the ledger alone: the ledger is the single source of
 * truth, and this view is a projection caught up incrementally by reading only new entries. Not
 * thread-safe; the engine guards it with one lock.
 */
public final class LedgerView {

    /** The lease an environment is under: who holds it, its fencing token, and until when. */
    public record Lease(String promotionId, long token, Instant expiresAt) {
    }

    /**
     * What the ledger says about one promotion attempt.
     *
     * @param asked the request as its DECIDED entry recorded it, kept while it may be judged again (allowed and
     *              not yet ended: resumed; pending: reconciled); null for a denied request and once the attempt
     *              ended, so the view and its checkpoints do not keep every request ever asked
     */
    public record PromotionRecord(String promotionId, String idempotencyKey, Digest digest, String target,
            @Nullable String source, String principal, boolean rollback, EntryType lastStep,
            @Nullable String outcome, @Nullable Asked asked) {
        /** Finished: promoted and released, or stopped (denied, pending, failed, aborted, withdrawn). */
        public boolean finished() {
            return ends(lastStep) || (lastStep == EntryType.DECIDED && !"ALLOWED".equals(outcome));
        }

        private static boolean ends(EntryType step) {
            return step == EntryType.RELEASED || step == EntryType.FAILED || step == EntryType.ABORTED
                    || step == EntryType.WITHDRAWN;
        }

        /** The request as it was asked: same principal, source, key, attributes and break-glass. */
        public PromotionCommand command() {
            PromotionCommand.Builder command = PromotionCommand.builder(digest, target, Principal.of(principal))
                    .from(source).idempotencyKey(idempotencyKey);
            if (asked != null) {
                command.attributes(asked.attributes());
                if (asked.justification() != null) {
                    command.breakGlass(asked.justification());
                }
            }
            return command.build();
        }

        PromotionRecord step(EntryType step) {
            return new PromotionRecord(promotionId, idempotencyKey, digest, target, source, principal, rollback,
                    step, outcome, ends(step) ? null : asked);
        }
    }

    /**
     * What a request asked besides its digest and target, and when it was decided.
     *
     * @param justification the break-glass justification; null when the request did not break the glass
     */
    public record Asked(Map<String, String> attributes, @Nullable String justification, Instant decidedAt) {
        public Asked {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    // Package-private for ViewState, which writes and restores checkpoints of this view.
    final Attestations attestations;
    @Nullable LedgerEntry last;
    final Map<Digest, Artifact> artifacts = new LinkedHashMap<>();
    final Map<String, Digest> byNameAndVersion = new LinkedHashMap<>();
    final Map<String, Digest> current = new LinkedHashMap<>();
    final Map<String, Instant> currentSince = new HashMap<>();
    final Map<String, List<Digest>> promotedHistory = new HashMap<>();
    final Map<Digest, Map<String, Instant>> verifiedSince = new HashMap<>();
    final Map<String, List<Approval>> approvals = new HashMap<>();
    final Map<String, Lease> leases = new HashMap<>();
    final Map<String, Long> lastToken = new HashMap<>();
    final Map<String, PromotionRecord> promotions = new LinkedHashMap<>();
    final Map<String, List<String>> byIdempotencyKey = new HashMap<>();
    /** Attestations not counted, by digest: provenance, verifications and approvals, in ledger order. */
    final Map<Digest, List<UncountedAttestation>> uncounted = new HashMap<>();

    /** An empty view whose attestations are checked by {@code attestations}. */
    public LedgerView(Attestations attestations) {
        this.attestations = attestations;
    }

    /**
     * Reads whatever the ledger has beyond what this view has seen, verifies that it continues the chain
     * this view ends with, and applies it.
     *
     * @throws LedgerTamperedException when the new entries do not continue the chain, or the ledger now
     *                                 ends before entries this view has seen
     */
    public void catchUp(Ledger ledger) {
        LedgerHead head = head();
        long stored = ledger.lastSequence();
        if (stored < head.sequence()) {
            throw new LedgerTamperedException(new BrokenLink(stored + 1, stored + 1, BrokenLink.Kind.TRUNCATED,
                    "the ledger now ends at entry " + stored + " but entry " + head.sequence() + " was read before: "
                            + (head.sequence() == stored + 1 ? "entry " + head.sequence() + " is"
                                    : "entries " + (stored + 1) + " to " + head.sequence() + " are") + " missing"));
        }
        if (stored > head.sequence()) {
            applyVerified(head, ledger.read(head.sequence() + 1));
        }
    }

    /** Applies {@code entries} after checking that they continue the chain from {@code head}. */
    void applyVerified(LedgerHead head, List<LedgerEntry> entries) {
        ChainReport report = LedgerChain.verify(head, entries);
        if (!report.ok()) {
            throw new LedgerTamperedException(report.brokenLink());
        }
        entries.forEach(this::applyReadable);
    }

    /** The head of what this view has applied. */
    public LedgerHead head() {
        return last == null ? LedgerHead.empty() : LedgerHead.of(last);
    }

    /** Applies an entry read from the ledger; one the engine cannot read is reported by its sequence, as damage. */
    private void applyReadable(LedgerEntry entry) {
        try {
            apply(entry);
        } catch (RuntimeException e) {
            throw new LedgerTamperedException(new BrokenLink(entry.sequence(), entry.sequence(),
                    BrokenLink.Kind.UNREADABLE, "entry " + entry.sequence() + " (" + entry.type() + ") chains "
                            + "correctly but is not an entry Airlock writes (" + e.getMessage() + "): it was forged "
                            + "with recomputed hashes, or written by an incompatible version"));
        }
    }


    public @Nullable LedgerEntry last() {
        return last;
    }

    /** Applies one entry; entries must come in sequence order. */
    public void apply(LedgerEntry entry) {
        String env = entry.environment();
        Digest digest = entry.digest();
        switch (entry.type()) {
            case REGISTERED -> register(entry);
            case DECIDED -> decided(entry);
            case APPROVED -> {
                if (counted(entry, UncountedAttestation.Kind.APPROVAL)) {
                    approvals.computeIfAbsent(key(digest, env), k -> new ArrayList<>()).add(approval(entry));
                }
            }
            case LEASED -> {
                long token = Long.parseLong(entry.detail(Details.TOKEN));
                leases.put(env, new Lease(entry.promotionId(), token, Instant.parse(entry.detail(Details.EXPIRES_AT))));
                lastToken.put(env, token);
                step(entry);
            }
            case RELEASED, FAILED, ABORTED -> {
                Lease lease = leases.get(env);
                if (lease != null && lease.promotionId().equals(entry.promotionId())) {
                    leases.remove(env);
                }
                step(entry);
            }
            case TRANSFERRED, WITHDRAWN -> step(entry);
            case PROMOTED, ROLLED_BACK -> {
                current.put(env, digest);
                currentSince.put(env, entry.time());
                promotedHistory.computeIfAbsent(env, k -> new ArrayList<>()).add(digest);
                step(entry);
            }
            case VERIFIED -> {
                if (counted(entry, UncountedAttestation.Kind.VERIFICATION)) {
                    verifiedSince.computeIfAbsent(digest, d -> new HashMap<>()).putIfAbsent(env, entry.time());
                }
            }
        }
        last = entry;
    }

    private void register(LedgerEntry entry) {
        Provenance provenance = new Provenance(entry.detail(Details.SOURCE_REPOSITORY), entry.detail(Details.REVISION),
                entry.detail(Details.BUILD_ID), entry.detail(Details.BUILDER), Instant.parse(entry.detail(Details.BUILT_AT)));
        Artifact artifact = new Artifact(entry.detail(Details.NAME), entry.detail(Details.VERSION),
                ArtifactKind.parse(entry.detail(Details.KIND)), entry.digest(), Long.parseLong(entry.detail(Details.SIZE)),
                entry.detail(Details.MEDIA_TYPE), provenance);
        Digest digest = artifact.digest();
        Artifact known = artifacts.get(digest);
        if (known == null || !provenanceCounted(digest)) {
            Verification verification = attestations.check(entry);
            if (verification.counted()) {
                // A signed provenance replaces one that did not count: an unsigned registration made first
                // cannot keep the builder's own from counting.
                artifacts.put(digest, artifact);
                uncounted.computeIfPresent(digest, (d, list) -> without(list, UncountedAttestation.Kind.PROVENANCE));
            } else if (known == null) {
                artifacts.put(digest, artifact);
                remember(entry, UncountedAttestation.Kind.PROVENANCE, verification);
            }
        }
        byNameAndVersion.putIfAbsent(artifact.name() + ":" + artifact.version(), digest);
    }

    /** Checks the entry's attestation once, as it enters the view; one that does not count is remembered with why. */
    private boolean counted(LedgerEntry entry, UncountedAttestation.Kind kind) {
        Verification verification = attestations.check(entry);
        if (!verification.counted()) {
            remember(entry, kind, verification);
        }
        return verification.counted();
    }

    private void remember(LedgerEntry entry, UncountedAttestation.Kind kind, Verification verification) {
        uncounted.computeIfAbsent(entry.digest(), d -> new ArrayList<>()).add(new UncountedAttestation(kind,
                Attestations.owner(entry), entry.environment(), entry.time(), verification.reason()));
    }

    private static @Nullable List<UncountedAttestation> without(List<UncountedAttestation> list,
            UncountedAttestation.Kind kind) {
        List<UncountedAttestation> kept = new ArrayList<>(list);
        kept.removeIf(u -> u.kind() == kind);
        return kept.isEmpty() ? null : kept;
    }

    /** Whether the registered artifact's provenance was signed by its builder. */
    public boolean provenanceCounted(Digest digest) {
        return uncounted.getOrDefault(digest, List.of()).stream()
                .noneMatch(u -> u.kind() == UncountedAttestation.Kind.PROVENANCE);
    }

    /** The attestations about {@code digest} that were not counted, in ledger order. */
    public List<UncountedAttestation> uncounted(Digest digest) {
        return uncounted.getOrDefault(digest, List.of());
    }

    private void decided(LedgerEntry entry) {
        Map<String, String> attributes = new LinkedHashMap<>();
        entry.details().forEach((k, v) -> {
            if (k.startsWith(Details.ATTRIBUTE_PREFIX)) {
                attributes.put(k.substring(Details.ATTRIBUTE_PREFIX.length()), v);
            }
        });
        String justification = "true".equals(entry.detail(Details.BREAK_GLASS))
                ? entry.detail(Details.JUSTIFICATION) : null;
        PromotionRecord record = new PromotionRecord(entry.promotionId(), entry.detail(Details.IDEMPOTENCY_KEY),
                entry.digest(), entry.environment(), entry.detail(Details.SOURCE), entry.principal(),
                Boolean.parseBoolean(entry.detail(Details.ROLLBACK)), EntryType.DECIDED, entry.detail(Details.OUTCOME),
                "DENIED".equals(entry.detail(Details.OUTCOME)) ? null : new Asked(attributes, justification, entry.time()));
        promotions.put(record.promotionId(), record);
        byIdempotencyKey.computeIfAbsent(record.idempotencyKey(), k -> new ArrayList<>()).add(record.promotionId());
    }

    private void step(LedgerEntry entry) {
        PromotionRecord record = promotions.get(entry.promotionId());
        if (record != null) {
            promotions.put(record.promotionId(), record.step(entry.type()));
        }
    }

    private static Approval approval(LedgerEntry entry) {
        // The groups an entry records are a claim; only the configuration's groups make an approver eligible.
        return new Approval(Principal.of(entry.principal()), entry.digest(), entry.environment(),
                entry.detail(Details.POLICY_VERSION), entry.time());
    }

    private static String key(@Nullable Digest digest, @Nullable String environment) {
        return digest + "@" + environment;
    }

    public Optional<Artifact> artifact(Digest digest) {
        return Optional.ofNullable(artifacts.get(digest));
    }

    public Optional<Digest> digestOf(String name, String version) {
        return Optional.ofNullable(byNameAndVersion.get(name + ":" + version));
    }

    public Map<String, Digest> currentDigests() {
        return current;
    }

    public Optional<Digest> current(String environment) {
        return Optional.ofNullable(current.get(environment));
    }

    public Optional<Instant> currentSince(String environment) {
        return Optional.ofNullable(currentSince.get(environment));
    }

    /** Digests promoted into an environment, oldest first (rollbacks included). */
    public List<Digest> promotedHistory(String environment) {
        return promotedHistory.getOrDefault(environment, List.of());
    }

    public Map<String, Instant> verifiedSince(Digest digest) {
        return verifiedSince.getOrDefault(digest, Map.of());
    }

    public List<Approval> approvals(Digest digest, String environment) {
        return approvals.getOrDefault(key(digest, environment), List.of());
    }

    public Optional<Lease> lease(String environment) {
        return Optional.ofNullable(leases.get(environment));
    }

    public long lastToken(String environment) {
        return lastToken.getOrDefault(environment, 0L);
    }

    /** The latest promotion (not rollback) of {@code digest} into {@code environment}, if any was asked for. */
    public Optional<PromotionRecord> latestPromotion(Digest digest, String environment) {
        PromotionRecord latest = null;
        for (PromotionRecord record : promotions.values()) {
            if (!record.rollback() && record.digest().equals(digest) && record.target().equals(environment)) {
                latest = record;
            }
        }
        return Optional.ofNullable(latest);
    }

    public Optional<PromotionRecord> promotion(String promotionId) {
        return Optional.ofNullable(promotions.get(promotionId));
    }

    /** Attempts made under an idempotency key, oldest first. */
    public List<PromotionRecord> attempts(String idempotencyKey) {
        return byIdempotencyKey.getOrDefault(idempotencyKey, List.of()).stream().map(promotions::get).toList();
    }

    /**
     * The promotions still waiting: for each digest and target, the latest attempt, when it was decided
     * {@code PENDING} and the target does not run that digest since. Oldest first.
     */
    public List<PromotionRecord> waiting() {
        Map<String, PromotionRecord> latest = new LinkedHashMap<>();
        for (PromotionRecord record : promotions.values()) {
            String key = key(record.digest(), record.target());
            latest.remove(key); // a later attempt replaces it, and its place in the order
            latest.put(key, record);
        }
        return latest.values().stream()
                .filter(r -> r.lastStep() == EntryType.DECIDED && "PENDING".equals(r.outcome()))
                .filter(r -> !r.digest().equals(current.get(r.target())))
                .toList();
    }

    /** Every registered artifact, in the order it was registered. */
    public List<Artifact> artifacts() {
        return List.copyOf(artifacts.values());
    }
}
