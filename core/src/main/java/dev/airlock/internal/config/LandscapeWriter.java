package dev.airlock.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.PromotionGraph;
import dev.airlock.environment.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes a landscape and its groups as a configuration document in exactly the format
 * {@link AirlockConfiguration#parse} reads, so what is written loads back equal. Account ids are
 * written as strings, so their leading zeros survive.
 */
public final class LandscapeWriter {
    /** The document syntax to write. */
    public enum Format { YAML, JSON }

    private static final ObjectWriter YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Minimal quoting still quotes what YAML would read as a boolean or null; the second
            // feature quotes digits too, so account ids stay text and keep their leading zeros.
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).writer();
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private LandscapeWriter() {
    }

    /** The configuration's landscape and groups as a document. */
    public static String write(AirlockConfiguration configuration, Format format) {
        return write(configuration.landscape(), configuration.groups(), format);
    }

    /** A landscape and the groups policies refer to, as a document. */
    public static String write(Landscape landscape, Map<String, List<String>> groups, Format format) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", AirlockConfiguration.VERSION);
        document.put("accounts", accounts(landscape));
        document.put("environments", landscape.environments().stream().map(LandscapeWriter::environment).toList());
        document.put("pipeline", pipeline(landscape.graph()));
        if (!groups.isEmpty()) {
            document.put("groups", new TreeMap<>(groups));
        }
        try {
            return (format == Format.JSON ? JSON : YAML).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // Only maps, lists and strings go in, which Jackson always knows how to write.
            throw new IllegalStateException("could not write the landscape as " + format, e);
        }
    }

    private static Map<String, Object> accounts(Landscape landscape) {
        Map<String, Object> accounts = new LinkedHashMap<>();
        accounts.put("tooling", landscape.accounts().tooling().value());
        accounts.put("security", landscape.accounts().security().value());
        landscape.accounts().logArchiveAccount().ifPresent(a -> accounts.put("logArchive", a.value()));
        return accounts;
    }

    private static Map<String, Object> environment(Environment environment) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", environment.name());
        out.put("account", environment.account().value());
        out.put("regions", environment.regions().stream().map(Region::value).toList());
        out.put("tier", environment.tier().configName());
        out.put("deployRole", environment.deployRole().toString());
        if (!environment.owners().isEmpty()) {
            out.put("owners", environment.owners());
        }
        if (!environment.labels().isEmpty()) {
            out.put("labels", new TreeMap<>(environment.labels()));
        }
        return out;
    }

    /** Consecutive edges from one stage become one promotion with a list of targets; order is kept. */
    private static Map<String, Object> pipeline(PromotionGraph graph) {
        Map<String, Object> pipeline = new LinkedHashMap<>();
        if (!graph.entries().isEmpty()) {
            pipeline.put("entry", graph.entries().size() == 1 ? graph.entries().get(0) : graph.entries());
        }
        List<Map<String, Object>> promotions = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        @Nullable String from = null;
        for (PromotionGraph.Edge edge : graph.edges()) {
            if (!edge.from().equals(from)) {
                addPromotion(promotions, from, targets);
                from = edge.from();
                targets = new ArrayList<>();
            }
            targets.add(edge.to());
        }
        addPromotion(promotions, from, targets);
        pipeline.put("promotions", promotions);
        return pipeline;
    }

    private static void addPromotion(List<Map<String, Object>> promotions, @Nullable String from, List<String> targets) {
        if (from != null) {
            Map<String, Object> promotion = new LinkedHashMap<>();
            promotion.put("from", from);
            promotion.put("to", targets.size() == 1 ? targets.get(0) : targets);
            promotions.add(promotion);
        }
    }
}
