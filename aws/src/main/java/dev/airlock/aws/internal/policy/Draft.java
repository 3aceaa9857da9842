package dev.airlock.aws.internal.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.environment.AccountId;

/** A document before it is rendered and measured: where it goes and its JSON. */
public record Draft(AccountId account, String owner, String purpose, PolicyKind kind, String target, String apply,
        ObjectNode json) {
}
