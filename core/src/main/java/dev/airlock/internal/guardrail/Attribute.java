package dev.airlock.internal.guardrail;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.policy.Condition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A named request attribute, resolved to an accessor once at compile time. */
final class Attribute {
    final String name;
    private final Function<Facts, @Nullable String> text;
    private final @Nullable Function<Facts, Instant> instant;

    private Attribute(String name, Function<Facts, @Nullable String> text, @Nullable Function<Facts, Instant> instant) {
        this.name = name;
        this.text = text;
        this.instant = instant;
    }

    @Nullable String text(Facts facts) {
        return text.apply(facts);
    }

    /** The attribute as an instant, or null when it is missing or not an instant. */
    @Nullable Instant instant(Facts facts) {
        if (instant != null) {
            return instant.apply(facts);
        }
        String value = text(facts);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Attribute of(String name) {
        Condition.checkAttribute(name);
        if (name.startsWith(Condition.REQUEST_ATTRIBUTE_PREFIX)) {
            String key = name.substring(Condition.REQUEST_ATTRIBUTE_PREFIX.length());
            return text(name, f -> f.request.attributes().get(key));
        }
        return switch (name) {
            case "principal" -> text(name, f -> f.principal().id());
            case "source" -> text(name, f -> f.source() == null ? null : f.source().name());
            case "target" -> text(name, Facts::target);
            case "target.tier" -> text(name, f -> f.plan.target.tier().configName());
            case "target.account" -> text(name, f -> f.plan.target.account().value());
            case "target.digest" -> text(name, f -> {
                Digest current = f.state.currentDigests().get(f.target());
                return current == null ? null : current.value();
            });
            case "artifact.name" -> text(name, f -> f.request.artifact().name());
            case "artifact.version" -> text(name, f -> f.request.artifact().version());
            case "artifact.kind" -> text(name, f -> f.request.artifact().kind().configName());
            case "artifact.digest" -> text(name, f -> f.request.artifact().digest().value());
            case "artifact.repository" -> text(name, f -> f.request.artifact().provenance().sourceRepository());
            case "artifact.revision" -> text(name, f -> f.request.artifact().provenance().revision());
            case "artifact.buildId" -> text(name, f -> f.request.artifact().provenance().buildId());
            case "artifact.builder" -> text(name, f -> f.request.artifact().provenance().builder());
            case "artifact.builtAt" -> new Attribute(name, f -> Times.format(f.request.artifact().provenance().builtAt()),
                    f -> f.request.artifact().provenance().builtAt());
            case "rollback" -> text(name, f -> f.request.rollback() ? "true" : "false");
            case "breakGlass" -> text(name, f -> f.request.breakGlass() ? "true" : "false");
            case "now" -> new Attribute(name, f -> Times.format(f.now), f -> f.now);
            default -> throw new IllegalStateException("attribute '" + name + "' is accepted but has no accessor");
        };
    }

    private static Attribute text(String name, Function<Facts, @Nullable String> text) {
        return new Attribute(name, text, null);
    }
}
