package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;

/**
 * One generated document and where it goes.
 *
 * @param account  the account it is put in (for an SCP: the account it is attached to)
 * @param owner    what the account is to Airlock: {@code tooling}, {@code security} or an environment's name
 * @param purpose  what the document is for, such as {@code deploy-role-trust}; unique within the account
 * @param kind     the kind of document, which sets its size limit
 * @param target   the resource it is put on: a role ARN, a bucket, a repository ARN, or the account for an SCP
 * @param apply    how it is put in place, as an AWS CLI command line
 * @param document the JSON document as written to its file
 */
public record GeneratedPolicy(AccountId account, String owner, String purpose, PolicyKind kind, String target,
        String apply, String document) {

    public GeneratedPolicy {
        InvalidValueException.requireNonNull("account", account);
        InvalidValueException.requireNonNull("owner", owner);
        InvalidValueException.requireNonNull("purpose", purpose);
        InvalidValueException.requireNonNull("kind", kind);
        InvalidValueException.requireNonNull("target", target);
        InvalidValueException.requireNonNull("apply", apply);
        InvalidValueException.requireNonNull("document", document);
    }

    /** The file the document is written to: {@code <account>-<owner>-<purpose>.json}. */
    public String fileName() {
        return account.value() + "-" + owner + "-" + purpose + ".json";
    }
}
