package dev.airlock.guardrail;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Landscape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy example of the README ({@code policies/airlock.yaml}) and builders for
 * requests and states against it. Times default to Tuesday 2025-03-25 11:00 in Berlin, inside the
 * production window.
 */
final class Fixtures {
    static final String EXAMPLE = resource("/policies/airlock.yaml");
    static final AirlockConfiguration CONFIGURATION = AirlockConfiguration.parse("airlock.yaml", EXAMPLE, false);
    static final Landscape LANDSCAPE = CONFIGURATION.landscape();
    static final Guardrails GUARDRAILS = CONFIGURATION.guardrails();

    static final Instant TUESDAY_11_BERLIN = Instant.parse("2025-03-25T10:00:00Z");
    static final Digest DIGEST = Digest.of("shop 1.4.2".getBytes(StandardCharsets.UTF_8));
    static final Digest OTHER_DIGEST = Digest.of("shop 1.4.3".getBytes(StandardCharsets.UTF_8));

    private Fixtures() {
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example configuration with one piece of text replaced, e.g. to engage the stop switch. */
    static Guardrails exampleWith(String original, String replacement) {
        if (!EXAMPLE.contains(original)) {
            throw new IllegalArgumentException("the example has no '" + original + "'");
        }
        return AirlockConfiguration.parse("airlock.yaml", EXAMPLE.replace(original, replacement), false).guardrails();
    }

    static Artifact artifact(Digest digest, String builder, String repository, Instant builtAt) {
        return new Artifact("shop", "1.4.2", ArtifactKind.CONTAINER_IMAGE, digest, 52_000_000,
                "application/vnd.oci.image.manifest.v1+json",
                new Provenance(repository, "9f1c2e7", "build-881", builder, builtAt));
    }

    static Artifact artifact() {
        return artifact(DIGEST, "ci@tooling", "github.com/acme/shop", Instant.parse("2025-03-20T10:00:00Z"));
    }

    static RequestBuilder promote(String from, String to) {
        return new RequestBuilder(from, to);
    }

    static RequestBuilder enter(String to) {
        return new RequestBuilder(null, to);
    }

    static StateBuilder state() {
        return new StateBuilder(GUARDRAILS);
    }

    static final class RequestBuilder {
        private final String from;
        private final String to;
        private Artifact artifact = Fixtures.artifact();
        private Principal principal = Principal.of("rita");
        private boolean breakGlass;
        private String justification;
        private boolean rollback;
        private final Map<String, String> attributes = new LinkedHashMap<>(Map.of("change", "CHG-1234"));

        private RequestBuilder(String from, String to) {
            this.from = from;
            this.to = to;
        }

        RequestBuilder by(String principal, String... groups) {
            this.principal = Principal.of(principal, groups);
            return this;
        }

        RequestBuilder artifact(Artifact artifact) {
            this.artifact = artifact;
            return this;
        }

        RequestBuilder breakGlass(String justification) {
            this.breakGlass = true;
            this.justification = justification;
            return this;
        }

        RequestBuilder rollback() {
            this.rollback = true;
            return this;
        }

        RequestBuilder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        RequestBuilder withoutAttribute(String name) {
            attributes.remove(name);
            return this;
        }

        PromotionRequest build() {
            return new PromotionRequest(artifact, from == null ? null : LANDSCAPE.require(from), LANDSCAPE.require(to),
                    principal, breakGlass, justification, rollback, attributes);
        }
    }

    static final class StateBuilder {
        private final Guardrails guardrails;
        private final Map<String, Instant> verified = new HashMap<>();
        private final List<Approval> approvals = new ArrayList<>();
        private final Map<String, Digest> current = new HashMap<>();
        private boolean immutable = true;

        StateBuilder(Guardrails guardrails) {
            this.guardrails = guardrails;
        }

        StateBuilder verified(String environment, Instant since) {
            verified.put(environment, since);
            return this;
        }

        /** An approval of {@link #DIGEST} for {@code environment} under the current policy version. */
        StateBuilder approval(String approver, String environment, Instant at) {
            return approval(approver, DIGEST, environment, guardrails.approvalPolicyVersion(environment), at);
        }

        StateBuilder approval(String approver, Digest digest, String environment, String policyVersion, Instant at) {
            approvals.add(new Approval(Principal.of(approver), digest, environment, policyVersion, at));
            return this;
        }

        StateBuilder current(String environment, Digest digest) {
            current.put(environment, digest);
            return this;
        }

        StateBuilder mutableRepository() {
            immutable = false;
            return this;
        }

        GuardrailState build() {
            return new GuardrailState(verified, approvals, current, immutable);
        }
    }
}
