package dev.airlock.attestation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A keyring whose keys are fixed when it is made, as a configuration's are. */
final class FixedKeyring implements Keyring {
    private final Map<String, List<TrustedKey>> byOwner;
    private final String fingerprint;

    FixedKeyring(List<TrustedKey> keys) {
        Map<String, List<TrustedKey>> grouped = new LinkedHashMap<>();
        keys.forEach(k -> grouped.computeIfAbsent(k.owner(), o -> new ArrayList<>()).add(k));
        grouped.replaceAll((owner, list) -> List.copyOf(list));
        this.byOwner = Collections.unmodifiableMap(grouped);
        this.fingerprint = fingerprint(byOwner);
    }

    @Override
    public List<TrustedKey> keys(String owner) {
        return byOwner.getOrDefault(owner, List.of());
    }

    @Override
    public Set<String> owners() {
        return byOwner.keySet();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprint(Map<String, List<TrustedKey>> byOwner) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(byOwner).forEach((owner, keys) -> keys.stream().map(TrustedKey::keyId).sorted()
                    .forEach(id -> sha.update((owner + "=" + id + "\n").getBytes(StandardCharsets.UTF_8))));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byOwner.forEach((owner, keys) -> counts.put(owner, keys.size()));
        return "Keyring" + counts;
    }
}
