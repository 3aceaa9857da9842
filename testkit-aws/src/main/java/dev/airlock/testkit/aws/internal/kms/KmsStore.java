package dev.airlock.testkit.aws.internal.kms;

import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.PolicyException;
import dev.airlock.testkit.aws.internal.ServiceErrors;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Every KMS key of the world (by ARN), aliases, and the checks each key request passes, in AWS's order:
 * the key exists where the caller looks for it, its key policy allows the caller the action, and it is
 * enabled. One lock (this object) guards all KMS state.
 *
 * <p>The key policy is evaluated minimally: Allow and Deny statements with AWS principals and actions
 * such as {@code kms:Sign} or {@code kms:*}. A statement naming the account root lets in every identity
 * of that account whose own policies do not deny the action, which is what "delegate to IAM" means for
 * identities without permission policies. Callers from other accounts also need their own policies to allow it.
 */
public final class KmsStore {
    private final Map<String, KmsKey> keys = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    final Calls calls;

    public KmsStore(Calls calls) {
        this.calls = calls;
    }

    synchronized KmsKey create(Caller caller, Region region, KeySpec spec, KeyUsageType usage, String description,
            @Nullable String policyText) {
        Policy policy = policy(policyText != null ? policyText : defaultPolicy(caller.account()));
        KmsKey key = new KmsKey(UUID.randomUUID().toString(), caller.account(), region.id(), spec, usage, description,
                calls.clock().instant(), policy);
        keys.put(key.arn(), key);
        return key;
    }

    /** The key {@code keyId} names for {@code caller}, checked against the key policy for {@code action}. */
    synchronized KmsKey authorized(Caller caller, Region region, @Nullable String keyId, String action) {
        KmsKey key = find(caller, region, keyId);
        Policy.Decision byKey = key.policy.decide(caller, action, key.arn(), calls.iam().context(caller));
        Policy.Decision byIdentity = calls.iam().identityDecision(caller, action, key.arn());
        boolean allowed = byKey == Policy.Decision.ALLOW && byIdentity != Policy.Decision.DENY
                && (caller.account().equals(key.account) || byIdentity == Policy.Decision.ALLOW);
        if (!allowed) {
            String reason = byKey == Policy.Decision.DENY ? "with an explicit deny in a resource-based policy"
                    : byIdentity == Policy.Decision.DENY ? "with an explicit deny in an identity-based policy"
                    : "because no resource-based policy allows the " + action + " action";
            throw error("AccessDeniedException", "User: " + caller.arn() + " is not authorized to perform: " + action
                    + " on resource: " + key.arn() + " " + reason);
        }
        return key;
    }

    synchronized void putPolicy(KmsKey key, String text) {
        key.policy = policy(text);
    }

    synchronized void alias(Caller caller, Region region, String name, KmsKey target) {
        String alias = aliasArn(caller.account(), region.id(), name);
        if (aliases.containsKey(alias)) {
            throw error("AlreadyExistsException", "An alias with the name " + alias + " already exists");
        }
        aliases.put(alias, target.arn());
    }

    synchronized void enable(KmsKey key, boolean enabled) {
        key.enabled = enabled;
    }

    private KmsKey find(Caller caller, Region region, @Nullable String keyId) {
        if (keyId == null || keyId.isEmpty()) {
            throw error("ValidationException", "1 validation error detected: Value null at 'keyId' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        String arn;
        if (keyId.startsWith("arn:")) {
            arn = keyId.contains(":alias/") ? aliases.getOrDefault(keyId, keyId) : keyId;
        } else if (keyId.startsWith("alias/")) {
            arn = aliases.getOrDefault(aliasArn(caller.account(), region.id(), keyId), keyId);
        } else {
            arn = "arn:aws:kms:" + region.id() + ":" + caller.account() + ":key/" + keyId;
        }
        KmsKey key = keys.get(arn);
        if (key == null || !key.region.equals(region.id())) {
            throw keyId.contains("alias/")
                    ? error("NotFoundException", "Alias " + qualified(caller, region, keyId) + " is not found.")
                    : error("NotFoundException", "Key '" + arn + "' does not exist");
        }
        return key;
    }

    private static String qualified(Caller caller, Region region, String alias) {
        return alias.startsWith("arn:") ? alias : aliasArn(caller.account(), region.id(), alias);
    }

    private static String aliasArn(String account, String region, String name) {
        return "arn:aws:kms:" + region + ":" + account + ":" + name;
    }

    private Policy policy(String text) {
        Policy policy;
        try {
            policy = Policy.parse(text, Policy.Kind.RESOURCE);
        } catch (PolicyException e) {
            throw error("MalformedPolicyDocumentException", "The policy is malformed: " + e.getMessage());
        }
        for (String principal : policy.principals()) {
            if (!calls.iam().principalExists(principal)) {
                throw error("MalformedPolicyDocumentException",
                        "Policy contains a statement with one or more invalid principals.");
            }
        }
        return policy;
    }

    /** The policy AWS gives a key created without one: the account's root, so IAM policies decide. */
    static String defaultPolicy(String account) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":\"Enable IAM User "
                + "Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    }

    static AwsServiceException error(String code, String message) {
        return ServiceErrors.of(AwsService.KMS, 400, code, message);
    }
}
