package dev.airlock.testkit.aws.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An AWS organization: its id, the management account, organizational units directly under the root,
 * and the service control policies attached to the root, to units and to accounts. SCPs bound every
 * principal of a member account (the root user too), never the management account; AWS's default
 * FullAWSAccess is taken as attached everywhere, so only an SCP's Deny statements can refuse.
 *
 * <p>Ids are derived from names, so they are stable: the root {@code r-} and four characters of the
 * organization id, a unit {@code ou-<root>-} and eight characters, a policy {@code p-} and eight.
 */
public final class Organization {
    public static final String ROOT = "root";

    /** An SCP attached to {@code target} ({@link #ROOT}, a unit's name or an account id), with its document. */
    public record Attached(String name, String target, Policy policy, String document) {
    }

    private final String id;
    private final String management;
    private final Map<String, String> unitOf = new LinkedHashMap<>();
    private final List<Attached> policies = new ArrayList<>();

    public Organization(String id, String management) {
        this.id = id;
        this.management = management;
    }

    public String id() {
        return id;
    }

    public String management() {
        return management;
    }

    /** The root's id, such as {@code r-a1b2}. */
    public String rootId() {
        return "r-" + id.substring(2, 6);
    }

    /** The id of the unit named {@code unit}. */
    public String unitId(String unit) {
        return "ou-" + id.substring(2, 6) + "-" + token(unit);
    }

    /** The id of the SCP named {@code name}. */
    public static String policyId(String name) {
        return "p-" + token(name);
    }

    /** Places an account in a unit directly under the root. */
    public synchronized void place(String account, String unit) {
        unitOf.put(account, unit);
    }

    /** The unit an account is in, or null when it is directly under the root. */
    public synchronized @Nullable String unitOf(String account) {
        return unitOf.get(account);
    }

    /** The names of the units that hold accounts. */
    public synchronized Set<String> units() {
        return new LinkedHashSet<>(unitOf.values());
    }

    public synchronized void attach(String name, String target, Policy policy, String document) {
        policies.add(new Attached(name, target, policy, document));
    }

    /** Detaches the SCP named {@code name} from {@code target}; false when it was not attached there. */
    public synchronized boolean detach(String name, String target) {
        return policies.removeIf(a -> a.name().equals(name) && a.target().equals(target));
    }

    /** Replaces the document of the SCP named {@code name} wherever it is attached; false when it is nowhere. */
    public synchronized boolean update(String name, Policy policy, String document) {
        boolean found = false;
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).name().equals(name)) {
                policies.set(i, new Attached(name, policies.get(i).target(), policy, document));
                found = true;
            }
        }
        return found;
    }

    /** The SCPs attached directly to {@code target} ({@link #ROOT}, a unit's name or an account id). */
    public synchronized List<Attached> attachedTo(String target) {
        return policies.stream().filter(a -> a.target().equals(target)).toList();
    }

    /** The SCP with this id, wherever it is attached, or null. */
    public synchronized @Nullable Attached policy(String policyId) {
        return policies.stream().filter(a -> policyId(a.name()).equals(policyId)).findFirst().orElse(null);
    }

    /** The SCPs that bound {@code account}: root, its unit, itself; none for the management account. */
    public synchronized List<Attached> path(String account) {
        List<Attached> path = new ArrayList<>();
        if (account.equals(management)) {
            return path;
        }
        String unit = unitOf.get(account);
        for (Attached attached : policies) {
            if (attached.target().equals(ROOT) || attached.target().equals(account)
                    || attached.target().equals(unit)) {
                path.add(attached);
            }
        }
        return path;
    }

    /** The first Deny of an SCP on the account's path, as "policy NAME, statement SID", or null. */
    public @Nullable String denial(Caller caller, String action, String resource, Map<String, String> context) {
        for (Attached attached : path(caller.account())) {
            Policy.Evaluation evaluation = attached.policy().evaluate(caller, action, resource, context);
            if (evaluation.decision() == Policy.Decision.DENY) {
                return attached.name() + ", statement " + evaluation.statement();
            }
        }
        return null;
    }

    /** Eight lowercase letters and digits derived from {@code name}. */
    private static String token(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder token = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                token.append(Character.forDigit((hash[i] & 0xff) % 36, 36));
            }
            return token.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
