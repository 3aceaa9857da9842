package dev.airlock.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.guardrail.PolicyArbitraries.Placed;
import dev.airlock.guardrail.PolicyArbitraries.Spec;
import dev.airlock.guardrail.PolicyArbitraries.StateSpec;
import dev.airlock.guardrail.PolicyArbitraries.World;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Laws that hold whatever the policies, the request, the state and the time. */
class GuardrailLawsTest {

    /** DENIED below PENDING below ALLOWED: how permissive an outcome is. */
    private static int permissiveness(Outcome outcome) {
        return switch (outcome) {
            case DENIED -> 0;
            case PENDING -> 1;
            case ALLOWED -> 2;
        };
    }

    @Property(tries = 1000)
    void addingADenyStatementAnywhere_neverMakesADecisionMorePermissive(@ForAll("anyWorld") World world,
            @ForAll("request") PromotionRequest request, @ForAll("state") StateSpec stateSpec, @ForAll("now") Instant now,
            @ForAll("deny") Spec deny, @ForAll("level") Attachment level, @ForAll boolean intoExistingDocument) {
        Guardrails before = world.guardrails();
        GuardrailState state = stateSpec.resolve(request, now, before);
        World withDeny = intoExistingDocument ? addToFirstDocument(world, deny) : world.plus(new Placed(level, List.of(deny)));

        Decision original = before.decide(request, state, now);
        Decision stricter = withDeny.guardrails().decide(request, state, now);
        // The law is only worth checking if the generators produce every outcome often enough.
        Statistics.collect(original.outcome());
        Statistics.coverage(coverage -> {
            coverage.check(Outcome.ALLOWED).percentage(p -> p > 10);
            coverage.check(Outcome.PENDING).percentage(p -> p > 3);
            coverage.check(Outcome.DENIED).percentage(p -> p > 20);
        });

        assertTrue(permissiveness(stricter.outcome()) <= permissiveness(original.outcome()),
                () -> "adding " + deny + " loosened\n" + original.explain() + "into\n" + stricter.explain());
        if (original.outcome() != Outcome.ALLOWED) {
            assertNotEquals(Outcome.ALLOWED, stricter.outcome());
        }
    }

    private static World addToFirstDocument(World world, Spec spec) {
        List<Placed> placed = new ArrayList<>(world.placed());
        Placed first = placed.get(0);
        List<Spec> specs = new ArrayList<>(first.specs());
        specs.add(spec);
        placed.set(0, new Placed(first.attach(), specs));
        return new World(placed, world.noSkippingOff(), world.grantEveryone());
    }

    /**
     * A child level can never loosen a parent's deny: every explicit deny (a document's statement or
     * the no-skipping default) that denies at a parent level still denies, and the request stays
     * denied, whatever the environment level adds, permissions included. The implicit deny of "no
     * permission" is not a parent's deny: granting is what permissions at any level are for.
     */
    @Property(tries = 1000)
    void aChildLevel_neverLoosensAParentsDeny(@ForAll("parentWorld") World parents,
            @ForAll("request") PromotionRequest request, @ForAll("state") StateSpec stateSpec, @ForAll("now") Instant now,
            @ForAll("childSpecs") List<Spec> children) {
        Guardrails parentOnly = parents.guardrails();
        GuardrailState state = stateSpec.resolve(request, now, parentOnly);
        World withChildren = parents.plus(new Placed(Attachment.environment(request.target().name()), children));

        Decision original = parentOnly.decide(request, state, now);
        Decision withChild = withChildren.guardrails().decide(request, state, now);

        List<String> parentDenies = original.results(Verdict.DENIES).stream().map(StatementResult::statementId)
                .filter(id -> !id.equals("builtin:permission") && !id.equals("builtin:break-glass")).toList();
        Statistics.collect(!parentDenies.isEmpty());
        Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
        for (String id : parentDenies) {
            assertEquals(Verdict.DENIES, Expect.result(withChild, id).verdict(),
                    () -> id + " no longer denies after adding children:\n" + withChild.explain());
        }
        if (!parentDenies.isEmpty()) {
            Expect.outcome(withChild, Outcome.DENIED);
        }
    }

    @Property(tries = 1000)
    void shufflingStatementsAndDocuments_neverChangesTheDecision(@ForAll("anyWorld") World world,
            @ForAll("request") PromotionRequest request, @ForAll("state") StateSpec stateSpec, @ForAll("now") Instant now,
            @ForAll long seed) {
        Guardrails ordered = world.guardrails();
        GuardrailState state = stateSpec.resolve(request, now, ordered);
        Policies policies = world.policies();
        Random random = new Random(seed);
        List<PolicyDocument> shuffled = new ArrayList<>();
        for (PolicyDocument document : policies.documents()) {
            List<Statement> statements = new ArrayList<>(document.statements());
            Collections.shuffle(statements, random);
            shuffled.add(new PolicyDocument(document.id(), document.version(), document.attach(), statements));
        }
        Collections.shuffle(shuffled, random);
        Guardrails reordered = Guardrails.of(Fixtures.LANDSCAPE, new Policies(policies.environmentGroups(), shuffled),
                PolicyArbitraries.PEOPLE);

        Decision first = ordered.decide(request, state, now);
        Decision second = reordered.decide(request, state, now);

        assertEquals(first, second);
        assertEquals(first, second);
        assertEquals(first.explain(), second.explain());
    }

    @Property(tries = 1000)
    void theSameInputs_alwaysGiveTheSameDecision(@ForAll("anyWorld") World world,
            @ForAll("request") PromotionRequest request, @ForAll("state") StateSpec stateSpec, @ForAll("now") Instant now) {
        Guardrails one = world.guardrails();
        Guardrails another = world.guardrails();
        GuardrailState state = stateSpec.resolve(request, now, one);

        Decision first = one.decide(request, state, now);
        Decision again = one.decide(request, state, now);
        Decision elsewhere = another.decide(request, state, now);

        assertEquals(first, again);
        assertEquals(first, elsewhere);
        assertEquals(first.explain(), elsewhere.explain());
        assertEquals(first, again);
        assertEquals(first.explain(), again.explain());
    }

    @Property(tries = 1000)
    void aMatchingDeny_alwaysWins_andAllowedNeedsAPermission(@ForAll("anyWorld") World world,
            @ForAll("request") PromotionRequest request, @ForAll("state") StateSpec stateSpec, @ForAll("now") Instant now) {
        Guardrails guardrails = world.guardrails();
        Decision decision = guardrails.decide(request, stateSpec.resolve(request, now, guardrails), now);

        boolean denies = !decision.results(Verdict.DENIES).isEmpty();
        boolean unmet = !decision.results(Verdict.UNMET).isEmpty();
        Outcome expected = denies ? Outcome.DENIED : unmet ? Outcome.PENDING : Outcome.ALLOWED;
        assertEquals(expected, decision.outcome(), decision::explain);
        if (decision.allowed()) {
            assertTrue(!decision.results(Verdict.ALLOWS).isEmpty(), decision::explain);
        }
    }

    @Property(tries = 1000)
    void breakGlass_neverBypassesTheStopSwitchOrTrustedProvenance(@ForAll("anyWorld") World world,
            @ForAll("request") PromotionRequest request, @ForAll("state") StateSpec stateSpec, @ForAll("now") Instant now) {
        Guardrails guardrails = world.guardrails();
        Decision decision = guardrails.decide(request, stateSpec.resolve(request, now, guardrails), now);

        List<String> neverBypassed = world.policies().documents().stream().flatMap(d -> d.statements().stream())
                .filter(s -> s.rule() instanceof Rule.Stop || s.rule() instanceof Rule.TrustedProvenance)
                .map(Statement::id).toList();
        for (StatementResult result : decision.results()) {
            if (neverBypassed.contains(result.statementId())) {
                assertNotEquals(Verdict.BYPASSED, result.verdict(), decision::explain);
            }
        }
    }

    @Provide
    Arbitrary<World> anyWorld() {
        return PolicyArbitraries.worlds(PolicyArbitraries.levels());
    }

    @Provide
    Arbitrary<World> parentWorld() {
        return PolicyArbitraries.worlds(PolicyArbitraries.parentLevels());
    }

    @Provide
    Arbitrary<List<Spec>> childSpecs() {
        return PolicyArbitraries.specs().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Spec> deny() {
        return PolicyArbitraries.denySpecs();
    }

    @Provide
    Arbitrary<Attachment> level() {
        return PolicyArbitraries.levels();
    }

    @Provide
    Arbitrary<PromotionRequest> request() {
        return PolicyArbitraries.requests();
    }

    @Provide
    Arbitrary<StateSpec> state() {
        return PolicyArbitraries.states();
    }

    @Provide
    Arbitrary<Instant> now() {
        return PolicyArbitraries.instants();
    }
}
