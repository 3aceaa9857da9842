package dev.airlock.guardrail;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Condition;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rollbacks;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random but valid policies, requests and states over the example landscape, for the laws the
 * guardrails must obey whatever the policies say.
 */
final class PolicyArbitraries {
    static final Instant BASE = Instant.parse("2025-03-24T00:00:00Z");
    static final Map<String, List<String>> ENVIRONMENT_GROUPS = Map.of("prod", List.of("prod-eu", "prod-us"));
    static final Map<String, List<String>> PEOPLE = Fixtures.CONFIGURATION.groups();
    static final List<String> ENVIRONMENTS = List.of("dev", "test", "staging", "prod-eu", "prod-us");
    private static final List<String> PRINCIPALS = List.of("alice", "dan", "rita", "rob", "rae", "sam", "sue", "mallory");
    private static final List<String> GROUPS = List.of("developers", "release-managers", "sre-leads");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"),
            ZoneId.of("America/New_York"));

    private PolicyArbitraries() {
    }

    /** A statement without its id: ids are given when statements are placed, so they stay unique. */
    record Spec(Rule rule, boolean bypassable, Rollbacks rollbacks, List<Condition> when) {
        Statement toStatement(String id) {
            boolean allowed = !rule.neverBypassable() && !(rule instanceof Rule.Permission)
                    && !(rule instanceof Rule.Approvals a && a.breakGlass());
            return new Statement(id, rule, bypassable && allowed, rollbacks, when);
        }
    }

    /** Specs placed at levels. */
    record Placed(Attachment attach, List<Spec> specs) {
    }

    /** A policy set as placed specs; {@link #policies()} turns it into documents with unique ids. */
    record World(List<Placed> placed, boolean noSkippingOff, boolean grantEveryone) {
        World plus(Placed more) {
            List<Placed> all = new ArrayList<>(placed);
            all.add(more);
            return new World(all, noSkippingOff, grantEveryone);
        }

        Policies policies() {
            List<PolicyDocument> documents = new ArrayList<>();
            int statement = 0;
            for (int d = 0; d < placed.size(); d++) {
                List<Statement> statements = new ArrayList<>();
                for (Spec spec : placed.get(d).specs()) {
                    statements.add(spec.toStatement("s" + statement++));
                }
                documents.add(new PolicyDocument("p" + d, "v" + d, placed.get(d).attach(), statements));
            }
            if (grantEveryone) {
                documents.add(PolicyDocument.of("everyone", "1", Attachment.organization(),
                        Statement.of("everyone-may", new Rule.Permission(PRINCIPALS, List.of()))));
            }
            if (noSkippingOff) {
                documents.add(PolicyDocument.of("switch", "1", Attachment.organization(),
                        Statement.of("no-skipping-off", new Rule.NoSkipping(false))));
            }
            return new Policies(ENVIRONMENT_GROUPS, documents);
        }

        Guardrails guardrails() {
            return Guardrails.of(Fixtures.LANDSCAPE, policies(), PEOPLE);
        }
    }

    /** An approval to be resolved against a request and the guardrails' policy version. */
    record ApprovalSpec(String approver, boolean sameDigest, boolean forTarget, boolean currentVersion, int hoursAgo) {
    }

    /** A state to be resolved against a request, an instant and guardrails. */
    record StateSpec(Map<String, Integer> verifiedHoursAgo, List<ApprovalSpec> approvals, boolean immutable) {
        GuardrailState resolve(PromotionRequest request, Instant now, Guardrails guardrails) {
            Map<String, Instant> verified = new HashMap<>();
            verifiedHoursAgo.forEach((environment, hours) -> verified.put(environment, now.minus(Duration.ofHours(hours))));
            String target = request.target().name();
            List<Approval> resolved = new ArrayList<>();
            for (ApprovalSpec a : approvals) {
                Digest digest = a.sameDigest() ? request.artifact().digest() : Fixtures.OTHER_DIGEST;
                String environment = a.forTarget() ? target : (target.equals("prod-eu") ? "prod-us" : "prod-eu");
                String version = a.currentVersion() ? guardrails.approvalPolicyVersion(environment) : "stale";
                resolved.add(new Approval(Principal.of(a.approver()), digest, environment, version,
                        now.minus(Duration.ofHours(a.hoursAgo()))));
            }
            return new GuardrailState(verified, resolved, Map.of(), immutable);
        }
    }

    static Arbitrary<Attachment> levels() {
        return Arbitraries.of(Attachment.organization(), Attachment.tier(Tier.PRODUCTION), Attachment.tier(Tier.STAGING),
                Attachment.tier(Tier.DEVELOPMENT), Attachment.group("prod"), Attachment.environment("dev"),
                Attachment.environment("staging"), Attachment.environment("prod-eu"), Attachment.environment("prod-us"));
    }

    /** Levels above a single environment: the parents of the property about children. */
    static Arbitrary<Attachment> parentLevels() {
        return Arbitraries.of(Attachment.organization(), Attachment.tier(Tier.PRODUCTION), Attachment.tier(Tier.STAGING),
                Attachment.group("prod"));
    }

    static Arbitrary<World> worlds(Arbitrary<Attachment> levels) {
        Arbitrary<Placed> placed = Combinators.combine(levels, specs().list().ofMinSize(1).ofMaxSize(4)).as(Placed::new);
        return Combinators.combine(placed.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(5, false)),
                Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false))).as(World::new);
    }

    static Arbitrary<Spec> specs() {
        return spec(rules());
    }

    static Arbitrary<Spec> denySpecs() {
        return spec(denyRules());
    }

    private static Arbitrary<Spec> spec(Arbitrary<Rule> rules) {
        return Combinators.combine(rules, Arbitraries.of(true, false), Arbitraries.of(Rollbacks.class),
                conditions().list().ofMaxSize(1)).as(Spec::new);
    }

    static Arbitrary<Rule> rules() {
        return Arbitraries.frequencyOf(Tuple.of(2, denyRules()), Tuple.of(2, permissions()),
                Tuple.of(2, approvals()), Tuple.of(1, soaks()), Tuple.of(1, windows()),
                Tuple.of(1, conditionals(Effect.ALLOW)), Tuple.of(1, conditionals(Effect.REQUIRE)));
    }

    /** Rules whose effect is deny. */
    static Arbitrary<Rule> denyRules() {
        return Arbitraries.oneOf(Arbitraries.just(new Rule.NoSkipping(true)),
                schedules().map(s -> new Rule.Freeze(s, "")),
                Arbitraries.of(true, false).map(engaged -> new Rule.Stop(engaged, "")),
                Combinators.combine(subset("ci@tooling", "ci@*", "rob"), subset("github.com/acme/*", "github.com/*/shop"))
                        .filter((b, r) -> !b.isEmpty() || !r.isEmpty()).as(Rule.TrustedProvenance::new),
                Arbitraries.of(1, 7, 30).map(days -> new Rule.MaxAge(Duration.ofDays(days))),
                Combinators.combine(subset(PRINCIPALS.toArray(String[]::new)), subset(GROUPS.toArray(String[]::new)))
                        .filter((p, g) -> !p.isEmpty() || !g.isEmpty()).as(Rule.AllowedPrincipals::new),
                subset("eu-*", "eu-central-1", "us-east-1").filter(r -> !r.isEmpty()).map(Rule.AllowedRegions::new),
                Arbitraries.just(new Rule.ImmutableRepository()),
                conditionals(Effect.DENY));
    }

    private static Arbitrary<Rule> permissions() {
        return Combinators.combine(subset(PRINCIPALS.toArray(String[]::new)), subset(GROUPS.toArray(String[]::new)))
                .filter((p, g) -> !p.isEmpty() || !g.isEmpty()).as(Rule.Permission::new);
    }

    private static Arbitrary<Rule> approvals() {
        return Combinators.combine(Arbitraries.integers().between(1, 2), subset(GROUPS.toArray(String[]::new)),
                Arbitraries.of(1, 24, 72), Arbitraries.of(true, false))
                .as((count, from, hours, breakGlass) -> new Rule.Approvals(count, from, Duration.ofHours(hours), breakGlass));
    }

    private static Arbitrary<Rule> soaks() {
        return Combinators.combine(Arbitraries.of(1, 24, 48), Arbitraries.of("", "staging", "dev"))
                .as((hours, stage) -> new Rule.Soak(Duration.ofHours(hours), stage.isEmpty() ? null : stage));
    }

    private static Arbitrary<Rule> windows() {
        return schedules().map(Rule.Window::new);
    }

    private static Arbitrary<Rule> conditionals(Effect effect) {
        return conditions().list().ofMinSize(1).ofMaxSize(2).map(c -> new Rule.Conditional(effect, c, ""));
    }

    static Arbitrary<Schedule> schedules() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7)
                .map(EnumSet::copyOf);
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 23).map(h -> LocalTime.of(h, 0));
        return Combinators.combine(Arbitraries.of(ZONES), days, times, times).as(Schedule::weekly);
    }

    static Arbitrary<Condition> conditions() {
        Instant bound = BASE.plus(Duration.ofDays(5));
        return Arbitraries.of(
                Condition.equalTo("target.tier", "production"),
                Condition.glob("attributes.change", "CHG-*"),
                Condition.in("principal", "rita", "alice"),
                Condition.notEqualTo("source", "dev"),
                Condition.before("now", bound),
                Condition.after("artifact.builtAt", BASE.minus(Duration.ofDays(20))),
                Condition.equalTo("rollback", "true"),
                Condition.equalTo("breakGlass", "false"),
                Condition.glob("artifact.repository", "github.com/acme/*"));
    }

    private static Arbitrary<List<String>> subset(String... values) {
        return Arbitraries.of(values).set().ofMaxSize(values.length).map(s -> List.copyOf(new TreeSet<>(s)));
    }

    /** Mostly promotions the graph allows, sometimes ones that skip a stage or jump between siblings. */
    static Arbitrary<PromotionRequest> requests() {
        Arbitrary<String[]> moves = Arbitraries.frequency(
                Tuple.of(2, new String[] {"", "dev"}), Tuple.of(2, new String[] {"dev", "test"}),
                Tuple.of(2, new String[] {"test", "staging"}),
                Tuple.of(4, new String[] {"staging", "prod-eu"}),
                Tuple.of(2, new String[] {"staging", "prod-us"}),
                Tuple.of(1, new String[] {"dev", "prod-eu"}),
                Tuple.of(1, new String[] {"prod-eu", "prod-us"}),
                Tuple.of(1, new String[] {"", "staging"}));
        Arbitrary<Principal> principals = Combinators.combine(Arbitraries.of(PRINCIPALS),
                Arbitraries.of(List.<String>of(), List.<String>of(), List.of("developers"), List.of("sre-leads")))
                .as((id, groups) -> new Principal(id, Set.copyOf(groups)));
        Arbitrary<dev.airlock.artifact.Artifact> artifacts = Combinators.combine(
                Arbitraries.frequency(Tuple.of(8, "ci@tooling"), Tuple.of(1, "laptop@rita"),
                        Tuple.of(1, "rob")),
                Arbitraries.frequency(Tuple.of(8, "github.com/acme/shop"),
                        Tuple.of(1, "github.com/evil/shop")),
                Arbitraries.integers().between(0, 40))
                .as((builder, repo, days) -> Fixtures.artifact(Fixtures.DIGEST, builder, repo, BASE.minus(Duration.ofDays(days))));
        Arbitrary<Map<String, String>> attributes = Arbitraries.of(Map.of(), Map.of("change", "CHG-7"), Map.of("change", "CHG-8"),
                Map.of("change", "X-9"));
        Arbitrary<Boolean> sometimes = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false));
        return Combinators.combine(artifacts, moves, principals, sometimes, sometimes, attributes)
                .as((artifact, move, principal, breakGlass, rollback, attrs) -> new PromotionRequest(artifact,
                        move[0].isEmpty() ? null : Fixtures.LANDSCAPE.require(move[0]), Fixtures.LANDSCAPE.require(move[1]),
                        principal, breakGlass, breakGlass ? "incident" : null, rollback, attrs));
    }

    /** Mostly verified stages and eligible, current approvals, so that many decisions get past the guardrails. */
    static Arbitrary<StateSpec> states() {
        Arbitrary<Integer> hoursOrAbsent = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(-2, 80)),
                Tuple.of(1, Arbitraries.just(Integer.MIN_VALUE)));
        Arbitrary<Map<String, Integer>> verified = hoursOrAbsent.list().ofSize(ENVIRONMENTS.size()).map(hours -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (int i = 0; i < ENVIRONMENTS.size(); i++) {
                if (hours.get(i) != Integer.MIN_VALUE) {
                    out.put(ENVIRONMENTS.get(i), hours.get(i));
                }
            }
            return out;
        });
        Arbitrary<Boolean> mostly = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        Arbitrary<ApprovalSpec> approval = Combinators.combine(Arbitraries.of(PRINCIPALS), mostly, mostly, mostly,
                Arbitraries.integers().between(-1, 80)).as(ApprovalSpec::new);
        return Combinators.combine(verified, approval.list().ofMaxSize(6), mostly).as(StateSpec::new);
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, Duration.ofDays(14).toMinutes()).map(m -> BASE.plus(Duration.ofMinutes(m)));
    }
}
