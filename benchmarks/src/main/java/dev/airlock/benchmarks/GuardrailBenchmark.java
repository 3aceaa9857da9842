package dev.airlock.benchmarks;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.PromotionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deciding a production promotion under a realistic policy set: 28 statements in four documents over
 * the organization, the production tier, the prod environment group and one environment, plus the
 * three built-in statements. {@code decide} is what enforcement pays; {@code decideAndExplain} and
 * {@code decideAndJson} add rendering every statement's reason, as "why can't I promote?" does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GuardrailBenchmark {
    private static final String CONFIGURATION = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
              - {name: test, account: "333333333333", regions: [eu-central-1], tier: test,
                 deployRole: "arn:aws:iam::333333333333:role/airlock-deploy"}
              - {name: staging, account: "444444444444", regions: [eu-central-1], tier: staging,
                 deployRole: "arn:aws:iam::444444444444:role/airlock-deploy"}
              - {name: prod-eu, account: "555555555555", regions: [eu-central-1, eu-west-1], tier: production,
                 deployRole: "arn:aws:iam::555555555555:role/airlock-deploy"}
              - {name: prod-us, account: "666666666666", regions: [us-east-1], tier: production,
                 deployRole: "arn:aws:iam::666666666666:role/airlock-deploy"}
            pipeline:
              entry: [dev]
              promotions:
                - {from: dev, to: test}
                - {from: test, to: staging}
                - {from: staging, to: [prod-eu, prod-us]}
            groups:
              developers: [alice, dan, erin, frank]
              release-managers: [rita, rob, rae]
              sre-leads: [sam, sue]
              auditors: [ann]
            environmentGroups:
              prod: [prod-eu, prod-us]
            policies:
              - id: organization
                version: 12
                attach: organization
                statements:
                  - {id: stop-switch, kind: stop, engaged: false}
                  - {id: trusted-builders, kind: provenance, builders: ["ci@tooling", "release-bot@tooling"]}
                  - {id: trusted-repositories, kind: provenance, repositories: ["github.com/acme/*"]}
                  - {id: engineers-promote, kind: permission, groups: [developers, release-managers, sre-leads]}
                  - {id: bots-promote, kind: permission, principals: [release-bot]}
                  - {id: fresh-artifacts, kind: max-age, maxAge: 30d, rollbacks: exclude}
                  - {id: eu-and-us-only, kind: allowed-regions, regions: ["eu-*", "us-*"]}
                  - {id: no-auditors, kind: condition, effect: deny, conditions: [{attribute: principal, in: [ann]}]}
                  - {id: main-branch-builds, kind: condition, effect: deny,
                     conditions: [{attribute: artifact.buildId, glob: "pr-*"}]}
                  - {id: embargo, kind: condition, effect: deny,
                     conditions: [{attribute: now, before: "2020-01-01T00:00:00Z"}]}
              - id: production
                version: "2025-03"
                attach: {tier: production}
                statements:
                  - {id: release-managers-only, kind: allowed-principals, groups: [release-managers, sre-leads]}
                  - {id: two-approvals, kind: approvals, count: 2, from: [release-managers], expiresAfter: 48h}
                  - {id: emergency-approval, kind: approvals, count: 1, from: [sre-leads], breakGlass: true,
                     expiresAfter: 4h}
                  - {id: staging-soak, kind: soak, duration: 24h, rollbacks: exclude}
                  - {id: working-hours, kind: window, zone: Europe/Berlin, days: mon-fri, from: "08:00", to: "18:00"}
                  - {id: friday-freeze, kind: freeze, zone: Europe/Berlin, days: [fri], from: "15:00", to: "24:00"}
                  - {id: year-end-freeze, kind: freeze, zone: Europe/Berlin, start: 2025-12-20, end: 2026-01-05}
                  - {id: immutable-repositories, kind: immutable-repository}
                  - {id: images-only, kind: condition, effect: deny,
                     conditions: [{attribute: artifact.kind, notEquals: container-image}]}
                  - {id: production-no-skipping, kind: no-skipping}
              - id: prod-change-control
                version: 3
                attach: {group: prod}
                statements:
                  - {id: change-ticket, kind: condition, effect: require, rollbacks: exclude,
                     conditions: [{attribute: attributes.change, glob: "CHG-*"}]}
                  - {id: no-weekend-rollouts, kind: freeze, zone: Europe/Berlin, days: [sat, sun], from: "00:00",
                     to: "24:00", bypassable: false}
                  - {id: us-hours, kind: window, zone: America/New_York, days: mon-fri, from: "03:00", to: "20:00",
                     when: [{attribute: target, equals: prod-us}]}
                  - {id: signed-off-revision, kind: condition, effect: require,
                     conditions: [{attribute: artifact.revision, glob: "*"}]}
              - id: prod-eu
                version: 5
                attach: {environment: prod-eu}
                statements:
                  - {id: eu-regions-only, kind: allowed-regions, regions: ["eu-*"]}
                  - {id: eu-soak-in-staging, kind: soak, duration: 12h, stage: staging}
                  - {id: gdpr-review, kind: condition, effect: require, rollbacks: exclude,
                     conditions: [{attribute: attributes.gdpr-review, equals: done}]}
                  - {id: eu-release-managers, kind: permission, groups: [release-managers]}
            """;

    private Guardrails guardrails;
    private PromotionRequest request;
    private GuardrailState state;
    private Instant now;

    @Setup
    public void setUp() {
        AirlockConfiguration configuration = AirlockConfiguration.parse("benchmark.yaml", CONFIGURATION, false);
        guardrails = configuration.guardrails();
        Landscape landscape = configuration.landscape();
        now = Instant.parse("2025-03-25T10:00:00Z"); // a Tuesday, 11:00 in Berlin
        Digest digest = Digest.of("shop 1.4.2".getBytes(StandardCharsets.UTF_8));
        Artifact artifact = new Artifact("shop", "1.4.2", ArtifactKind.CONTAINER_IMAGE, digest, 52_000_000,
                "application/vnd.oci.image.manifest.v1+json", new Provenance("github.com/acme/shop", "9f1c2e7",
                "build-881", "ci@tooling", now.minus(Duration.ofDays(5))));
        request = new PromotionRequest(artifact, landscape.require("staging"), landscape.require("prod-eu"),
                Principal.of("rita"), false, null, false, Map.of("change", "CHG-1234", "gdpr-review", "done"));
        String version = guardrails.approvalPolicyVersion("prod-eu");
        state = new GuardrailState(Map.of("dev", now.minus(Duration.ofDays(4)), "test", now.minus(Duration.ofDays(3)),
                "staging", now.minus(Duration.ofHours(30))), List.of(
                new Approval(Principal.of("rob"), digest, "prod-eu", version, now.minus(Duration.ofHours(2))),
                new Approval(Principal.of("rita"), digest, "prod-eu", version, now.minus(Duration.ofHours(2))),
                new Approval(Principal.of("rae"), digest, "prod-eu", version, now.minus(Duration.ofHours(1)))),
                Map.of("prod-eu", Digest.of("shop 1.4.1".getBytes(StandardCharsets.UTF_8))), true);

        Decision decision = guardrails.decide(request, state, now);
        if (decision.outcome() != Outcome.ALLOWED || decision.results().size() < 28) {
            throw new IllegalStateException("the benchmark must decide an allowed promotion under at least 28"
                    + " statements, but got:\n" + decision.explain());
        }
    }

    @Benchmark
    public Outcome decide() {
        return guardrails.decide(request, state, now).outcome();
    }

    @Benchmark
    public String decideAndExplain() {
        return guardrails.decide(request, state, now).explain();
    }
}
