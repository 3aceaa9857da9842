package dev.airlock.cli;

import dev.airlock.promotion.EnvironmentStatus;
import dev.airlock.promotion.PendingPromotion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code status} for people: a header row, one row per environment, and under an environment the promotion
 * in flight (holding its lease) and those that wait for it, so "is something happening?" has an answer.
 */
final class StatusTable {
    private static final List<String> HEADER = List.of("ENVIRONMENT", "TIER", "ARTIFACT", "DIGEST", "VERIFIED SINCE");

    private StatusTable() {
    }

    /** {@code pending} names the artifact of each waiting digest through {@code artifactLabel}. */
    static String text(List<EnvironmentStatus> status, List<PendingPromotion> pending,
            java.util.function.Function<PendingPromotion, String> artifactLabel) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (EnvironmentStatus s : status) {
            rows.add(s.current() == null
                    ? List.of(s.environment().name(), s.environment().tier().configName(), "(nothing promoted yet)",
                            "-", "-")
                    : List.of(s.environment().name(), s.environment().tier().configName(),
                            s.current().name() + ":" + s.current().version(), s.current().digest().shortForm(),
                            s.verifiedSince() == null ? "not verified yet" : seconds(s.verifiedSince())));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        String indent = " ".repeat(widths[0] + 2);
        StringBuilder out = new StringBuilder(row(rows.get(0), widths));
        for (int r = 1; r < rows.size(); r++) {
            EnvironmentStatus s = status.get(r - 1);
            out.append('\n').append(row(rows.get(r), widths));
            if (s.leaseHolder() != null) {
                out.append('\n').append(indent).append("in flight: promotion ").append(s.leaseHolder())
                        .append(" holds the lease (resume or abort it if its promoter stopped)");
            }
            for (PendingPromotion p : pending) {
                if (p.target().equals(s.environment().name())) {
                    out.append('\n').append(indent).append("pending: ").append(artifactLabel.apply(p)).append(' ')
                            .append(p.digest().shortForm()).append(" asked by ").append(p.principal())
                            .append(" (airlock pending --env ").append(p.target()).append(" says what it waits for)");
                }
            }
        }
        return out.toString();
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i] + 2));
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    static String seconds(@Nullable Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
