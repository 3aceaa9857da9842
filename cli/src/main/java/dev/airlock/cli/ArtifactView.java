package dev.airlock.cli;

import dev.airlock.artifact.Artifact;
import dev.airlock.environment.Environment;
import dev.airlock.promotion.EnvironmentStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code artifacts} and {@code artifact} share: the JSON of an artifact and where it is. */
final class ArtifactView {
    private ArtifactView() {
    }

    /** The environments that run {@code artifact} now, in landscape order. */
    static List<String> runningIn(Artifact artifact, List<EnvironmentStatus> status) {
        return status.stream().filter(s -> s.current() != null && s.current().digest().equals(artifact.digest()))
                .map(s -> s.environment().name()).toList();
    }

    /** {@code environments} in landscape order. */
    static List<String> environmentsInOrder(Airlock airlock, Set<String> environments) {
        return airlock.configuration.landscape().environments().stream().map(Environment::name)
                .filter(environments::contains).toList();
    }

    static Map<String, Object> json(Artifact artifact, List<String> runningIn, Map<String, Instant> verifiedSince) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", artifact.name());
        out.put("version", artifact.version());
        out.put("kind", artifact.kind().configName());
        out.put("digest", artifact.digest().value());
        out.put("size", artifact.size());
        out.put("mediaType", artifact.mediaType());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("sourceRepository", artifact.provenance().sourceRepository());
        provenance.put("revision", artifact.provenance().revision());
        provenance.put("buildId", artifact.provenance().buildId());
        provenance.put("builder", artifact.provenance().builder());
        provenance.put("builtAt", artifact.provenance().builtAt().toString());
        out.put("provenance", provenance);
        out.put("runningIn", runningIn);
        Map<String, String> verified = new java.util.TreeMap<>();
        verifiedSince.forEach((env, since) -> verified.put(env, since.toString()));
        out.put("verifiedIn", verified);
        return out;
    }
}
