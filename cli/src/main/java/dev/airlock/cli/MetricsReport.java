package dev.airlock.cli;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --metrics}: every meter on one line, {@code name{tag=value,...} statistic=value ...}, sorted. */
final class MetricsReport {
    private MetricsReport() {
    }

    static void print(MeterRegistry registry, PrintWriter err) {
        List<String> lines = registry.getMeters().stream().map(MetricsReport::line).sorted().toList();
        err.println("metrics:" + (lines.isEmpty() ? " none" : ""));
        lines.forEach(line -> err.println("  " + line));
        err.flush();
    }

    private static String line(Meter meter) {
        Meter.Id id = meter.getId();
        String tags = id.getTags().stream().sorted(Comparator.comparing(Tag::getKey))
                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(","));
        StringBuilder line = new StringBuilder(id.getName()).append(tags.isEmpty() ? "" : "{" + tags + "}");
        for (Measurement measurement : meter.measure()) {
            double value = measurement.getValue();
            line.append(' ').append(measurement.getStatistic().getTagValueRepresentation()).append('=')
                    .append(value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.3f", value));
        }
        return line.toString();
    }
}
