package dev.airlock.internal.guardrail;

import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.guardrail.UnmetRequirement;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link Guardrails} compiled from policies: for every environment, the statements that apply to it
 * (built-ins, organization, its tier, its environment groups, itself) sorted by level and id, so
 * neither document nor statement order can change a decision, and deciding is one pass over an array.
 */
public final class PolicyEngine implements Guardrails {
    private static final Comparator<Check> RESULT_ORDER = Comparator.<Check>comparingInt(c -> c.rank)
            .thenComparing(c -> c.level).thenComparing(c -> c.id);
    private static final Comparator<PolicyDocument> DOCUMENT_ORDER = Comparator
            .<PolicyDocument>comparingInt(d -> d.attach().scope().ordinal())
            .thenComparing(d -> d.attach().level()).thenComparing(PolicyDocument::id);

    private final Map<String, Plan> plans;
    private final Membership membership;

    private PolicyEngine(Map<String, Plan> plans, Membership membership) {
        this.plans = plans;
        this.membership = membership;
    }

    /**
     * Checks the policies against the landscape and compiles them.
     *
     * @throws InvalidConfigurationException listing every {@link PolicyRules} violation
     */
    public static PolicyEngine compile(Landscape landscape, Policies policies, Map<String, List<String>> peopleGroups) {
        List<PolicyRules.Violation> violations = PolicyRules.check(landscape, policies, peopleGroups);
        if (!violations.isEmpty()) {
            throw new InvalidConfigurationException(violations.stream()
                    .map(v -> new Problem("<policies>", 0, 0, v.path() + ": " + v.message())).toList());
        }
        Map<PolicyDocument, List<Check>> compiled = new IdentityHashMap<>();
        boolean noSkippingSwitchedOff = false;
        for (PolicyDocument document : policies.documents()) {
            List<Check> checks = new ArrayList<>();
            for (Statement statement : document.statements()) {
                checks.add(RuleKinds.compile(statement, document.attach(), landscape));
                noSkippingSwitchedOff |= statement.rule() instanceof Rule.NoSkipping noSkipping && !noSkipping.enabled()
                        && document.attach().scope() == Attachment.Scope.ORGANIZATION;
            }
            compiled.put(document, checks);
        }
        List<Check> builtIns = new ArrayList<>(List.of(new PermissionRequiredCheck(), new BreakGlassCheck()));
        // Only an explicit switch-off removes the default; any enabled statement of the kind adds to it.
        if (!noSkippingSwitchedOff) {
            builtIns.add(new NoSkippingCheck(landscape));
        }

        Map<String, Plan> plans = new HashMap<>();
        for (Environment environment : landscape.environments()) {
            List<PolicyDocument> applying = policies.documents().stream()
                    .filter(d -> applies(d.attach(), environment, policies.environmentGroups()))
                    .sorted(DOCUMENT_ORDER).toList();
            List<Check> checks = new ArrayList<>(builtIns);
            applying.forEach(d -> checks.addAll(compiled.get(d)));
            checks.sort(RESULT_ORDER);
            String version = applying.isEmpty() ? "builtin"
                    : applying.stream().map(d -> d.id() + "@" + d.version()).collect(Collectors.joining(","));
            plans.put(environment.name(), new Plan(environment, checks.toArray(Check[]::new), version));
        }
        return new PolicyEngine(Map.copyOf(plans), new Membership(peopleGroups));
    }

    private static boolean applies(Attachment attach, Environment environment, Map<String, List<String>> groups) {
        return switch (attach.scope()) {
            case ORGANIZATION -> true;
            case TIER -> environment.tier().configName().equals(attach.name());
            case GROUP -> groups.getOrDefault(attach.name(), List.of()).contains(environment.name());
            case ENVIRONMENT -> environment.name().equals(attach.name());
        };
    }

    @Override
    public Decision decide(PromotionRequest request, GuardrailState state, Instant now) {
        Plan plan = plan(request.target().name());
        Facts facts = new Facts(request, state, now, plan, membership);
        Check[] checks = plan.checks;
        Verdict[] verdicts = facts.verdicts;
        for (int i : plan.order) {
            verdicts[i] = checks[i].judge(facts);
        }
        boolean denied = false;
        boolean pending = false;
        for (Verdict verdict : verdicts) {
            denied |= verdict == Verdict.DENIES;
            pending |= verdict == Verdict.UNMET;
        }
        Outcome outcome = denied ? Outcome.DENIED : pending ? Outcome.PENDING : Outcome.ALLOWED;
        return Decision.deferred(request, now, plan.policyVersion, outcome, () -> results(facts), () -> unmet(facts));
    }

    private static List<UnmetRequirement> unmet(Facts facts) {
        Check[] checks = facts.plan.checks;
        List<UnmetRequirement> out = new ArrayList<>();
        for (int i = 0; i < checks.length; i++) {
            if (facts.verdicts[i] == Verdict.UNMET) {
                out.add(checks[i].unmet(facts, checks[i].explain(facts, Verdict.UNMET)));
            }
        }
        return out;
    }

    private static List<StatementResult> results(Facts facts) {
        Check[] checks = facts.plan.checks;
        List<StatementResult> out = new ArrayList<>(checks.length);
        for (int i = 0; i < checks.length; i++) {
            Verdict verdict = facts.verdicts[i];
            out.add(new StatementResult(checks[i].id, checks[i].level, verdict.visible, checks[i].explain(facts, verdict)));
        }
        return out;
    }

    @Override
    public String approvalPolicyVersion(String environment) {
        return plan(environment).policyVersion;
    }

    @Override
    public boolean requiresImmutability(String environment) {
        return plan(environment).readsImmutability;
    }

    @Override
    public Set<String> approvers(String environment) {
        return plan(environment).approvers;
    }

    @Override
    public Set<String> gates(String environment) {
        return plan(environment).gates;
    }

    private Plan plan(String environment) {
        Plan plan = plans.get(environment);
        if (plan == null) {
            throw new UnknownEnvironmentException(environment, plans.keySet());
        }
        return plan;
    }

    @Override
    public String toString() {
        return "Guardrails" + plans.keySet().stream().sorted().map(e -> e + "=" + plans.get(e).policyVersion).toList();
    }
}
