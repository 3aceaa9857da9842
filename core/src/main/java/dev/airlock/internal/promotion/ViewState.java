package dev.airlock.internal.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.Keyring;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.UncountedAttestation;
import dev.airlock.internal.promotion.LedgerView.Asked;
import dev.airlock.internal.promotion.LedgerView.Lease;
import dev.airlock.internal.promotion.LedgerView.PromotionRecord;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The state of a {@link LedgerView} as the JSON a checkpoint stores, and back. Written in a fixed
 * order (insertion order where the view keeps one, sorted keys elsewhere), so equal views write equal
 * text: a full verification compares the state it recomputes with a checkpoint's, character for character.
 */
final class ViewState {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Changes whenever what a state records changes: 2 added the request as asked to live promotions. */
    private static final int LAYOUT = 2;

    private ViewState() {
    }

    static String write(LedgerView view) {
        ObjectNode root = JSON.createObjectNode();
        root.put("basis", basis(view.attestations.keyring()));
        ArrayNode artifacts = root.putArray("artifacts");
        view.artifacts.values().forEach(a -> artifacts.add(artifact(a)));
        ArrayNode names = root.putArray("names");
        view.byNameAndVersion.forEach((key, digest) -> names.addArray().add(key).add(digest.value()));
        ArrayNode current = root.putArray("current");
        view.current.forEach((env, digest) -> current.addArray().add(env).add(digest.value())
                .add(view.currentSince.get(env).toString()));
        ObjectNode history = root.putObject("promotedHistory");
        sorted(view.promotedHistory).forEach((env, digests) -> {
            ArrayNode list = history.putArray(env);
            digests.forEach(d -> list.add(d.value()));
        });
        ArrayNode verified = root.putArray("verified");
        new TreeMap<>(byValue(view.verifiedSince)).forEach((digest, envs) -> sorted(envs).forEach((env, since) ->
                verified.addArray().add(digest).add(env).add(since.toString())));
        ArrayNode approvals = root.putArray("approvals");
        sorted(view.approvals).forEach((key, list) -> list.forEach(a -> approvals.add(approval(a))));
        ArrayNode leases = root.putArray("leases");
        sorted(view.leases).forEach((env, lease) -> leases.addArray().add(env).add(lease.promotionId())
                .add(lease.token()).add(lease.expiresAt().toString()));
        ObjectNode tokens = root.putObject("lastToken");
        sorted(view.lastToken).forEach(tokens::put);
        ArrayNode promotions = root.putArray("promotions");
        view.promotions.values().forEach(p -> promotions.add(promotion(p)));
        ObjectNode keys = root.putObject("idempotencyKeys");
        sorted(view.byIdempotencyKey).forEach((key, ids) -> {
            ArrayNode list = keys.putArray(key);
            ids.forEach(list::add);
        });
        ArrayNode uncounted = root.putArray("uncounted");
        new TreeMap<>(byValue(view.uncounted)).forEach((digest, list) -> list.forEach(u -> uncounted.addArray()
                .add(digest).add(u.kind().name()).add(u.owner()).add(u.environment()).add(u.recordedAt().toString())
                .add(u.reason())));
        return root.toString();
    }

    /**
     * A view at {@code head}, the checkpoint's entry, with the state {@code json} records.
     *
     * @throws IllegalArgumentException when {@code json} is not a state this build writes
     */
    static LedgerView restore(String json, LedgerEntry head, Attestations attestations) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state is not JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return restore(root, head, attestations);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the state is not one this version writes: " + e.getMessage(), e);
        }
    }

    /**
     * What a state written now depends on besides the entries: its layout, and the keyring (which attestations
     * counted). A state is reused, or recomputed to compare, only on the same basis.
     */
    static String basis(Keyring keyring) {
        return "layout " + LAYOUT + ", keyring " + keyring.fingerprint();
    }

    /** The basis a state was written on; empty for a state that records none (written by an older version). */
    static String basis(String json) {
        int at = json.indexOf("\"basis\":\"");
        return at < 0 ? "" : json.substring(at + 9, json.indexOf('"', at + 9));
    }

    private static LedgerView restore(JsonNode root, LedgerEntry head, Attestations attestations) {
        LedgerView view = new LedgerView(attestations);
        view.last = head;
        root.get("artifacts").forEach(a -> {
            Artifact artifact = artifact(a);
            view.artifacts.put(artifact.digest(), artifact);
        });
        root.get("names").forEach(n -> view.byNameAndVersion.put(n.get(0).asText(), Digest.parse(n.get(1).asText())));
        root.get("current").forEach(c -> {
            view.current.put(c.get(0).asText(), Digest.parse(c.get(1).asText()));
            view.currentSince.put(c.get(0).asText(), Instant.parse(c.get(2).asText()));
        });
        root.get("promotedHistory").properties().forEach(e -> view.promotedHistory.put(e.getKey(),
                list(e.getValue(), d -> Digest.parse(d.asText()))));
        root.get("verified").forEach(v -> view.verifiedSince.computeIfAbsent(Digest.parse(v.get(0).asText()),
                d -> new HashMap<>()).put(v.get(1).asText(), Instant.parse(v.get(2).asText())));
        root.get("approvals").forEach(a -> {
            Approval approval = approval(a);
            view.approvals.computeIfAbsent(approval.digest() + "@" + approval.environment(), k -> new ArrayList<>())
                    .add(approval);
        });
        root.get("leases").forEach(l -> view.leases.put(l.get(0).asText(),
                new Lease(l.get(1).asText(), l.get(2).asLong(), Instant.parse(l.get(3).asText()))));
        root.get("lastToken").properties().forEach(e -> view.lastToken.put(e.getKey(), e.getValue().asLong()));
        root.get("promotions").forEach(p -> {
            PromotionRecord record = promotion(p);
            view.promotions.put(record.promotionId(), record);
        });
        root.get("idempotencyKeys").properties().forEach(e -> view.byIdempotencyKey.put(e.getKey(),
                list(e.getValue(), JsonNode::asText)));
        root.get("uncounted").forEach(u -> view.uncounted.computeIfAbsent(Digest.parse(u.get(0).asText()),
                d -> new ArrayList<>()).add(new UncountedAttestation(UncountedAttestation.Kind.valueOf(u.get(1).asText()),
                        u.get(2).asText(), text(u.get(3)), Instant.parse(u.get(4).asText()), u.get(5).asText())));
        return view;
    }

    private static ObjectNode artifact(Artifact a) {
        ObjectNode node = JSON.createObjectNode().put("digest", a.digest().value()).put("name", a.name())
                .put("version", a.version()).put("kind", a.kind().configName()).put("size", a.size())
                .put("mediaType", a.mediaType());
        Provenance p = a.provenance();
        return node.put("sourceRepository", p.sourceRepository()).put("revision", p.revision())
                .put("buildId", p.buildId()).put("builder", p.builder()).put("builtAt", p.builtAt().toString());
    }

    private static Artifact artifact(JsonNode a) {
        return new Artifact(a.get("name").asText(), a.get("version").asText(), ArtifactKind.parse(a.get("kind").asText()),
                Digest.parse(a.get("digest").asText()), a.get("size").asLong(), a.get("mediaType").asText(),
                new Provenance(a.get("sourceRepository").asText(), a.get("revision").asText(), a.get("buildId").asText(),
                        a.get("builder").asText(), Instant.parse(a.get("builtAt").asText())));
    }

    private static ObjectNode approval(Approval a) {
        ObjectNode node = JSON.createObjectNode().put("principal", a.approver().id());
        ArrayNode groups = node.putArray("groups");
        new TreeSet<>(a.approver().groups()).forEach(groups::add);
        return node.put("digest", a.digest().value()).put("environment", a.environment())
                .put("policyVersion", a.policyVersion()).put("at", a.approvedAt().toString());
    }

    private static Approval approval(JsonNode a) {
        return new Approval(new Principal(a.get("principal").asText(), Set.copyOf(list(a.get("groups"), JsonNode::asText))),
                Digest.parse(a.get("digest").asText()), a.get("environment").asText(), a.get("policyVersion").asText(),
                Instant.parse(a.get("at").asText()));
    }

    private static ObjectNode promotion(PromotionRecord p) {
        ObjectNode node = JSON.createObjectNode().put("id", p.promotionId()).put("key", p.idempotencyKey())
                .put("digest", p.digest().value()).put("target", p.target()).put("source", p.source())
                .put("principal", p.principal()).put("rollback", p.rollback()).put("step", p.lastStep().name())
                .put("outcome", p.outcome());
        if (p.asked() != null) {
            ObjectNode asked = node.putObject("asked");
            p.asked().attributes().forEach(asked.putObject("attributes")::put);
            asked.put("justification", p.asked().justification()).put("decidedAt", p.asked().decidedAt().toString());
        }
        return node;
    }

    private static PromotionRecord promotion(JsonNode p) {
        JsonNode asked = p.get("asked");
        return new PromotionRecord(p.get("id").asText(), p.get("key").asText(), Digest.parse(p.get("digest").asText()),
                p.get("target").asText(), text(p.get("source")), p.get("principal").asText(),
                p.get("rollback").asBoolean(), EntryType.valueOf(p.get("step").asText()), text(p.get("outcome")),
                asked == null ? null : asked(asked));
    }

    private static Asked asked(JsonNode asked) {
        Map<String, String> attributes = new LinkedHashMap<>();
        asked.get("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return new Asked(attributes, text(asked.get("justification")), Instant.parse(asked.get("decidedAt").asText()));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        array.forEach(node -> out.add(item.apply(node)));
        return out;
    }

    private static <V> TreeMap<String, V> sorted(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    private static <V> Map<String, V> byValue(Map<Digest, V> map) {
        Map<String, V> out = new HashMap<>();
        map.forEach((digest, value) -> out.put(digest.value(), value));
        return out;
    }
}
