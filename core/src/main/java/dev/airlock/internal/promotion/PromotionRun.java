package dev.airlock.internal.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.guardrail.UncountedAttestation;
import dev.airlock.internal.promotion.LedgerView.Lease;
import dev.airlock.internal.promotion.LedgerView.PromotionRecord;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.AbortNotPermittedException;
import dev.airlock.promotion.ApprovalResult;
import dev.airlock.promotion.LeaseHeldException;
import dev.airlock.promotion.LeaseLostException;
import dev.airlock.promotion.NotFoundException;
import dev.airlock.promotion.Plan;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionConflictException;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.GateRequest;
import dev.airlock.spi.Place;
import dev.airlock.spi.PromotionListener.LeaseWait;
import dev.airlock.spi.PromotionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The steps of a promotion, each recorded before the next begins, so that a crash at any point
 * leaves a ledger from which the promotion can be resumed or aborted.
 */
public final class PromotionRun {
    private final Landscape landscape;
    private final Guardrails guardrails;
    private final ArtifactStore store;
    private final EnvironmentAccess access;
    private final LedgerWriter writer;
    private final Clock clock;
    private final GateAsker gates;
    private final Duration leaseDuration;
    private final Attestor attestor;

    public PromotionRun(Landscape landscape, Guardrails guardrails, ArtifactStore store, EnvironmentAccess access,
            LedgerWriter writer, Clock clock, Duration leaseDuration, GateAsker gates, Attestor attestor) {
        this.gates = gates;
        this.attestor = attestor;
        this.landscape = landscape;
        this.guardrails = guardrails;
        this.store = store;
        this.access = access;
        this.writer = writer;
        this.clock = clock;
        this.leaseDuration = leaseDuration;
    }

    /** A request as the guardrails see it, with the facts they need. */
    private record Judged(PromotionRequest request, Decision decision, @Nullable Digest previous,
            Map<String, GateAnswer> gateAnswers) {
    }

    public Plan plan(PromotionCommand command, boolean rollback) {
        return plan(command, rollback, clock.instant());
    }

    /** The plan as the guardrails would judge it at {@code at}, on the ledger as it is now; records nothing. */
    public Plan plan(PromotionCommand command, boolean rollback, Instant at) {
        Judged judged = judge(command, rollback, at, "plan-" + UUID.randomUUID(), true);
        Environment target = judged.request().target();
        Digest digest = command.digest();
        List<String> steps = new ArrayList<>();
        steps.add("take the lease on " + target.name() + " (one promotion at a time, fenced)");
        steps.add("assume " + target.deployRole() + " as " + command.principal().id());
        // Already there only if the environment runs this digest and the store guarantees nobody replaced it;
        // the store is asked only then, since asking can cost calls.
        boolean present = digest.equals(judged.previous()) && store.isImmutable(Place.of(target));
        steps.add((present ? "find " : "copy ") + digest.shortForm() + " from the origin ("
                + landscape.accounts().tooling() + ") into " + target.name() + " (" + target.account() + ")"
                + (present ? ", already there" : ", " + judged.request().artifact().size() + " bytes"));
        steps.add("verify the digest of the bytes in " + target.name());
        steps.add("record " + (rollback ? "ROLLED_BACK" : "PROMOTED") + ": " + target.name() + " moves from "
                + (judged.previous() == null ? "nothing" : judged.previous().shortForm()) + " to " + digest.shortForm());
        steps.add("release the lease");
        return new Plan(judged.request(), judged.decision(), steps);
    }

    public PromotionResult promote(PromotionCommand command, boolean rollback) {
        return promote(command, rollback, null);
    }

    /**
     * @param reconsidering the waiting request this decides again (reconcile), or null for a new request: a
     *                      decision other than ALLOWED is then not recorded, so asking again every minute does not
     *                      grow the ledger, and the gates are asked about that request, under its id, so a gate
     *                      service sees one request asked again rather than a new one each time
     */
    public PromotionResult promote(PromotionCommand command, boolean rollback, @Nullable String reconsidering) {
        PromotionResult done = writer.read(view -> alreadyDone(view, command));
        if (done != null) {
            return done;
        }
        String promotionId = UUID.randomUUID().toString();
        String target = command.target();
        long asked = System.nanoTime();
        try {
            // Before the gates are asked: they are told a promotion goes ahead, and may act on it.
            writer.read(view -> {
                requireLeaseFree(view, target, null);
                return null;
            });
        } catch (LeaseHeldException held) {
            // Refused before deciding: nothing was recorded, but the wait was real for whoever asked.
            writer.notifyLeaseWait(new LeaseWait(promotionId, target, LeaseWait.Result.HELD, since(asked)));
            throw held;
        }
        Judged judged = judge(command, rollback, clock.instant(), reconsidering == null ? promotionId : reconsidering,
                false);
        Outcome outcome = judged.decision().outcome();
        if (reconsidering != null && outcome != Outcome.ALLOWED) {
            return result(promotionId, outcome == Outcome.DENIED ? Status.DENIED : Status.PENDING, judged, 0);
        }
        // Signed before anything is recorded: a break-glass request nobody can be held to is refused.
        String breakGlass = command.breakGlass() ? attestor.breakGlass(judged.request().artifact(), target,
                command.principal().id(), command.justification()) : null;
        writer.append(view -> {
            if (alreadyDone(view, command) != null) {
                throw new PromotionConflictException("promotion with idempotency key '" + command.idempotencyKey()
                        + "' was started concurrently; retry to see its result");
            }
        }, view -> Drafts.decided(promotionId, command.idempotencyKey(), judged.request(), judged.decision(),
                judged.gateAnswers(), guardrails.approvers(target), breakGlass));
        if (outcome != Outcome.ALLOWED) {
            return result(promotionId, outcome == Outcome.DENIED ? Status.DENIED : Status.PENDING, judged, 0);
        }
        return execute(promotionId, judged, command.principal(), rollback, false);
    }

    /** From the lease to the release; {@code transferred} skips nothing but the record of a past transfer. */
    private PromotionResult execute(String promotionId, Judged judged, Principal principal, boolean rollback,
            boolean transferred) {
        Environment target = judged.request().target();
        Digest digest = judged.request().artifact().digest();
        long token;
        try {
            token = takeLease(promotionId, target.name(), principal, digest, judged.previous());
        } catch (PromotionConflictException busy) {
            // Another promotion holds the environment, or moved it since our decision: end this attempt
            // visibly, so a retry under the same idempotency key decides afresh.
            writer.append(Drafts.failed(principal.id(), target.name(), digest, promotionId, "take the lease", busy));
            throw busy;
        }
        long bytes = 0;
        String step = "open access to " + target.name();
        try (AccessSession session = access.open(target, new AccessContext(promotionId, principal.id(), digest))) {
            step = "transfer " + digest.shortForm() + " into " + target.name();
            ArtifactStore.Transfer transfer = store.transfer(digest, Place.of(target), session, (done, total) ->
                    writer.progress(new PromotionListener.Progress(promotionId, target.name(), digest, done, total)));
            bytes = transfer.bytesCopied();
            step = "verify " + digest.shortForm() + " in " + target.name();
            store.verify(digest, Place.of(target), session);
            if (!transferred) {
                appendFenced(promotionId, target.name(), token, Drafts.step(EntryType.TRANSFERRED, principal.id(),
                        target.name(), digest, promotionId, Map.of(Details.BYTES_COPIED, Long.toString(bytes),
                                Details.ALREADY_PRESENT, Boolean.toString(transfer.alreadyPresent()))), null);
            }
        } catch (LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            fail(promotionId, target.name(), token, principal, digest, step, e);
        }
        Digest previous = judged.previous();
        appendFenced(promotionId, target.name(), token, Drafts.step(rollback ? EntryType.ROLLED_BACK : EntryType.PROMOTED,
                principal.id(), target.name(), digest, promotionId, previous == null ? Map.of(Details.TOKEN,
                        Long.toString(token)) : Map.of(Details.TOKEN, Long.toString(token), Details.PREVIOUS_DIGEST,
                        previous.value())), previous);
        release(promotionId, target.name(), token, principal, digest);
        return result(promotionId, Status.PROMOTED, judged, bytes);
    }

    /**
     * Takes the lease only while the environment still runs {@code decidedOn}, the digest the decision
     * saw: under the lease nobody else moves it, so the final compare-and-set cannot fail for a
     * promotion that reached it.
     */
    private long takeLease(String promotionId, String environment, Principal principal, Digest digest,
            @Nullable Digest decidedOn) {
        long asked = System.nanoTime();
        LedgerEntry leased;
        try {
            leased = appendLease(promotionId, environment, principal, digest, decidedOn);
        } catch (PromotionConflictException refused) {
            writer.notifyLeaseWait(new LeaseWait(promotionId, environment, refused instanceof LeaseHeldException
                    ? LeaseWait.Result.HELD : LeaseWait.Result.CONFLICT, since(asked)));
            throw refused;
        }
        writer.notifyLeaseWait(new LeaseWait(promotionId, environment, LeaseWait.Result.TAKEN, since(asked)));
        return Long.parseLong(leased.detail(Details.TOKEN));
    }

    /**
     * Elapsed time on the JVM's monotonic timer, not the engine's clock: that clock may stand still (a
     * fixed or manual clock) while a lease is really waited for.
     */
    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private LedgerEntry appendLease(String promotionId, String environment, Principal principal, Digest digest,
            @Nullable Digest decidedOn) {
        return writer.append(view -> {
            requireLeaseFree(view, environment, promotionId);
            Digest current = view.current(environment).orElse(null);
            if (!Objects.equals(current, decidedOn)) {
                throw new PromotionConflictException("environment '" + environment + "' moved from "
                        + (decidedOn == null ? "nothing" : decidedOn.shortForm()) + " to "
                        + (current == null ? "nothing" : current.shortForm()) + " after promotion " + promotionId
                        + " was decided; retry to decide again");
            }
        }, view -> {
            long token = view.lastToken(environment) + 1;
            return Drafts.step(EntryType.LEASED, principal.id(), environment, digest, promotionId, Map.of(
                    Details.TOKEN, Long.toString(token),
                    Details.EXPIRES_AT, clock.instant().plus(leaseDuration).toString()));
        });
    }

    /** Free, expired, or held by {@code promotionId} itself (taking over after a crash). */
    private void requireLeaseFree(LedgerView view, String environment, @Nullable String promotionId) {
        Lease lease = view.lease(environment).orElse(null);
        if (lease != null && !lease.promotionId().equals(promotionId) && lease.expiresAt().isAfter(clock.instant())) {
            writer.notifyLeaseConflict(environment, lease.promotionId());
            throw new LeaseHeldException(environment, lease.promotionId(), lease.expiresAt());
        }
    }

    /**
     * Appends only while {@code token} is still the environment's lease (fencing) and, when
     * {@code expectedCurrent} is given, while the environment still runs it (compare-and-set).
     */
    private void appendFenced(String promotionId, String environment, long token, LedgerEntry.Draft draft,
            @Nullable Digest expectedCurrent) {
        writer.append(view -> {
            Lease lease = view.lease(environment).orElse(null);
            if (lease == null || lease.token() != token || !lease.promotionId().equals(promotionId)) {
                throw new LeaseLostException(promotionId, environment, token);
            }
            if (draft.type() == EntryType.PROMOTED || draft.type() == EntryType.ROLLED_BACK) {
                Digest current = view.current(environment).orElse(null);
                if (current == null ? expectedCurrent != null : !current.equals(expectedCurrent)) {
                    throw new PromotionConflictException("environment '" + environment + "' moved to " + current
                            + " while promotion " + promotionId + " expected " + expectedCurrent);
                }
            }
        }, view -> draft);
    }

    private void release(String promotionId, String environment, long token, Principal principal, Digest digest) {
        appendFenced(promotionId, environment, token, Drafts.step(EntryType.RELEASED, principal.id(), environment,
                digest, promotionId, Map.of(Details.TOKEN, Long.toString(token))), null);
    }

    private void fail(String promotionId, String environment, long token, Principal principal, Digest digest,
            String step, RuntimeException cause) {
        appendFenced(promotionId, environment, token,
                Drafts.failed(principal.id(), environment, digest, promotionId, step, cause), null);
        throw new PromotionFailedException(promotionId, step, cause);
    }

    /** Judges without asking gates (their statements stay pending): for questions that are not a promotion. */
    private Judged judge(PromotionCommand command, boolean rollback) {
        return judge(command, rollback, clock.instant(), null, false);
    }

    /**
     * Judges {@code command}, first asking the gates the target's statements read when {@code promotionId} is given;
     * {@code plan} tells them nothing will be promoted on their answer.
     */
    private Judged judge(PromotionCommand command, boolean rollback, Instant now, @Nullable String promotionId,
            boolean plan) {
        Environment target = landscape.require(command.target());
        Environment source = resolveSource(command, target);
        // Asking the store can cost calls (on AWS an inspector session); only some statements read the answer.
        boolean immutable = guardrails.requiresImmutability(target.name()) && store.isImmutable(Place.of(target));
        // Gates are asked outside the ledger read, since they take time; their answers are facts for decide.
        Set<String> gateNames = guardrails.gates(target.name());
        Map<String, GateAnswer> answers = Map.of();
        if (promotionId != null && !gateNames.isEmpty()) {
            Artifact asked = writer.read(view -> view.artifact(command.digest())).orElseThrow(() -> new NotFoundException(
                    "no artifact with digest " + command.digest() + " is registered; register it first (build once)"));
            answers = gates.ask(gateNames, new GateRequest(promotionId, asked.digest(), asked.name(), asked.version(),
                    source == null ? null : source.name(), target.name(), command.principal().id(), command.attributes(),
                    command.breakGlass(), rollback, plan));
        }
        Map<String, GateAnswer> gateAnswers = answers;
        return writer.read(view -> {
            Artifact artifact = view.artifact(command.digest()).orElseThrow(() -> new NotFoundException(
                    "no artifact with digest " + command.digest() + " is registered; register it first (build once)"));
            PromotionRequest request = new PromotionRequest(artifact, source, target, command.principal(),
                    command.breakGlass(), command.justification(), rollback, command.attributes());
            GuardrailState state = new GuardrailState(view.verifiedSince(artifact.digest()),
                    view.approvals(artifact.digest(), target.name()), Map.copyOf(view.currentDigests()), immutable,
                    gateAnswers, view.uncounted(artifact.digest()));
            Decision decision = guardrails.decide(request, state, now);
            return new Judged(request, decision, view.current(target.name()).orElse(null), gateAnswers);
        });
    }

    private @Nullable Environment resolveSource(PromotionCommand command, Environment target) {
        if (command.source() != null) {
            return landscape.require(command.source());
        }
        Set<String> sources = landscape.graph().predecessors(target.name());
        if (sources.size() > 1) {
            throw new InvalidValueException("source", null, "is required: '" + target.name()
                    + "' is promoted from several stages (" + String.join(", ", sources) + "); name one");
        }
        return sources.isEmpty() ? null : landscape.require(sources.iterator().next());
    }

    /**
     * The earlier attempt under the same key that already promoted, or null; refuses key reuse and a key
     * whose attempt is still in progress. The caller's own key names one request, so its retry is a no-op
     * for good. The default key stands for "this digest into this environment", which stays done only
     * while the environment runs the digest: once it moved on (another promotion, a rollback), the same
     * request is a new one to move it back, and goes to the guardrails.
     */
    private @Nullable PromotionResult alreadyDone(LedgerView view, PromotionCommand command) {
        PromotionRecord done = null;
        for (PromotionRecord attempt : view.attempts(command.idempotencyKey())) {
            if (!attempt.digest().equals(command.digest()) || !attempt.target().equals(command.target())) {
                throw new InvalidValueException("idempotencyKey", command.idempotencyKey(), "was already used for "
                        + attempt.digest().shortForm() + " into '" + attempt.target() + "'; use a new key");
            }
            if (promoted(attempt)) {
                done = attempt;
            } else if (!attempt.finished()) {
                throw new PromotionConflictException("promotion " + attempt.promotionId() + " with idempotency key '"
                        + command.idempotencyKey() + "' is in progress (last step " + attempt.lastStep()
                        + "); resume or abort it");
            }
        }
        boolean runs = command.digest().equals(view.current(command.target()).orElse(null));
        if (done == null || (command.hasDefaultKey() && !runs)) {
            return null;
        }
        return new PromotionResult(done.promotionId(), Status.ALREADY_PROMOTED, new Decision(Outcome.ALLOWED, false,
                List.of()), done.digest(), done.target(), done.source(), null, 0);
    }

    private static boolean promoted(PromotionRecord attempt) {
        return attempt.lastStep() == EntryType.PROMOTED || attempt.lastStep() == EntryType.ROLLED_BACK
                || attempt.lastStep() == EntryType.RELEASED;
    }

    public PromotionResult resume(String promotionId, Principal principal) {
        PromotionRecord record = record(promotionId);
        requireInitiatorOrOwner(record, principal, "resume");
        if (promoted(record)) {
            if (record.lastStep() != EntryType.RELEASED) {
                long token = writer.read(view -> view.lease(record.target()).filter(l -> l.promotionId().equals(promotionId))
                        .map(Lease::token)).orElseThrow(() -> new LeaseLostException(promotionId, record.target(), 0));
                release(promotionId, record.target(), token, principal, record.digest());
            }
            return new PromotionResult(promotionId, Status.ALREADY_PROMOTED, new Decision(Outcome.ALLOWED, false,
                    List.of()), record.digest(), record.target(), record.source(), null, 0);
        }
        if (record.finished()) {
            throw new InvalidValueException("promotionId", promotionId, "already ended (" + record.lastStep()
                    + "); start a new promotion instead");
        }
        // Judged as it was asked (its requester, attributes and break-glass); the resumer only carries it on.
        Judged judged = judge(record.command(), record.rollback(), clock.instant(), promotionId, false);
        if (judged.decision().outcome() != Outcome.ALLOWED) {
            writer.append(Drafts.failed(principal.id(), record.target(), record.digest(), promotionId, "resume",
                    new IllegalStateException("no longer allowed: " + judged.decision().outcome())));
            return result(promotionId, judged.decision().outcome() == Outcome.DENIED ? Status.DENIED : Status.PENDING,
                    judged, 0);
        }
        return execute(promotionId, judged, principal, record.rollback(), record.lastStep() == EntryType.TRANSFERRED);
    }

    public void abort(String promotionId, Principal principal, String reason) {
        PromotionRecord record = record(promotionId);
        requireInitiatorOrOwner(record, principal, "abort");
        writer.append(view -> {
            PromotionRecord now = view.promotion(promotionId).orElseThrow();
            if (now.finished() || promoted(now)) {
                throw new InvalidValueException("promotionId", promotionId, "cannot be aborted: " + whyNotAbortable(now));
            }
        }, view -> Drafts.step(EntryType.ABORTED, principal.id(), record.target(), record.digest(), promotionId,
                Map.of(Details.REASON, reason)));
    }

    /**
     * Withdraws a request decided {@code PENDING}, so that neither reconcile nor a retry under its key
     * promotes it (a retry under a new key is a new request and goes to the guardrails).
     */
    public void withdraw(String promotionId, Principal principal, String reason) {
        PromotionRecord record = record(promotionId);
        requireInitiatorOrOwner(record, principal, "withdraw");
        writer.append(view -> {
            PromotionRecord now = view.promotion(promotionId).orElseThrow();
            if (now.lastStep() != EntryType.DECIDED || !"PENDING".equals(now.outcome())) {
                throw new InvalidValueException("promotionId", promotionId, "cannot be withdrawn: only a request "
                        + "decided PENDING that still waits can be, and this one "
                        + (now.lastStep() == EntryType.DECIDED ? "was decided " + now.outcome()
                                : "went on to " + now.lastStep()) + (now.lastStep() == EntryType.DECIDED
                                        || now.finished() ? "" : "; abort it instead"));
            }
        }, view -> Drafts.step(EntryType.WITHDRAWN, principal.id(), record.target(), record.digest(), promotionId,
                Map.of(Details.REASON, reason)));
    }

    /** Ending someone's promotion ends their work: only they, or the target environment's owners, decide that. */
    private void requireInitiatorOrOwner(PromotionRecord record, Principal principal, String verb) {
        List<String> owners = landscape.require(record.target()).owners();
        if (!principal.id().equals(record.principal()) && owners.stream().noneMatch(principal.groups()::contains)) {
            throw new AbortNotPermittedException(principal.id() + " may not " + verb + " promotion "
                    + record.promotionId() + ": only its initiator, " + record.principal() + ", or a member of an owner "
                    + "group of '" + record.target() + "' (" + (owners.isEmpty() ? "it names none"
                            : String.join(", ", owners)) + ") may");
        }
    }

    /** What became of a promotion that can no longer be aborted, as the ledger tells it. */
    private static String whyNotAbortable(PromotionRecord record) {
        String moved = record.rollback() ? "rolled '" + record.target() + "' back to " + record.digest().shortForm()
                : "promoted " + record.digest().shortForm() + " into '" + record.target() + "'";
        return switch (record.lastStep()) {
            case RELEASED -> "it already " + moved + " and released its lease; there is nothing to abort";
            case PROMOTED, ROLLED_BACK -> "it already " + moved + "; resume it to release its lease";
            case ABORTED -> "it was already aborted; there is nothing to abort";
            case WITHDRAWN -> "it was withdrawn while it waited; there is nothing to abort";
            case FAILED -> "it already failed and holds no lease; there is nothing to abort";
            default -> "it was " + record.outcome() + " and never started; there is nothing to abort";
        };
    }

    /**
     * Whether {@code approval}, just recorded, counts now: the guardrails judge the digest's promotion into
     * the environment as the latest promotion of it asked for (by its initiator), and their explanation
     * of the approval statements says whether the approver counts, and if not, why.
     */
    public ApprovalResult judgeApproval(Approval approval) {
        String approver = approval.approver().id();
        UncountedAttestation unsigned = writer.read(view -> view.uncounted(approval.digest())).stream()
                .filter(u -> u.kind() == UncountedAttestation.Kind.APPROVAL && u.owner().equals(approver)
                        && approval.environment().equals(u.environment()) && u.recordedAt().equals(approval.approvedAt()))
                .findFirst().orElse(null);
        if (unsigned != null) {
            return new ApprovalResult(approval, false, "not counted: " + approver + " (" + unsigned.reason() + ")");
        }
        long same = writer.read(view -> view.approvals(approval.digest(), approval.environment())).stream()
                .filter(a -> a.approver().id().equals(approver) && a.policyVersion().equals(approval.policyVersion()))
                .count();
        if (same > 1) {
            return new ApprovalResult(approval, false, "not counted: " + approver + " already approved "
                    + approval.digest().shortForm() + " for " + approval.environment() + "; one approval per person");
        }
        String initiator = writer.read(view -> view.latestPromotion(approval.digest(), approval.environment()))
                .map(PromotionRecord::principal).orElse(NO_INITIATOR);
        Decision decision = judge(PromotionCommand.builder(approval.digest(), approval.environment(),
                Principal.of(initiator)).build(), false).decision();
        List<StatementResult> requirements = decision.results().stream()
                .filter(r -> APPROVALS_REASON.matcher(r.reason()).find()).toList();
        if (requirements.isEmpty()) {
            return new ApprovalResult(approval, false, "not counted: no approval requirement applies to "
                    + approval.environment());
        }
        for (StatementResult requirement : requirements) {
            int notCounted = requirement.reason().indexOf("not counted: ");
            if (notCounted >= 0) {
                String ignored = requirement.reason().substring(notCounted + "not counted: ".length());
                int at = (", " + ignored).indexOf(", " + approver + " (");
                if (at >= 0) {
                    int end = ignored.indexOf(')', at);
                    return new ApprovalResult(approval, false, "not counted by " + requirement.statementId() + ": "
                            + ignored.substring(at, end + 1));
                }
            }
        }
        StatementResult first = requirements.get(0);
        return new ApprovalResult(approval, true, "counts toward " + first.statementId() + ": " + first.reason());
    }

    /** Stands for the initiator when nobody asked to promote the digest yet: no principal has this id. */
    private static final String NO_INITIATOR = "(nobody-yet)";
    /** How the approvals statements explain themselves ("1 of 2 approvals ...", "2 more approvals ..."). */
    private static final java.util.regex.Pattern APPROVALS_REASON =
            java.util.regex.Pattern.compile("^\\d+ (of \\d+|more) (break-glass )?approvals?\\b");

    private PromotionRecord record(String promotionId) {
        return writer.read(view -> view.promotion(promotionId))
                .orElseThrow(() -> new NotFoundException("no promotion " + promotionId + " in the ledger"));
    }

    private static PromotionResult result(String promotionId, Status status, Judged judged, long bytes) {
        PromotionRequest request = judged.request();
        return new PromotionResult(promotionId, status, judged.decision(), request.artifact().digest(),
                request.target().name(), request.source() == null ? null : request.source().name(), judged.previous(),
                bytes);
    }
}
