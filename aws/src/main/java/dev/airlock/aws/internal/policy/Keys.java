package dev.airlock.aws.internal.policy;

import java.util.List;

/**
 * KMS key policies for the signing keys the configuration names. This base has no KMS signing settings
 * in {@code backend.aws}, so there is nothing to write yet: when they land, each key gets a policy here
 * allowing {@code kms:Sign} only to the principal the key is bound to, {@code kms:GetPublicKey} and
 * {@code kms:Verify} to the promoters, and denying {@code kms:ScheduleKeyDeletion},
 * {@code kms:DisableKey} and key policy changes to everyone but the key's administrators.
 */
final class Keys {
    private Keys() {
    }

    static List<Draft> all(Setup setup) {
        return List.of();
    }
}
