package dev.airlock.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.internal.promotion.Details;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds events from ledger entries: the ledger is the one source, so events say what it records. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> REQUIREMENT = new TypeReference<>() { };

    private Events() {
    }

    /** The events an entry gives: none for bookkeeping entries, two for a break-glass or stop-switch decision. */
    public static List<AirlockEvent> of(LedgerEntry entry) {
        List<AirlockEvent> events = new ArrayList<>();
        switch (entry.type()) {
            case DECIDED -> {
                boolean pending = "PENDING".equals(entry.detail(Details.OUTCOME));
                events.add(event(entry, pending ? EventType.PROMOTION_PENDING : EventType.PROMOTION_DECIDED,
                        decided(entry, pending)));
                if ("true".equals(entry.detail(Details.BREAK_GLASS))) {
                    events.add(event(entry, EventType.BREAK_GLASS_USED, decided(entry, false)));
                }
                if ("true".equals(entry.detail(Details.STOP_SWITCH))) {
                    events.add(event(entry, EventType.STOP_SWITCH_ENGAGED, decided(entry, false)));
                }
            }
            case PROMOTED -> events.add(event(entry, EventType.PROMOTION_PROMOTED, copy(entry)));
            case ROLLED_BACK -> events.add(event(entry, EventType.PROMOTION_ROLLED_BACK, copy(entry)));
            case FAILED -> events.add(event(entry, EventType.PROMOTION_FAILED, copy(entry)));
            default -> {
                // Registrations, approvals, leases, transfers, verified reports and releases are bookkeeping.
            }
        }
        return events;
    }

    /** The event telling that the ledger is broken at {@code link}, found at {@code time}. */
    public static AirlockEvent tampering(BrokenLink link, java.time.Instant time) {
        return new AirlockEvent("ledger-" + link.sequence() + "-" + EventType.LEDGER_TAMPERED.wireName() + "-"
                + link.kind().name().toLowerCase(java.util.Locale.ROOT), EventType.LEDGER_TAMPERED, time,
                link.sequence(), null, null, null, null, Map.of("kind", link.kind().name(), "message", link.message(),
                        "position", Long.toString(link.position())));
    }

    private static AirlockEvent event(LedgerEntry entry, EventType type, Map<String, Object> data) {
        // The entry's own hash names it for good; the type tells apart the events one entry gives.
        return new AirlockEvent(entry.hash().substring(0, Math.min(32, entry.hash().length())) + "-" + type.wireName(),
                type, entry.time(), entry.sequence(), entry.promotionId(), entry.environment(),
                entry.digest() == null ? null : entry.digest().toString(), entry.principal(), data);
    }

    private static Map<String, Object> copy(LedgerEntry entry) {
        return new LinkedHashMap<>(entry.details());
    }

    /** The entry's details, the unmet requirements as {@code missing} (pending only) rather than as their keys. */
    private static Map<String, Object> decided(LedgerEntry entry, boolean pending) {
        Map<String, Object> data = copy(entry);
        data.keySet().removeIf(key -> key.startsWith(Details.UNMET_PREFIX));
        if (pending) {
            data.put("missing", unmet(entry));
            // Groups, named as in each requirement; the entry's comma-separated detail becomes a list.
            String groups = (String) data.remove(Details.APPROVERS);
            data.put("approverGroups", groups == null ? List.of() : Arrays.asList(groups.split(",")));
        }
        return data;
    }

    /** The requirements a pending decision recorded, in decision order: {@code unmet.1}, {@code unmet.2}... */
    private static List<Map<String, Object>> unmet(LedgerEntry entry) {
        Map<Integer, Map<String, Object>> byIndex = new TreeMap<>();
        entry.details().forEach((key, value) -> {
            if (key.startsWith(Details.UNMET_PREFIX)) {
                try {
                    byIndex.put(Integer.parseInt(key.substring(Details.UNMET_PREFIX.length())),
                            JSON.readValue(value, REQUIREMENT));
                } catch (JsonProcessingException | NumberFormatException e) {
                    throw new IllegalStateException("ledger entry " + entry.sequence() + " has a malformed " + key, e);
                }
            }
        });
        return List.copyOf(byIndex.values());
    }
}
