package dev.airlock.cli;

import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.Outcome;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.promotion.EnvironmentStatus;
import dev.airlock.promotion.PromotionResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared text and JSON shapes of what commands report. */
final class Render {
    private Render() {
    }

    static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case ALLOWED -> ExitCodes.OK;
            case DENIED -> ExitCodes.DENIED;
            case PENDING -> ExitCodes.PENDING;
        };
    }

    static int exitCode(PromotionResult.Status status) {
        return switch (status) {
            case PROMOTED, ALREADY_PROMOTED -> ExitCodes.OK;
            case DENIED -> ExitCodes.DENIED;
            case PENDING -> ExitCodes.PENDING;
        };
    }

    static Map<String, Object> result(PromotionResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("promotionId", result.promotionId());
        out.put("status", result.status().name());
        out.put("digest", result.digest().value());
        out.put("target", result.target());
        out.put("source", result.source());
        out.put("previous", result.previous() == null ? null : result.previous().value());
        out.put("bytesCopied", result.bytesCopied());
        out.put("decision", decision(result.decision()));
        return out;
    }

    /**
     * A decision as JSON: {@code headline} and, when pending, {@code waitingFor} (one item per requirement),
     * {@code outcome}, {@code breakGlass}, the request ({@code artifact},
     * {@code digest}, {@code source}, {@code target}, {@code principal}, {@code rollback},
     * {@code justification}), {@code at}, {@code policyVersion} and {@code results} ({@code statement},
     * {@code level}, {@code verdict}, {@code reason}). Absent values are left out.
     */
    static Map<String, Object> decision(Decision decision) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("headline", Waiting.headline(decision));
        if (decision.outcome() == Outcome.PENDING) {
            out.put("waitingFor", Waiting.items(decision));
        }
        out.put("outcome", decision.outcome().name());
        out.put("breakGlass", decision.breakGlass());
        decision.request().ifPresent(request -> {
            out.put("artifact", request.artifact().name() + ":" + request.artifact().version());
            out.put("digest", request.artifact().digest().value());
            if (request.source() != null) {
                out.put("source", request.source().name());
            }
            out.put("target", request.target().name());
            out.put("principal", request.principal().id());
            out.put("rollback", request.rollback());
            if (request.justification() != null) {
                out.put("justification", request.justification());
            }
        });
        decision.at().ifPresent(at -> out.put("at", at.toString()));
        decision.policyVersion().ifPresent(version -> out.put("policyVersion", version));
        out.put("results", decision.results().stream().map(result -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("statement", result.statementId());
            r.put("level", result.level());
            r.put("verdict", result.verdict().name());
            r.put("reason", result.reason());
            return r;
        }).toList());
        return out;
    }

    static String resultLine(PromotionResult result) {
        return switch (result.status()) {
            case PROMOTED -> "PROMOTED " + result.digest().shortForm() + " into " + result.target()
                    + (result.previous() == null ? "" : " (was " + result.previous().shortForm() + ")")
                    + (result.bytesCopied() == 0 ? ", bytes already there" : ", " + Sizes.human(result.bytesCopied()) + " copied")
                    + "  [promotion " + result.promotionId() + "]";
            case ALREADY_PROMOTED -> "ALREADY PROMOTED by promotion " + result.promotionId() + "; nothing to do";
            case DENIED -> "DENIED  [recorded as promotion " + result.promotionId() + "]";
            case PENDING -> "PENDING  [recorded as promotion " + result.promotionId() + "]";
        };
    }

    static Map<String, Object> entry(LedgerEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequence", e.sequence());
        out.put("time", e.time().toString());
        out.put("type", e.type().name());
        out.put("principal", e.principal());
        out.put("environment", e.environment());
        out.put("digest", e.digest() == null ? null : e.digest().value());
        out.put("promotionId", e.promotionId());
        out.put("details", e.details());
        out.put("hash", e.hash());
        return out;
    }

    /**
     * One ledger entry on one line of at most {@code width} characters: sequence, time (to the second),
     * type, principal, environment, digest, then as many details as fit, cut with an ellipsis ({@code
     * history --details} and {@code -o json} show them all).
     */
    static String entryLine(LedgerEntry e, int width) {
        StringBuilder line = new StringBuilder(entryHead(e));
        e.details().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("outcome") && !EVIDENCE.contains(k)) {
                line.append("  ").append(k).append('=').append(v);
            }
        });
        return line.length() <= width ? line.toString() : line.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** Details left to {@code --details}: how the actor was authenticated, keys and tokens, not what happened. */
    private static final java.util.Set<String> EVIDENCE = java.util.Set.of("authenticatedBy", "caller",
            "unauthenticated", "idempotencyKey", "token", "groups", "policyVersion");

    /** Sequence, time, type, principal, environment and digest of an entry. */
    static String entryHead(LedgerEntry e) {
        // A DECIDED entry's outcome goes with its type, so an 80-column line keeps it.
        String outcome = e.details().get("outcome");
        String type = e.type() + (outcome == null ? "" : "/" + outcome);
        return String.format("#%-4d %s  %-16s%-11s%-11s%s", e.sequence(), StatusTable.seconds(e.time()), type,
                e.principal(), e.environment() == null ? "-" : e.environment(),
                e.digest() == null ? "" : e.digest().hex().substring(0, 12)).stripTrailing();
    }

    /** Every detail of an entry, one per line, indented under its {@link #entryLine}. */
    static String entryDetails(LedgerEntry e) {
        StringBuilder out = new StringBuilder();
        out.append("      time=").append(e.time()).append('\n');
        if (e.promotionId() != null) {
            out.append("      promotionId=").append(e.promotionId()).append('\n');
        }
        if (e.digest() != null) {
            out.append("      digest=").append(e.digest().value()).append('\n');
        }
        e.details().forEach((k, v) -> out.append("      ").append(k).append('=').append(v).append('\n'));
        out.append("      hash=").append(e.hash());
        return out.toString();
    }

    static Map<String, Object> status(EnvironmentStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", s.environment().name());
        out.put("tier", s.environment().tier().configName());
        out.put("account", s.environment().account().value());
        out.put("digest", s.current() == null ? null : s.current().digest().value());
        out.put("artifact", s.current() == null ? null : s.current().name() + ":" + s.current().version());
        out.put("since", s.since() == null ? null : s.since().toString());
        out.put("verifiedSince", s.verifiedSince() == null ? null : s.verifiedSince().toString());
        out.put("leaseHolder", s.leaseHolder());
        return out;
    }

    static Map<String, Object> head(LedgerHead head) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequence", head.sequence());
        out.put("hash", head.hash());
        out.put("pin", headText(head));
        return out;
    }

    /** {@code SEQ:HASH}: what {@code verify-ledger --expected-head} reads back. */
    static String headText(LedgerHead head) {
        return head.sequence() + ":" + head.hash();
    }
}
