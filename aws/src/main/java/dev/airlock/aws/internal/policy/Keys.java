package dev.airlock.aws.internal.policy;

import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.environment.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * KMS key policies for the signing keys the keyring binds to owners. Only the roles the identity mapping
 * maps to the key's owner may {@code kms:Sign} (for roles whose session names the principal, only sessions
 * named by the owner); the account may administer the key but not sign with it, so no IAM policy in the
 * account can grant signing either; anyone in the account may read the public key, which is what the
 * keyring pins.
 */
final class Keys {
    private Keys() {
    }

    static List<Draft> all(Setup setup) {
        List<Draft> drafts = new ArrayList<>();
        setup.signingKeys().forEach((owner, keyArn) -> drafts.add(key(setup, owner, keyArn)));
        return drafts;
    }

    private static Draft key(Setup setup, String owner, String keyArn) {
        String[] arn = keyArn.split(":");
        AccountId account = AccountId.of(arn[4]);
        String root = setup.root(account);
        List<Stmt> statements = new ArrayList<>();
        statements.add(Stmt.allow("AccountAdministersButDoesNotSign").aws(List.of(root))
                .notActions(List.of("kms:Sign")).resources("*"));
        List<Map.Entry<String, String>> callers = setup.callersOf(owner);
        int n = 0;
        for (Map.Entry<String, String> caller : callers) {
            Stmt signs = Stmt.allow("OwnerSigns" + (++n)).aws(List.of(root)).actions("kms:Sign").resources("*")
                    .when("ArnLike", "aws:PrincipalArn", caller.getKey().contains(":role/")
                            ? List.of(caller.getKey(), rolePath(caller.getKey())) : List.of(caller.getKey()));
            onlyOwnSession(signs, caller.getValue());
            statements.add(signs);
        }
        return new Draft(account, owner.replaceAll("[^A-Za-z0-9.-]", "-"), "signing-key-policy", PolicyKind.KEY,
                keyArn, "aws kms put-key-policy --key-id " + keyArn + " --policy-name default --policy file://FILE",
                Stmt.document(statements));
    }

    /** Sessions whose name is the principal: only the owner's own session may sign. */
    private static void onlyOwnSession(Stmt signs, @Nullable String sessionName) {
        if (sessionName != null) {
            signs.when("StringLike", "aws:userid", "*:" + sessionName);
        }
    }

    /** The same role under any IAM path, as {@code aws:PrincipalArn} carries it. */
    private static String rolePath(String roleArn) {
        int slash = roleArn.indexOf(":role/") + ":role/".length();
        return roleArn.substring(0, slash) + "*/" + roleArn.substring(slash);
    }
}
