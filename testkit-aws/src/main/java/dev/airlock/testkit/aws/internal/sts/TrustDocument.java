package dev.airlock.testkit.aws.internal.sts;

import dev.airlock.testkit.aws.IamRole;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Conditions;
import dev.airlock.testkit.aws.internal.Iam;
import dev.airlock.testkit.aws.internal.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A role's trust policy given as a document: each action the AssumeRole request needs
 * ({@code sts:AssumeRole}, {@code sts:SetSourceIdentity} when a source identity is set or carried,
 * {@code sts:TagSession} when tags are) must be allowed by it and denied by none of its statements, with
 * the request's {@code sts:ExternalId}, {@code sts:SourceIdentity} and {@code aws:RequestTag/...} keys.
 */
final class TrustDocument {
    private TrustDocument() {
    }

    static void check(Iam iam, Caller caller, IamRole role, @Nullable String externalId,
            @Nullable String sourceIdentity, Map<String, String> tags) {
        Policy trust = Policy.parse(Objects.requireNonNull(role.trustDocument()), Policy.Kind.TRUST);
        Map<String, String> context = iam.context(caller);
        if (externalId != null) {
            context.put("sts:externalid", externalId);
        }
        if (sourceIdentity != null) {
            context.put("sts:sourceidentity", sourceIdentity);
        }
        tags.forEach((key, value) -> context.put("aws:requesttag/" + key.toLowerCase(Locale.ROOT), value));
        if (!tags.isEmpty()) {
            context.put("aws:tagkeys", Conditions.multivalued(tags.keySet()));
        }
        List<String> actions = new ArrayList<>(List.of("sts:AssumeRole"));
        if (sourceIdentity != null) {
            actions.add("sts:SetSourceIdentity");
        }
        if (!tags.isEmpty()) {
            actions.add("sts:TagSession");
        }
        String roleArn = role.arn().toString();
        for (String action : actions) {
            Policy.Evaluation evaluation = trust.evaluate(caller, action, roleArn, context);
            if (evaluation.decision() == Policy.Decision.DENY) {
                throw FakeStsClient.denied(caller, action, roleArn,
                        "with an explicit deny in the role's trust policy (statement " + evaluation.statement() + ")");
            }
            if (evaluation.decision() != Policy.Decision.ALLOW) {
                throw FakeStsClient.denied(caller, action, roleArn, "because no statement of the role's trust policy "
                        + "allows it");
            }
        }
    }
}
