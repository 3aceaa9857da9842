package dev.airlock.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.Signers;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.SigningConfiguration;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.internal.guardrail.Durations;
import dev.airlock.internal.promotion.Attestations;
import dev.airlock.internal.promotion.Attestor;
import dev.airlock.internal.promotion.Checkpoints;
import dev.airlock.internal.promotion.Details;
import dev.airlock.internal.promotion.Drafts;
import dev.airlock.internal.promotion.GateAsker;
import dev.airlock.internal.promotion.LedgerView;
import dev.airlock.internal.promotion.LedgerWriter;
import dev.airlock.internal.promotion.PromotionRun;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Backend;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.Gate;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.PromotionListener;
import dev.airlock.spi.Signer;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Promotes artifacts by digest through a landscape's environments under guardrails, recording
 * every step in the ledger. Thread-safe; several engines (in several processes) may share one
 * ledger, which serializes them by compare-and-set.
 *
 * <p>A promotion: decide (recorded {@code DECIDED}; stops unless allowed) → take the target's lease
 * ({@code LEASED}, with a fencing token) → open access → transfer by digest and verify at the
 * target ({@code TRANSFERRED}) → move the environment's digest ({@code PROMOTED}) → release
 * ({@code RELEASED}). A failure after the decision records {@code FAILED} and throws
 * {@link PromotionFailedException}; {@code PROMOTED} is never written unless the target verified.
 */
public final class PromotionEngine {
    private final PromotionRun run;
    private final LedgerWriter writer;
    private final Landscape landscape;
    private final Guardrails guardrails;
    private final ArtifactStore store;
    private final Ledger ledger;
    private final Duration maxClockSkew;
    private final Attestations attestations;
    private final Attestor attestor;
    private final Duration pendingExpiry;
    private final Clock clock;

    private PromotionEngine(Builder b) {
        this.landscape = Objects.requireNonNull(b.landscape, "landscape");
        this.guardrails = Objects.requireNonNull(b.guardrails, "guardrails");
        this.store = Objects.requireNonNull(b.store, "store");
        this.ledger = Objects.requireNonNull(b.ledger, "ledger");
        this.attestations = new Attestations(b.keyring, b.maxClockSkew, b.ledgerKeyOwner);
        this.attestor = new Attestor(b.signers, attestations, b.clock);
        Signer ledgerSigner = b.ledgerKeyOwner == null ? null : b.signers.signerFor(b.ledgerKeyOwner).orElse(null);
        // Where checkpoints must be signed, a process without the ledger's key writes none rather than unsigned
        // ones a cold start would ignore (and that would take the place of a signed one).
        int interval = b.ledgerKeyOwner != null && ledgerSigner == null ? 0 : b.checkpointInterval;
        this.writer = new LedgerWriter(ledger, b.clock, b.listeners, interval, b.maxClockSkew, b.authenticator,
                attestations, ledgerSigner);
        this.maxClockSkew = b.maxClockSkew;
        this.pendingExpiry = b.pendingExpiry;
        this.clock = b.clock;
        this.run = new PromotionRun(landscape, guardrails, store, Objects.requireNonNull(b.access, "access"), writer,
                b.clock, b.leaseDuration, new GateAsker(b.gates, b.gateTimeout), attestor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How long a decision waits for its gates unless {@link Builder#gateTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_GATE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The longest {@link Builder#gateTimeout(Duration)}: a caller waits this long before its promotion is even
     * decided, and a gate that needs longer should answer pending and be asked again.
     */
    public static final Duration MAX_GATE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Why {@code timeout} cannot be an engine's gate timeout, or null when it can: it must be positive and at
     * most {@link #MAX_GATE_TIMEOUT}. One rule for the builder and the configuration file.
     */
    public static @Nullable String gateTimeoutRule(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return "must be a positive duration";
        }
        return timeout.compareTo(MAX_GATE_TIMEOUT) > 0 ? "must be at most " + Durations.format(MAX_GATE_TIMEOUT)
                + ": every promote and plan waits this long for its gates before it is decided" : null;
    }

    /** How long a pending request stays wanted unless {@link Builder#pendingExpiry(Duration)} says otherwise. */
    public static final Duration DEFAULT_PENDING_EXPIRY = Duration.ofDays(7);

    /**
     * Uploads built bytes to the origin and records the artifact (build once). Registering the same
     * name, version and bytes again returns the existing record.
     *
     * @throws ImmutabilityViolationException if the name and version already name other bytes; the refused bytes
     *                                        are not kept where the store checks before it publishes (every store
     *                                        Airlock ships does; see {@link ArtifactStore#upload(InputStream, String,
     *                                        java.util.function.Consumer)})
     */
    public Artifact register(ArtifactRegistration registration, InputStream content, Principal principal) {
        // Refused before the store publishes the bytes, so a refused registration leaves nothing behind.
        ArtifactStore.Upload upload = store.upload(content, registration.mediaType(), offered -> writer.read(
                view -> view.digestOf(registration.name(), registration.version())).filter(existing ->
                        !existing.equals(offered.digest())).ifPresent(existing -> {
                            throw new ImmutabilityViolationException(registration.name(), registration.version(),
                                    existing, offered.digest());
                        }));
        Artifact artifact = new Artifact(registration.name(), registration.version(), registration.kind(),
                upload.digest(), upload.size(), registration.mediaType(), registration.provenance());
        String provenance = attestor.provenance(artifact);
        return writer.read(view -> view.digestOf(artifact.name(), artifact.version())).flatMap(existing -> {
            if (!existing.equals(artifact.digest())) {
                throw new ImmutabilityViolationException(artifact.name(), artifact.version(), existing, artifact.digest());
            }
            // Registered already; again only when this registration brings the builder's signature the first lacked.
            boolean signsNow = provenance != null && !writer.read(view -> view.provenanceCounted(existing));
            return signsNow ? java.util.Optional.<Artifact>empty() : writer.read(view -> view.artifact(existing));
        }).orElseGet(() -> {
            writer.append(view -> view.digestOf(artifact.name(), artifact.version())
                    .filter(existing -> !existing.equals(artifact.digest()))
                    .ifPresent(existing -> {
                        throw new ImmutabilityViolationException(artifact.name(), artifact.version(), existing,
                                artifact.digest());
                    }), view -> Drafts.registered(artifact, principal.id(), provenance));
            return artifact;
        });
    }

    /** The registered artifact with this digest. */
    public Artifact artifact(Digest digest) {
        return writer.read(view -> view.artifact(digest))
                .orElseThrow(() -> new NotFoundException("no artifact with digest " + digest + " is registered"));
    }

    /** The digest registered under a name and version. */
    public Digest resolve(String name, String version) {
        return writer.read(view -> view.digestOf(name, version))
                .orElseThrow(() -> new NotFoundException("no artifact " + name + ":" + version + " is registered"));
    }

    /** The decision as of now and the steps a promotion would take; records nothing. */
    public Plan plan(PromotionCommand command) {
        return run.plan(command, false);
    }

    /**
     * "Would this pass at {@code at}?": the decision the guardrails would give at that instant, on the
     * ledger as it is now (approvals, verified reports, what runs where), and the steps a promotion would
     * take. Read-only: records nothing, and a claimed instant never reaches a write.
     */
    public Plan plan(PromotionCommand command, Instant at) {
        return run.plan(command, false, InvalidValueException.requireNonNull("at", at));
    }

    /**
     * Promotes, or records why not.
     *
     * @throws LeaseHeldException if another promotion holds the target's lease
     * @throws PromotionFailedException if a step failed after the promotion was allowed
     */
    public PromotionResult promote(PromotionCommand command) {
        return run.promote(command, false);
    }

    /**
     * Moves an environment back to the last digest verified there before the current one, through
     * the guardrails (as a rollback request) and recorded as {@code ROLLED_BACK}.
     */
    public PromotionResult rollback(String environment, Principal principal, String idempotencyKey) {
        landscape.require(environment);
        Digest target = writer.read(view -> previousVerified(view, environment)).orElseThrow(() ->
                new NotFoundException("environment '" + environment + "' has no earlier verified digest to roll back to"));
        return run.promote(PromotionCommand.builder(target, environment, principal).idempotencyKey(idempotencyKey)
                .build(), true);
    }

    /** Plans a rollback without doing it. */
    public Plan planRollback(String environment, Principal principal) {
        landscape.require(environment);
        Digest target = writer.read(view -> previousVerified(view, environment)).orElseThrow(() ->
                new NotFoundException("environment '" + environment + "' has no earlier verified digest to roll back to"));
        return run.plan(PromotionCommand.builder(target, environment, principal).build(), true);
    }

    private static java.util.Optional<Digest> previousVerified(LedgerView view, String environment) {
        Digest current = view.current(environment).orElse(null);
        List<Digest> history = view.promotedHistory(environment);
        for (int i = history.size() - 1; i >= 0; i--) {
            Digest candidate = history.get(i);
            if (!candidate.equals(current) && view.verifiedSince(candidate).containsKey(environment)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Continues a promotion whose promoter stopped (crashed) part-way, from its last recorded step. The request is
     * judged again as it was asked (its requester, source, attributes and break-glass), so carrying it on neither
     * loses nor gains anything the guardrails read; the requester's groups are those the configuration gives
     * (groups a caller claimed are not recorded, and none read from the ledger would be believed). The steps are
     * recorded for {@code principal}. Only the
     * promotion's initiator, or a member of one of the target environment's owner groups, may resume it.
     *
     * @throws AbortNotPermittedException when {@code principal} is neither
     */
    public PromotionResult resume(String promotionId, Principal principal) {
        return run.resume(promotionId, principal);
    }

    /**
     * Abandons an interrupted promotion, releasing its lease; the environment keeps what it ran. Only the
     * promotion's initiator, or a member of one of the target environment's owner groups
     * ({@link Environment#owners()}), may abort it.
     *
     * @throws AbortNotPermittedException when {@code principal} is neither
     */
    public void abort(String promotionId, Principal principal, String reason) {
        run.abort(promotionId, principal, reason);
    }

    /**
     * Records an approval of a digest for an environment, bound to the policy version that asks for
     * approvals there, and says whether it counts now (eligible group, not the initiator of the latest
     * promotion asked for, not a second approval by the same person, an approval requirement applies).
     * The guardrails decide again at promotion time; what counts then is what they say.
     */
    public ApprovalResult approve(Digest digest, String environment, Principal approver) {
        Environment target = landscape.require(environment);
        String policyVersion = guardrails.approvalPolicyVersion(target.name());
        String attestation = attestor.approval(artifact(digest), target.name(), policyVersion, approver.id());
        LedgerEntry entry = writer.append(Drafts.step(EntryType.APPROVED, approver.id(), target.name(), digest, null,
                Map.of(Details.POLICY_VERSION, policyVersion, Details.ATTESTATION, attestation)));
        return run.judgeApproval(new Approval(approver, digest, target.name(), policyVersion, entry.time()));
    }

    /**
     * Records that deploy tooling found {@code digest} healthy in {@code environment}; soak time
     * counts from the first such report.
     */
    public LedgerEntry markVerified(Digest digest, String environment, Principal reporter) {
        Environment target = landscape.require(environment);
        String attestation = attestor.verification(artifact(digest), target.name(), reporter.id());
        return writer.append(view -> {
            Digest current = view.current(target.name()).orElse(null);
            if (!digest.equals(current)) {
                throw new InvalidValueException("digest", digest, "is not what environment '" + target.name()
                        + "' runs (" + (current == null ? "nothing yet" : current) + "); only the running digest can be verified");
            }
        }, view -> Drafts.step(EntryType.VERIFIED, reporter.id(), target.name(), digest, null,
                Map.of(Details.ATTESTATION, attestation)));
    }

    /** What every environment runs, in landscape order. */
    public List<EnvironmentStatus> status() {
        return writer.read(view -> {
            List<EnvironmentStatus> out = new ArrayList<>();
            for (Environment env : landscape.environments()) {
                Digest current = view.current(env.name()).orElse(null);
                out.add(new EnvironmentStatus(env, current == null ? null : view.artifact(current).orElse(null),
                        view.currentSince(env.name()).orElse(null),
                        current == null ? null : view.verifiedSince(current).get(env.name()),
                        view.lease(env.name()).map(LedgerView.Lease::promotionId).orElse(null)));
            }
            return out;
        });
    }

    /**
     * The promotions decided {@code PENDING} that still wait (the target does not run the digest, and no
     * later attempt for the same digest and target replaced them), oldest first. Each one's
     * {@link PendingPromotion#plan()} judges it again, as asked (same source, attributes and break-glass), at
     * this engine's clock; listing and planning them costs no more than {@link #status()}: the view keeps each
     * waiting request as it was asked.
     */
    public List<PendingPromotion> pending() {
        return writer.read(LedgerView::waiting).stream().map(record -> new PendingPromotion(record.promotionId(),
                record.digest(), record.target(), record.source(), record.principal(),
                () -> run.plan(record.command(), record.rollback()))).toList();
    }

    /**
     * Withdraws a request decided {@code PENDING} (recorded {@code WITHDRAWN}): {@link #reconcile()} and retries
     * under its idempotency key no longer promote it. Only its initiator, or a member of one of the target
     * environment's owner groups, may withdraw it.
     *
     * @throws AbortNotPermittedException when {@code principal} is neither
     * @throws InvalidValueException      when the promotion is not a request that still waits
     */
    public void withdraw(String promotionId, Principal principal, String reason) {
        run.withdraw(promotionId, principal, reason);
    }

    /**
     * Finishes what waited: every request decided {@code PENDING} that is still wanted is decided again, as it was
     * asked (same principal, source, attributes, break-glass and idempotency key), and promoted if the guardrails
     * allow it now. A request is no longer wanted once withdrawn, once its target moved after it was decided
     * (another promotion or a rollback superseded it) or once it waited longer than
     * {@link Builder#pendingExpiry(Duration)}; those are reported, never promoted. Each request is judged once,
     * its gates asked as for a promotion (the answer it acts on); what is still pending or denied is reported
     * and records nothing, so running this every minute does not grow the ledger.
     *
     * <p>Safe to run from several processes or machines at once: each promotion goes through the request's
     * idempotency key and the target's lease, so a request is promoted once; the other runs report it
     * {@code BUSY} or {@code ALREADY_PROMOTED}. The entries are written for the request's initiator: where the
     * engine has an authenticator, a run promotes only the requests of the identity it runs as, and reports the
     * others {@code NOT_ITS_REQUESTER}.
     *
     * @return one answer per waiting request, oldest first
     */
    public List<Reconciliation> reconcile() {
        List<Reconciliation> out = new ArrayList<>();
        for (LedgerView.PromotionRecord record : writer.read(LedgerView::waiting)) {
            out.add(reconcile(record));
        }
        return out;
    }

    private Reconciliation reconcile(LedgerView.PromotionRecord record) {
        String id = record.promotionId();
        Instant decidedAt = Objects.requireNonNull(record.asked(), "a waiting request keeps what it asked").decidedAt();
        if (decidedAt.plus(pendingExpiry).isBefore(clock.instant())) {
            return new Reconciliation(id, record.digest(), record.target(), Reconciliation.Action.EXPIRED,
                    "waited since " + decidedAt + ", longer than the pending expiry of " + pendingExpiry, null);
        }
        // One read for both: another run promoting in between must read as "already", never as "superseded".
        Map.Entry<Digest, Instant> runs = writer.read(view -> view.current(record.target())
                .map(digest -> Map.entry(digest, view.currentSince(record.target()).orElseThrow())).orElse(null));
        if (runs != null && record.digest().equals(runs.getKey())) {
            // The list was read before another run (or a retry) promoted it.
            return new Reconciliation(id, record.digest(), record.target(), Reconciliation.Action.ALREADY_PROMOTED,
                    "'" + record.target() + "' runs " + record.digest().shortForm() + " already", null);
        }
        if (runs != null && runs.getValue().isAfter(decidedAt)) {
            return new Reconciliation(id, record.digest(), record.target(), Reconciliation.Action.SUPERSEDED,
                    "'" + record.target() + "' moved to " + runs.getKey().shortForm() + " at " + runs.getValue()
                            + ", after this request was decided", null);
        }
        String notFor = writer.whyNotFor(record.principal());
        if (notFor != null) {
            return new Reconciliation(id, record.digest(), record.target(), Reconciliation.Action.NOT_ITS_REQUESTER,
                    notFor, null);
        }
        try {
            // Judged once, its gates asked as for a promotion; what is still not allowed records nothing.
            PromotionResult result = run.promote(record.command(), record.rollback(), id);
            if (result.status() == PromotionResult.Status.PENDING || result.status() == PromotionResult.Status.DENIED) {
                String missing = result.decision().results().stream()
                        .filter(r -> r.verdict() == Verdict.UNMET || r.verdict() == Verdict.DENIES)
                        .map(r -> r.statementId() + ": " + r.reason()).collect(java.util.stream.Collectors.joining("; "));
                return new Reconciliation(id, record.digest(), record.target(),
                        result.status() == PromotionResult.Status.DENIED ? Reconciliation.Action.DENIED
                                : Reconciliation.Action.STILL_PENDING, missing, null);
            }
            return new Reconciliation(id, record.digest(), record.target(),
                    result.status() == PromotionResult.Status.PROMOTED ? Reconciliation.Action.PROMOTED
                            : Reconciliation.Action.ALREADY_PROMOTED, "as promotion " + result.promotionId(), result);
        } catch (PromotionConflictException busy) {
            return new Reconciliation(id, record.digest(), record.target(), Reconciliation.Action.BUSY,
                    busy.getMessage(), null);
        } catch (PromotionFailedException failed) {
            return new Reconciliation(id, record.digest(), record.target(), Reconciliation.Action.FAILED,
                    failed.getMessage(), null);
        }
    }

    /** Every registered artifact, in the order it was registered. */
    public List<Artifact> artifacts() {
        return writer.read(LedgerView::artifacts);
    }

    /** Where {@code digest} was reported verified, and since when (the first report in each environment). */
    public Map<String, Instant> verifiedSince(Digest digest) {
        return writer.read(view -> Map.copyOf(view.verifiedSince(digest)));
    }

    /**
     * Ledger entries concerning an environment, oldest first, from a chain verified as it is read.
     *
     * @throws LedgerTamperedException when the chain is broken
     */
    public List<LedgerEntry> history(String environment) {
        landscape.require(environment);
        return history().stream().filter(e -> environment.equals(e.environment())).toList();
    }

    /** Every entry, from a chain verified as it is read. */
    private List<LedgerEntry> history() {
        writer.read(LedgerView::head); // the tail extends the newest checkpoint: nothing was cut from the end
        List<LedgerEntry> entries = ledger.read(1);
        ChainReport report = LedgerChain.verify(entries);
        if (!report.ok()) {
            throw writer.tampered(new LedgerTamperedException(report.brokenLink()));
        }
        return entries;
    }

    /**
     * The ledger's last entry, as this engine verified it: publish it somewhere the ledger's writers
     * cannot change, and later {@link #verifyLedger(LedgerHead)} against it to prove nothing was cut
     * from the end or rewritten.
     *
     * @throws LedgerTamperedException when the chain is broken
     */
    public LedgerHead head() {
        return writer.read(LedgerView::head);
    }

    /**
     * Walks the whole ledger as stored now, from its first entry, and checks every checkpoint on the
     * way (its entry, and the state the entries up to it produce). The report names the first broken
     * link; a broken one is also told to listeners ({@link PromotionListener#onTampering}), as when the
     * engine meets the break in its own reads.
     */
    public ChainReport verifyLedger() {
        return audit(() -> Checkpoints.audit(ledger, null, maxClockSkew, attestations));
    }

    /** Like {@link #verifyLedger()}, and also against a head known from elsewhere: truncation and rewrites show. */
    public ChainReport verifyLedger(LedgerHead expectedHead) {
        InvalidValueException.requireNonNull("expectedHead", expectedHead);
        return audit(() -> Checkpoints.audit(ledger, expectedHead, maxClockSkew, attestations));
    }

    /**
     * Verifies only the newest checkpoint against its entry and the entries after it: what a cold start
     * relies on, at a cost that does not grow with the history. The report counts the entries after
     * the checkpoint.
     */
    public ChainReport verifyLedgerTail() {
        return audit(() -> Checkpoints.auditTail(ledger, attestations));
    }

    /** Runs an audit; a break it reports, or meets reading the storage (a forged checkpoint file), is told. */
    private ChainReport audit(java.util.function.Supplier<ChainReport> audit) {
        try {
            return writer.audited(audit.get());
        } catch (LedgerTamperedException e) {
            throw writer.tampered(e);
        }
    }

    /**
     * Writes a checkpoint at the ledger's current head, unless one is there already (the engine also
     * writes one every {@link Builder#checkpointInterval(int)} entries).
     *
     * @return the checkpoint stored at the head
     * @throws InvalidValueException when the ledger is empty
     */
    public Checkpoint checkpoint() {
        return writer.checkpoint();
    }

    public Landscape landscape() {
        return landscape;
    }

    /** Configures an engine; landscape, guardrails, store, access and ledger are required. */
    public static final class Builder {
        private Landscape landscape;
        private Guardrails guardrails;
        private ArtifactStore store;
        private EnvironmentAccess access;
        private Ledger ledger;
        private Clock clock = Clock.systemUTC();
        private final List<PromotionListener> listeners = new ArrayList<>(List.of(new LoggingListener()));
        private final Map<String, Gate> gates = new java.util.TreeMap<>();
        private Duration gateTimeout = DEFAULT_GATE_TIMEOUT;
        private Duration leaseDuration = Duration.ofMinutes(15);
        private int checkpointInterval = 1_000;
        private Duration maxClockSkew = LedgerChain.DEFAULT_MAX_CLOCK_SKEW;
        private @Nullable Authenticator authenticator;
        private Keyring keyring = Keyring.EMPTY;
        private Signers signers = Signers.NONE;
        private @Nullable String ledgerKeyOwner;
        private Duration pendingExpiry = DEFAULT_PENDING_EXPIRY;

        private Builder() {
        }

        /**
         * The public keys attestations are verified against, each bound to the principal or builder it
         * speaks for. An approval, a verification or a provenance counts only when its signature verifies
         * against a key bound to its owner; the default, no keys, counts none.
         */
        public Builder keyring(Keyring keyring) {
            this.keyring = Objects.requireNonNull(keyring, "keyring");
            return this;
        }

        /**
         * What a configuration file decides: its landscape and guardrails, the keys its {@code signing} section
         * names, its gates (each secret read from the process environment; a gate whose secret is not set stays
         * pending) and its gate timeout, with the ports of {@code backend}. Who acts ({@link #authenticator}),
         * the clock and the listeners stay the caller's to choose.
         */
        public Builder configuration(AirlockConfiguration configuration, Backend backend) {
            return configuration(configuration, backend, System::getenv);
        }

        /**
         * Like {@link #configuration(AirlockConfiguration, Backend)}, with the gates' secrets read through
         * {@code secrets} (the variable a gate names to its value, or null) instead of the process environment.
         */
        public Builder configuration(AirlockConfiguration configuration, Backend backend,
                Function<String, @Nullable String> secrets) {
            landscape(configuration.landscape()).guardrails(configuration.guardrails()).backend(backend)
                    .signing(configuration.signing(), backend).gateTimeout(configuration.gateTimeout());
            configuration.gates().forEach(gate -> gate(gate.openOrPending(secrets)));
            return this;
        }

        /**
         * The keyring, signers and ledger key a configuration's {@code signing} section names; keys held
         * remotely (KMS) sign through {@code backend}.
         */
        public Builder signing(SigningConfiguration signing, Backend backend) {
            keyring(signing.keyring()).signers(signing.signers(backend::remoteSigner));
            signing.ledgerKeyOwner().ifPresent(this::ledgerKeyOwner);
            return this;
        }

        /** The keys this process signs with, found by owner. Default none: approving and verifying are refused. */
        public Builder signers(Signers signers) {
            this.signers = Objects.requireNonNull(signers, "signers");
            return this;
        }

        /**
         * The keyring owner whose keys sign checkpoints. A cold start then trusts only a checkpoint signed
         * by one of them, and a process without that key writes no checkpoints. Default none: checkpoints
         * are unsigned, and whoever may write them can make a cold start believe a forged state (a full
         * {@link PromotionEngine#verifyLedger()} still finds it).
         */
        public Builder ledgerKeyOwner(String owner) {
            this.ledgerKeyOwner = InvalidValueException.requireNonNull("ledgerKeyOwner", owner);
            return this;
        }

        /**
         * How long a request decided {@code PENDING} stays wanted: {@link #reconcile()} promotes no request older
         * than this, so a forgotten request cannot reach an environment weeks later, when nobody expects it. Ask
         * again to promote it after that. Default 7 days: long enough for a production soak and a weekend of
         * approvals, short enough that what ships is still what was asked for.
         */
        public Builder pendingExpiry(Duration pendingExpiry) {
            if (pendingExpiry == null || pendingExpiry.isNegative() || pendingExpiry.isZero()) {
                throw new InvalidValueException("pendingExpiry", pendingExpiry, "must be positive");
            }
            this.pendingExpiry = pendingExpiry;
            return this;
        }

        /**
         * Who acts, established once, before the first entry is written: every entry then records the
         * evidence ({@code authenticatedBy}, {@code caller}, and {@code unauthenticated: true} where the
         * configuration declares identities unauthenticated), and where the principal is authenticated,
         * the engine writes for no other principal. Without one, entries record no evidence and the
         * caller vouches for the principals it passes. {@link #backend(Backend)} does not set it: an
         * authenticator may call remote services, so the application decides.
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        public Builder landscape(Landscape landscape) {
            this.landscape = landscape;
            return this;
        }

        public Builder guardrails(Guardrails guardrails) {
            this.guardrails = guardrails;
            return this;
        }

        public Builder store(ArtifactStore store) {
            this.store = store;
            return this;
        }

        public Builder access(EnvironmentAccess access) {
            this.access = access;
            return this;
        }

        public Builder ledger(Ledger ledger) {
            this.ledger = ledger;
            return this;
        }

        /** The store, access and ledger of one backend; closing it stays the caller's job. */
        public Builder backend(Backend backend) {
            backend.listeners().forEach(this::listener);
            return store(backend.artifactStore()).access(backend.environmentAccess()).ledger(backend.ledger());
        }

        /** The clock for every timestamp and decision; inject a controllable one in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds an external gate that {@code gate} statements name by {@link Gate#name()}.
         *
         * @throws InvalidValueException when a gate of that name was added already (by
         *                               {@link #configuration} too): one gate silently replacing another, such as
         *                               the file's HTTP gate, would decide on an answer nobody configured
         */
        public Builder gate(Gate gate) {
            String name = Objects.requireNonNull(gate, "gate").name();
            if (gates.putIfAbsent(name, gate) != null) {
                throw new InvalidValueException("gate", name, "was added already; each gate name is answered by one gate");
            }
            return this;
        }

        /**
         * How long a decision waits for its gates, all asked at once ({@link #DEFAULT_GATE_TIMEOUT} unless set,
         * at most {@link #MAX_GATE_TIMEOUT}); a gate that has not answered by then counts as pending.
         */
        public Builder gateTimeout(Duration timeout) {
            String rule = gateTimeoutRule(Objects.requireNonNull(timeout, "gateTimeout"));
            if (rule != null) {
                throw new InvalidValueException("gateTimeout", Durations.format(timeout), rule);
            }
            this.gateTimeout = timeout;
            return this;
        }

        /** Adds a listener told about every ledger entry. The SLF4J logging listener is always present. */
        public Builder listener(PromotionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How long a lease protects a promotion before another may take the environment over (its
         * writes are then refused by the fencing token). Default 15 minutes.
         */
        public Builder leaseDuration(Duration leaseDuration) {
            if (leaseDuration.isNegative() || leaseDuration.isZero()) {
                throw new InvalidValueException("leaseDuration", leaseDuration, "must be positive");
            }
            this.leaseDuration = leaseDuration;
            return this;
        }

        /**
         * Write a checkpoint after every entry whose sequence is a multiple of {@code entries}, so a cold
         * start reads the newest checkpoint and at most that many entries instead of the whole history.
         * Lower it for faster cold starts on a busy ledger, at the cost of a checkpoint write more often;
         * 0 writes none (every cold start replays from the first entry). Default 1,000.
         */
        public Builder checkpointInterval(int entries) {
            if (entries < 0) {
                throw new InvalidValueException("checkpointInterval", entries, "must be 0 (never) or positive");
            }
            this.checkpointInterval = entries;
            return this;
        }

        /**
         * How much earlier than the ledger's last entry this engine's clock may be before it refuses to
         * write. Several machines share a ledger and their clocks differ a little; a time much earlier
         * than the last entry's is a claimed time or a broken clock, and an entry dated before its
         * predecessor would let soak, approval expiry, windows and leases be judged on a time that
         * never was. {@link #verifyLedger()} reports such an entry as
         * {@link dev.airlock.ledger.BrokenLink.Kind#TIME_REVERSED}. Default 5 minutes: NTP keeps clocks
         * within well under a second of each other, so only a wrong clock trips it, while a
         * briefly unsynchronized machine still writes.
         */
        public Builder maxClockSkew(Duration maxClockSkew) {
            if (maxClockSkew == null || maxClockSkew.isNegative()) {
                throw new InvalidValueException("maxClockSkew", maxClockSkew, "must be zero or positive");
            }
            this.maxClockSkew = maxClockSkew;
            return this;
        }

        public PromotionEngine build() {
            return new PromotionEngine(this);
        }
    }
}
