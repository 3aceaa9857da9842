package dev.airlock.testkit.aws.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An AWS organization: its id, the management account, organizational units directly under the root,
 * and the service control policies attached to the root, to units and to accounts. SCPs bound every
 * principal of a member account (the root user too), never the management account; AWS's default
 * FullAWSAccess is taken as attached everywhere, so only an SCP's Deny statements can refuse.
 */
public final class Organization {
    public static final String ROOT = "root";

    /** An SCP attached somewhere on an account's path. */
    public record Attached(String name, String target, Policy policy) {
    }

    private final String id;
    private final String management;
    private final Map<String, String> unitOf = new LinkedHashMap<>();
    private final List<Attached> policies = new CopyOnWriteArrayList<>();

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

    /** Places an account in a unit directly under the root. */
    public synchronized void place(String account, String unit) {
        unitOf.put(account, unit);
    }

    public void attach(String name, String target, Policy policy) {
        policies.add(new Attached(name, target, policy));
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
}
