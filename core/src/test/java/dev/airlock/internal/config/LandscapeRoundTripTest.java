package dev.airlock.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.PromotionGraph.Edge;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.Tier;
import dev.airlock.internal.config.LandscapeWriter.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.statistics.Statistics;

/** Any valid landscape, written by {@link LandscapeWriter} as YAML or JSON, loads back equal. */
class LandscapeRoundTripTest {
    private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-2", "eu-central-1",
            "eu-west-1", "eu-west-3", "eu-north-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "ca-central-1",
            "me-south-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1");
    /** Words YAML reads as booleans, nulls or numbers unless they are quoted. */
    private static final List<String> TRICKY_WORDS = List.of("no", "yes", "on", "off", "y", "n", "true", "false",
            "null", "nan", "inf", "e1", "x0");
    private static final int MAX_ENVIRONMENTS = 8;

    /** One environment's own choices; its name, account and place in the graph are chosen for the whole landscape. */
    record Stage(List<String> regions, Tier tier, String partition, String path, String roleName, List<String> owners,
            Map<String, String> labels, long predecessors) {
    }

    record Options(boolean logArchive, boolean declareEntries, boolean extraEntry, long edgeOrderSeed) {
    }

    record Generated(Landscape landscape, Map<String, List<String>> groups) {
    }

    @Property(tries = 1000)
    void writtenConfiguration_loadsBackEqual(@ForAll("configurations") Generated generated, @ForAll Format format) {
        String document = LandscapeWriter.write(generated.landscape(), generated.groups(), format);

        AirlockConfiguration loaded = AirlockConfiguration.parse("generated", document, format == Format.JSON);

        assertEquals(generated.landscape(), loaded.landscape(), document);
        assertEquals(generated.landscape().environments(), loaded.landscape().environments(), document);
        assertEquals(generated.groups(), loaded.groups(), document);
        collectStatistics(generated.landscape(), format);
    }

    /** Fails the property when the generator stops producing the shapes the round trip must survive. */
    private static void collectStatistics(Landscape landscape, Format format) {
        Statistics.label("format").collect(format)
                .coverage(c -> c.check(Format.JSON).percentage(p -> p > 25));
        Statistics.label("fan-out").collect(landscape.environmentNames().stream()
                        .anyMatch(name -> landscape.graph().successors(name).size() > 1))
                .coverage(c -> c.check(true).percentage(p -> p > 25));
        Statistics.label("several entries").collect(landscape.graph().entries().size() > 1)
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("account with leading zero").collect(landscape.environments().stream()
                        .anyMatch(e -> e.account().value().startsWith("0")))
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("log archive").collect(landscape.accounts().logArchive() != null)
                .coverage(c -> c.check(true).percentage(p -> p > 25));
        Statistics.label("owners and labels").collect(landscape.environments().stream()
                        .anyMatch(e -> !e.owners().isEmpty() && !e.labels().isEmpty()))
                .coverage(c -> c.check(true).percentage(p -> p > 25));
        Statistics.label("more than one tier").collect(landscape.environments().stream().map(Environment::tier)
                        .distinct().count() > 1)
                .coverage(c -> c.check(true).percentage(p -> p > 25));
    }

    @Provide
    Arbitrary<Generated> configurations() {
        return Arbitraries.integers().between(0, MAX_ENVIRONMENTS).flatMap(n -> Combinators.combine(
                names().list().uniqueElements().ofSize(n),
                accounts().list().uniqueElements().ofSize(n + 3),
                stages().list().ofSize(n),
                Arbitraries.shuffle(IntStream.range(0, n).boxed().toList()),
                options(),
                groups()).as(LandscapeRoundTripTest::assemble));
    }

    /**
     * Environment {@code i} in topological order is {@code names.get(i)}; edges only go from a lower
     * to a higher index and tiers are sorted along that order, so the graph is acyclic, never goes
     * down a tier, and every stage is either an entry or fed by an earlier stage.
     */
    private static Generated assemble(List<String> names, List<String> accounts, List<Stage> stages,
            List<Integer> declarationOrder, Options options, Map<String, List<String>> groups) {
        int n = names.size();
        List<Tier> tiers = stages.stream().map(Stage::tier).sorted().toList();
        List<Edge> edges = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (int to = 0; to < n; to++) {
            boolean fed = false;
            for (int from = 0; from < to; from++) {
                if ((stages.get(to).predecessors() >>> from & 1) == 1) {
                    edges.add(new Edge(names.get(from), names.get(to)));
                    fed = true;
                }
            }
            if (!fed || (options.extraEntry() && to == n - 1)) {
                entries.add(names.get(to));
            }
        }
        Collections.shuffle(edges, new Random(options.edgeOrderSeed()));

        Landscape.Builder builder = Landscape.builder().tooling(accounts.get(n)).security(accounts.get(n + 1));
        if (options.logArchive()) {
            builder.logArchive(accounts.get(n + 2));
        }
        for (int i : declarationOrder) {
            builder.environment(environment(names.get(i), accounts.get(i), tiers.get(i), stages.get(i)));
        }
        edges.forEach(edge -> builder.edge(edge.from(), edge.to()));
        if (options.declareEntries()) {
            entries.forEach(builder::entry);
        }
        return new Generated(builder.build(), groups);
    }

    private static Environment environment(String name, String account, Tier tier, Stage stage) {
        AccountId accountId = AccountId.of(account);
        return new Environment(name, accountId, stage.regions().stream().map(Region::of).toList(), tier,
                new RoleArn(stage.partition(), accountId, stage.path(), stage.roleName()), stage.owners(),
                stage.labels());
    }

    private static Arbitrary<String> names() {
        Arbitrary<String> generated = Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMaxLength(62))
                .as((first, rest) -> first + rest);
        return Arbitraries.oneOf(List.of(generated, Arbitraries.of(TRICKY_WORDS),
                Arbitraries.of("dev", "test", "staging", "prod", "prod-eu", "prod-us")));
    }

    /** Twelve digits, often with leading zeros, which must survive as text. */
    private static Arbitrary<String> accounts() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings().numeric().ofLength(12),
                Arbitraries.longs().between(0, 99_999_999L).map(n -> String.format("%012d", n))));
    }

    private static Arbitrary<Stage> stages() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('!', '~').excludeChars('/')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> path = Arbitraries.oneOf(List.of(Arbitraries.just("/"),
                segment.list().ofMinSize(1).ofMaxSize(3).map(s -> "/" + String.join("/", s) + "/")));
        Arbitrary<String> roleName = Arbitraries.strings().alpha().numeric().withChars("+=,.@_-")
                .ofMinLength(1).ofMaxLength(64);
        return Combinators.combine(
                Arbitraries.of(REGIONS).list().uniqueElements().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(Tier.class),
                Arbitraries.of("aws", "aws-cn", "aws-us-gov"),
                path,
                roleName,
                freeText(0).list().ofMaxSize(3),
                Arbitraries.maps(freeText(1), freeText(0)).ofMaxSize(3),
                Arbitraries.longs().between(0, (1L << MAX_ENVIRONMENTS) - 1)).as(Stage::new);
    }

    private static Arbitrary<Options> options() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.longs()).as(Options::new);
    }

    private static Arbitrary<Map<String, List<String>>> groups() {
        return Arbitraries.maps(freeText(1), freeText(1).list().ofMaxSize(3)).ofMaxSize(3);
    }

    /** Text as people write it in owners, labels and groups, including what YAML would misread unquoted. */
    private static Arbitrary<String> freeText(int minLength) {
        StringArbitrary printable = Arbitraries.strings().withCharRange(' ', '~').withChars("äéß中")
                .ofMinLength(minLength).ofMaxLength(20);
        return Arbitraries.oneOf(List.of(printable, Arbitraries.of(TRICKY_WORDS),
                Arbitraries.of("007", "1.0", "0x1F", "-", "~", "", " padded ", "a: b", "#hash", "@team")
                        .filter(s -> s.length() >= minLength)));
    }
}
