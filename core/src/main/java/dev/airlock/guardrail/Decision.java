package dev.airlock.guardrail;

import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.internal.guardrail.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The explained verdict of {@link Guardrails#decide}: the outcome, whether it was a break-glass
 * request, and every statement's result, so "why can't I promote?" has a complete answer, as text
 * ({@link #explain()}, {@link #summary()}).
 *
 * <p>The outcome is computed when deciding; the statement results, with their reasons, may be
 * computed on first use, so enforcement that only needs the outcome pays nothing for explanations.
 * Decisions are immutable and safe to share between threads.
 */
public final class Decision {

    private final Outcome outcome;
    private final boolean breakGlass;
    private final @Nullable PromotionRequest request;
    private final @Nullable Instant at;
    private final @Nullable String policyVersion;
    private final Supplier<List<StatementResult>> explainer;
    private final @Nullable Supplier<List<UnmetRequirement>> unmetExplainer;
    private volatile @Nullable List<StatementResult> results;
    private volatile @Nullable List<UnmetRequirement> unmet;

    /** A decision with results known up front and no request attached, e.g. for tests of callers. */
    public Decision(Outcome outcome, boolean breakGlass, List<StatementResult> results) {
        this(outcome, breakGlass, null, null, null, copyOf(results), null);
    }

    private Decision(Outcome outcome, boolean breakGlass, @Nullable PromotionRequest request, @Nullable Instant at,
            @Nullable String policyVersion, Supplier<List<StatementResult>> explainer,
            @Nullable Supplier<List<UnmetRequirement>> unmetExplainer) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.breakGlass = breakGlass;
        this.request = request;
        this.at = at;
        this.policyVersion = policyVersion;
        this.explainer = explainer;
        this.unmetExplainer = unmetExplainer;
    }

    private static Supplier<List<StatementResult>> copyOf(List<StatementResult> results) {
        List<StatementResult> copy = List.copyOf(results);
        return () -> copy;
    }

    /**
     * A decision about {@code request} at {@code at} whose statement results come from
     * {@code explainer} on first use. For {@link Guardrails} implementations: the explainer must be
     * pure, so the results do not depend on when they are asked for.
     */
    public static Decision deferred(PromotionRequest request, Instant at, String policyVersion, Outcome outcome,
            Supplier<List<StatementResult>> explainer) {
        return new Decision(outcome, request.breakGlass(), Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(at, "at"), Objects.requireNonNull(policyVersion, "policyVersion"),
                Objects.requireNonNull(explainer, "explainer"), null);
    }

    /**
     * Like {@link #deferred(PromotionRequest, Instant, String, Outcome, Supplier)}, with the unmet requirements
     * as data from {@code unmetExplainer} on first use (same rule: pure, consistent with the results).
     */
    public static Decision deferred(PromotionRequest request, Instant at, String policyVersion, Outcome outcome,
            Supplier<List<StatementResult>> explainer, Supplier<List<UnmetRequirement>> unmetExplainer) {
        return new Decision(outcome, request.breakGlass(), Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(at, "at"), Objects.requireNonNull(policyVersion, "policyVersion"),
                Objects.requireNonNull(explainer, "explainer"), Objects.requireNonNull(unmetExplainer, "unmetExplainer"));
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** Whether the request was break-glass; such decisions are always recorded as such. */
    public boolean breakGlass() {
        return breakGlass;
    }

    /** The request decided, when the decision came from {@link Guardrails#decide}. */
    public Optional<PromotionRequest> request() {
        return Optional.ofNullable(request);
    }

    /** The instant the decision is for, when the decision came from {@link Guardrails#decide}. */
    public Optional<Instant> at() {
        return Optional.ofNullable(at);
    }

    /** The policy version approvals for the target had to carry, when known. */
    public Optional<String> policyVersion() {
        return Optional.ofNullable(policyVersion);
    }

    /** Every statement's result, ordered by level (organization first) and then statement id. */
    public List<StatementResult> results() {
        List<StatementResult> current = results;
        if (current == null) {
            current = List.copyOf(explainer.get());
            results = current;
        }
        return current;
    }

    /**
     * The requirements still unmet, one per {@link Verdict#UNMET} result in the same order, as data: with the
     * statement's kind and, for approvals, who may approve, where the guardrails tell (the policy engine does);
     * otherwise {@link UnmetRequirement#of(StatementResult)} of each result.
     */
    public List<UnmetRequirement> unmet() {
        List<UnmetRequirement> current = unmet;
        if (current == null) {
            current = unmetExplainer == null ? results(Verdict.UNMET).stream().map(UnmetRequirement::of).toList()
                    : List.copyOf(unmetExplainer.get());
            unmet = current;
        }
        return current;
    }

    /** The results with {@code verdict}: {@code UNMET} says what is missing, {@code DENIES} what forbids. */
    public List<StatementResult> results(Verdict verdict) {
        return results().stream().filter(r -> r.verdict() == verdict).toList();
    }

    /**
     * One line: the outcome and what decided it, e.g.
     * {@code PENDING: prod-approvals: 1 more approval from group release-managers (1 of 2: bob)}.
     */
    public String summary() {
        Verdict deciding = switch (outcome) {
            case DENIED -> Verdict.DENIES;
            case PENDING -> Verdict.UNMET;
            case ALLOWED -> Verdict.BYPASSED;
        };
        List<StatementResult> reasons = results(deciding);
        StringBuilder out = new StringBuilder(outcome.name());
        if (breakGlass) {
            out.append(" (break-glass)");
        }
        if (reasons.isEmpty()) {
            return out.toString();
        }
        if (outcome == Outcome.ALLOWED) {
            return out.append(": bypassed ")
                    .append(reasons.stream().map(StatementResult::statementId).collect(Collectors.joining(", ")))
                    .toString();
        }
        return out.append(": ").append(reasons.stream().map(r -> r.statementId() + ": " + r.reason())
                .collect(Collectors.joining("; "))).toString();
    }

    /**
     * What a person reads when asking "why can't I promote?": an outcome line naming the request,
     * then one line per statement with its id, level, verdict and reason.
     */
    public String explain() {
        List<StatementResult> all = results();
        int idWidth = all.stream().mapToInt(r -> r.statementId().length()).max().orElse(0);
        int levelWidth = all.stream().mapToInt(r -> r.level().length()).max().orElse(0);
        StringBuilder out = new StringBuilder(outcome.name());
        if (request != null) {
            out.append(": promote ").append(request.artifact().label());
            if (request.source() != null) {
                out.append(" from ").append(request.source().name());
            }
            out.append(" to ").append(request.target().name()).append(" for ").append(request.principal().id())
                    .append(" at ").append(at == null ? "" : Times.format(at));
            if (request.rollback()) {
                out.append(" (rollback)");
            }
            if (request.breakGlass()) {
                out.append(" (break-glass: ").append(request.justification()).append(')');
            }
        } else if (breakGlass) {
            out.append(" (break-glass)");
        }
        out.append('\n');
        for (StatementResult result : all) {
            out.append("  ").append(pad(result.statementId(), idWidth)).append("  ").append(pad(result.level(), levelWidth))
                    .append("  ").append(pad(result.verdict().name(), 8)).append("  ").append(result.reason()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Equal decisions have the same outcome, request, instant, policy version and statement results. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Decision other && outcome == other.outcome && breakGlass == other.breakGlass
                && Objects.equals(request, other.request) && Objects.equals(at, other.at)
                && Objects.equals(policyVersion, other.policyVersion) && results().equals(other.results());
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, breakGlass, request, at, policyVersion, results());
    }

    @Override
    public String toString() {
        return summary();
    }
}
