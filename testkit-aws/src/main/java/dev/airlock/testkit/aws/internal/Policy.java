package dev.airlock.testkit.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed IAM policy document (bucket policy, repository policy, session policy or role permissions):
 * statements with Effect, Principal, Action and Resource, evaluated the IAM way: an explicit Deny beats
 * any Allow, and no matching Allow means no decision.
 *
 * <p>Conditions are evaluated over the request's condition keys (see {@link Conditions}) and NotAction is
 * honoured; NotResource and NotPrincipal are not modeled, and a document using them (or a condition
 * operator not modeled) is refused with {@link UnsupportedOperationException} rather than evaluated wrongly.
 * An evaluation says which statement decided, by its Sid, so a refusal can name it.
 */
public final class Policy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "Action", "NotAction", "Resource",
            "Condition");
    private static final Set<String> UNMODELED = Set.of("NotResource", "NotPrincipal");

    /** The outcome of evaluating a policy for one request. */
    public enum Decision {
        /** A statement allows the request and none denies it. */
        ALLOW,
        /** A statement explicitly denies the request. */
        DENY,
        /** No statement applies. */
        NONE
    }

    /** Whether a policy is attached to a resource (and so names principals) or to an identity. */
    public enum Kind {
        /** Bucket and repository policies: every statement names a Principal. */
        RESOURCE,
        /** Role permissions and session policies: no Principal, Resource required. */
        IDENTITY,
        /** A role's trust policy: Principal required, no Resource (the role is the resource). */
        TRUST,
        /** A service control policy: no Principal; it bounds every principal of the accounts below it. */
        SCP
    }

    /**
     * What a policy says about one request, and which statement said it.
     *
     * @param statement the Sid (or "statement N", counting from 1) of the first Deny that matched, or of
     *                  the first Allow when none denied; null when no statement applies
     */
    public record Evaluation(Decision decision, @Nullable String statement) {
        static final Evaluation NONE = new Evaluation(Decision.NONE, null);
    }

    private record Statement(String sid, boolean deny, @Nullable List<String> principals, List<Pattern> actions,
            boolean notAction, @Nullable List<Pattern> resources, List<String> resourceTexts, Conditions conditions) {
    }

    private final String text;
    private final List<Statement> statements;

    private Policy(String text, List<Statement> statements) {
        this.text = text;
        this.statements = List.copyOf(statements);
    }

    /**
     * Parses a policy document.
     *
     * @throws PolicyException when AWS would reject the document as malformed
     * @throws UnsupportedOperationException when it uses an element this model does not evaluate
     */
    public static Policy parse(String text, Kind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PolicyException("Policies must be valid JSON and the first byte must be '{'");
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException("Policies must be valid JSON and the first byte must be '{'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new PolicyException("Unknown field " + name);
            }
        }
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw new PolicyException("Missing required field Statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (statementNode.isArray()) {
            for (JsonNode statement : statementNode) {
                statements.add(statement(statement, kind, statements.size() + 1));
            }
        } else {
            statements.add(statement(statementNode, kind, 1));
        }
        if (statements.isEmpty()) {
            throw new PolicyException("Missing required field Statement");
        }
        return new Policy(text, statements);
    }

    private static Statement statement(JsonNode node, Kind kind, int number) {
        if (!node.isObject()) {
            throw new PolicyException("Statement must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (UNMODELED.contains(name)) {
                throw new UnsupportedOperationException("The in-memory AWS does not evaluate policy element '" + name
                        + "'; use Effect, Principal, Action and Resource only");
            }
            if (!STATEMENT_KEYS.contains(name)) {
                throw new PolicyException("Unknown field " + name);
            }
        }
        String effect = node.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new PolicyException("Invalid effect: " + effect);
        }
        boolean notAction = node.has("NotAction");
        if (notAction && node.has("Action")) {
            throw new PolicyException("Statement may not have both Action and NotAction");
        }
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), "Action");
        if (actions.isEmpty()) {
            throw new PolicyException("Missing required field Action");
        }
        List<String> principals = null;
        JsonNode principal = node.get("Principal");
        if (kind == Kind.RESOURCE || kind == Kind.TRUST) {
            if (principal == null) {
                throw new PolicyException("Missing required field Principal");
            }
            principals = principals(principal);
        } else if (principal != null) {
            throw new PolicyException("Policy document should not specify a principal.");
        }
        JsonNode resource = node.get("Resource");
        List<String> resourceTexts = strings(resource, "Resource");
        List<Pattern> resources = null;
        if (resource != null) {
            resources = resourceTexts.stream().map(r -> glob(r, false)).toList();
        } else if (kind == Kind.IDENTITY || kind == Kind.SCP) {
            throw new PolicyException("Missing required field Resource");
        }
        if (kind == Kind.TRUST && resource != null) {
            throw new PolicyException("Has prohibited field Resource");
        }
        Conditions conditions = node.has("Condition") ? Conditions.parse(node.get("Condition")) : Conditions.none();
        String sid = node.has("Sid") ? node.get("Sid").asText() : "statement " + number;
        return new Statement(sid, effect.equals("Deny"), principals, actions.stream().map(a -> glob(a, true)).toList(),
                notAction, resources, resourceTexts, conditions);
    }

    private static List<String> principals(JsonNode node) {
        if (node.isTextual() && node.asText().equals("*")) {
            return List.of("*");
        }
        if (!node.isObject()) {
            throw new PolicyException("Invalid principal in policy");
        }
        List<String> principals = new ArrayList<>();
        for (Iterator<String> types = node.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            List<String> values = strings(node.get(type), "Principal");
            if (!type.equals("AWS")) {
                // Service and federated principals exist but never call through these fakes.
                continue;
            }
            for (String value : values) {
                String normalized = Principals.normalize(value);
                if (normalized == null) {
                    throw new PolicyException("Invalid principal in policy");
                }
                principals.add(normalized);
            }
        }
        return principals;
    }

    private static List<String> strings(@Nullable JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new PolicyException(field + " must be a string or a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new PolicyException(field + " must be a string or a list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static Pattern glob(String glob, boolean caseInsensitive) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return caseInsensitive
                ? Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                : Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Evaluates the policy for {@code caller} (ignored for identity policies and SCPs) performing
     * {@code action} on {@code resource}, with the request's condition keys (lower-cased). A statement
     * without Resource applies to the resource the policy is attached to. The first matching Deny decides.
     */
    public Evaluation evaluate(Caller caller, String action, String resource, Map<String, String> context) {
        Evaluation allowed = Evaluation.NONE;
        for (Statement statement : statements) {
            if (statement.principals() != null
                    && statement.principals().stream().noneMatch(p -> Principals.matches(p, caller))) {
                continue;
            }
            if (statement.actions().stream().anyMatch(p -> p.matcher(action).matches()) == statement.notAction()) {
                continue;
            }
            if (statement.resources() != null
                    && statement.resources().stream().noneMatch(p -> p.matcher(resource).matches())) {
                continue;
            }
            if (!statement.conditions().hold(context)) {
                continue;
            }
            if (statement.deny()) {
                return new Evaluation(Decision.DENY, statement.sid());
            }
            if (allowed.decision() == Decision.NONE) {
                allowed = new Evaluation(Decision.ALLOW, statement.sid());
            }
        }
        return allowed;
    }

    /** {@link #evaluate}'s decision alone. */
    public Decision decide(Caller caller, String action, String resource, Map<String, String> context) {
        return evaluate(caller, action, resource, context).decision();
    }

    /** Every principal the policy names (normalized), to check they exist. */
    public List<String> principals() {
        List<String> all = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.principals() != null) {
                all.addAll(statement.principals());
            }
        }
        return all;
    }

    /** The Resource entries of each statement, in order; an empty list where a statement has none. */
    public List<List<String>> resourcesByStatement() {
        return statements.stream().map(Statement::resourceTexts).toList();
    }

    /** The document as it was given. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "Policy[" + statements.size() + " statements]";
    }
}
