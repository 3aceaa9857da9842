package dev.airlock.guardrail;

import dev.airlock.InvalidValueException;
import java.util.List;

/**
 * A requirement a pending decision still waits for, as data rather than prose: what to tell the people
 * who can unblock it (an event, a chat message) without parsing {@link StatementResult#reason()}.
 *
 * @param statementId    the statement's id
 * @param level          where it is attached, as in {@link StatementResult#level()}
 * @param kind           the statement's kind as a policy document writes it ({@code approvals}, {@code soak},
 *                       {@code window}, {@code gate}...)
 * @param missing        what is still missing, in words (the statement's reason)
 * @param approverGroups for an approvals statement, the people groups whose approvals count ({@code *} for
 *                       anyone); empty for other kinds
 * @param approvers      for an approvals statement, the configured members of those groups whose approval
 *                       would still count (neither the initiator, nor the builder, nor counted already), sorted;
 *                       empty when the configuration lists nobody, or for other kinds
 */
public record UnmetRequirement(String statementId, String level, String kind, String missing,
        List<String> approverGroups, List<String> approvers) {

    public UnmetRequirement {
        InvalidValueException.requireNonNull("statementId", statementId);
        InvalidValueException.requireNonNull("level", level);
        InvalidValueException.requireNonNull("kind", kind);
        InvalidValueException.requireNonNull("missing", missing);
        approverGroups = List.copyOf(approverGroups);
        approvers = List.copyOf(approvers);
    }

    /** A requirement known only from its result: no kind ({@code requirement}) and nobody named to approve. */
    public static UnmetRequirement of(StatementResult result) {
        return new UnmetRequirement(result.statementId(), result.level(), "requirement", result.reason(), List.of(),
                List.of());
    }
}
