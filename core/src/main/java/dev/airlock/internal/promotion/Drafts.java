package dev.airlock.internal.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.guardrail.UnmetRequirement;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Builds the ledger drafts the engine writes, so every entry of a kind carries the same details. */
public final class Drafts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Drafts() {
    }

    /** @param provenance the builder's signed provenance (a DSSE envelope), or null when unsigned */
    public static LedgerEntry.Draft registered(Artifact artifact, String principal, @Nullable String provenance) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(Details.NAME, artifact.name());
        d.put(Details.VERSION, artifact.version());
        d.put(Details.KIND, artifact.kind().configName());
        d.put(Details.SIZE, Long.toString(artifact.size()));
        d.put(Details.MEDIA_TYPE, artifact.mediaType());
        d.put(Details.SOURCE_REPOSITORY, artifact.provenance().sourceRepository());
        d.put(Details.REVISION, artifact.provenance().revision());
        d.put(Details.BUILD_ID, artifact.provenance().buildId());
        d.put(Details.BUILDER, artifact.provenance().builder());
        d.put(Details.BUILT_AT, artifact.provenance().builtAt().toString());
        if (provenance != null) {
            d.put(Details.ATTESTATION, provenance);
        }
        return new LedgerEntry.Draft(EntryType.REGISTERED, principal, null, artifact.digest(), null, d);
    }

    /**
     * @param gateAnswers what the external gates answered before the decision
     * @param approvers   who may still approve, for a pending decision
     * @param breakGlass  the requester's signed justification, for a break-glass request
     */
    public static LedgerEntry.Draft decided(String promotionId, String idempotencyKey, PromotionRequest request,
            Decision decision, Map<String, GateAnswer> gateAnswers, Set<String> approvers, @Nullable String breakGlass) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(Details.IDEMPOTENCY_KEY, idempotencyKey);
        if (request.source() != null) {
            d.put(Details.SOURCE, request.source().name());
        }
        d.put(Details.OUTCOME, decision.outcome().name());
        d.put(Details.DECIDED_BY, decision.results().stream()
                .filter(r -> r.verdict() == StatementResult.Verdict.DENIES || r.verdict() == StatementResult.Verdict.UNMET)
                .map(r -> r.statementId() + ": " + r.reason()).collect(Collectors.joining("; ")));
        if (request.breakGlass()) {
            d.put(Details.BREAK_GLASS, "true");
            d.put(Details.JUSTIFICATION, request.justification());
            if (breakGlass != null) {
                d.put(Details.ATTESTATION, breakGlass);
            }
        }
        if (request.rollback()) {
            d.put(Details.ROLLBACK, "true");
        }
        request.attributes().forEach((k, v) -> d.put(Details.ATTRIBUTE_PREFIX + k, v));
        gateAnswers.forEach((gate, answer) -> d.put(Details.GATE_PREFIX + gate, answer.describe()));
        if (decision.results().stream().anyMatch(r -> r.verdict() == StatementResult.Verdict.DENIES
                && r.reason().startsWith(Rule.Stop.ENGAGED_REASON))) {
            d.put(Details.STOP_SWITCH, "true");
        }
        if (decision.outcome() == Outcome.PENDING && !approvers.isEmpty()) {
            // Sorted: a set's iteration order may differ from run to run, and the entry should not.
            d.put(Details.APPROVERS, String.join(",", new java.util.TreeSet<>(approvers)));
        }
        if (decision.outcome() == Outcome.PENDING) {
            List<UnmetRequirement> unmet = decision.unmet();
            for (int i = 0; i < unmet.size(); i++) {
                d.put(Details.UNMET_PREFIX + (i + 1), json(unmet.get(i)));
            }
        }
        return new LedgerEntry.Draft(EntryType.DECIDED, request.principal().id(), request.target().name(),
                request.artifact().digest(), promotionId, d);
    }

    /** One unmet requirement as the JSON object {@link Details#UNMET_PREFIX} describes. */
    private static String json(UnmetRequirement requirement) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("statement", requirement.statementId());
        fields.put("level", requirement.level());
        fields.put("kind", requirement.kind());
        fields.put("missing", requirement.missing());
        fields.put("approverGroups", requirement.approverGroups());
        fields.put("approvers", requirement.approvers());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the unmet requirement " + requirement.statementId(), e);
        }
    }

    public static LedgerEntry.Draft step(EntryType type, String principal, String environment, Digest digest,
            String promotionId, Map<String, String> details) {
        return new LedgerEntry.Draft(type, principal, environment, digest, promotionId, details);
    }

    public static LedgerEntry.Draft failed(String principal, String environment, Digest digest, String promotionId,
            String step, Throwable cause) {
        return step(EntryType.FAILED, principal, environment, digest, promotionId,
                Map.of(Details.STEP, step, Details.CAUSE, describe(cause)));
    }

    /** A cause as one line: its type and message, never a stack trace. */
    public static String describe(@Nullable Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
