package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.util.List;

/**
 * A versioned policy document attached at one level. Approvals bind to the versions of the documents
 * that apply to their environment, so changing a document's version invalidates approvals given
 * under the old one.
 *
 * @param id         unique across the configuration
 * @param version    the document's version, as text
 * @param attach     where it applies
 * @param statements its statements; their order never matters
 */
public record PolicyDocument(String id, String version, Attachment attach, List<Statement> statements) {
    public PolicyDocument {
        Statement.checkId("id", id);
        InvalidValueException.requireNonNull("version", version);
        if (version.isBlank()) {
            throw new InvalidValueException("version", version, "must not be blank");
        }
        InvalidValueException.requireNonNull("attach", attach);
        InvalidValueException.requireNonNull("statements", statements);
        statements = List.copyOf(statements);
    }

    public static PolicyDocument of(String id, String version, Attachment attach, Statement... statements) {
        return new PolicyDocument(id, version, attach, List.of(statements));
    }
}
