package dev.airlock.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.PromotionGraph.Edge;
import dev.airlock.environment.Tier;
import dev.airlock.internal.config.LandscapeWriter.Format;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LandscapeWriterTest {

    private static Landscape fanOut() {
        return Landscape.builder().tooling("011111111111").security("999999999999")
                .environment(Environment.builder("staging").account("012345678901").tier(Tier.STAGING)
                        .owners("sre").labels(Map.of("cost-center", "4711")).build())
                .environment(Environment.builder("prod-eu").account("444444444444").tier(Tier.PRODUCTION)
                        .regions("eu-central-1", "eu-west-1")
                        .deployRole("arn:aws-us-gov:iam::444444444444:role/deploy/airlock").build())
                .environment(Environment.builder("prod-us").account("555555555555").tier(Tier.PRODUCTION)
                        .regions("us-east-1").build())
                .edge("staging", "prod-eu", "prod-us").build();
    }

    private static AirlockConfiguration read(String document, Format format) {
        return AirlockConfiguration.parse("written", document, format == Format.JSON);
    }

    @Test
    void write_yaml_producesTheDocumentFormatTheLoaderReads() {
        assertEquals("""
                version: 1
                accounts:
                  tooling: "011111111111"
                  security: "999999999999"
                environments:
                  - name: staging
                    account: "012345678901"
                    regions:
                      - eu-central-1
                    tier: staging
                    deployRole: arn:aws:iam::012345678901:role/airlock-deploy
                    owners:
                      - sre
                    labels:
                      cost-center: "4711"
                  - name: prod-eu
                    account: "444444444444"
                    regions:
                      - eu-central-1
                      - eu-west-1
                    tier: production
                    deployRole: arn:aws-us-gov:iam::444444444444:role/deploy/airlock
                  - name: prod-us
                    account: "555555555555"
                    regions:
                      - us-east-1
                    tier: production
                    deployRole: arn:aws:iam::555555555555:role/airlock-deploy
                pipeline:
                  entry: staging
                  promotions:
                    - from: staging
                      to:
                        - prod-eu
                        - prod-us
                groups:
                  release-managers:
                    - alice
                    - bob
                """, LandscapeWriter.write(fanOut(), Map.of("release-managers", List.of("alice", "bob")), Format.YAML));
    }

    @Test
    void write_json_keepsAccountIdsAsText() {
        String json = LandscapeWriter.write(fanOut(), Map.of(), Format.JSON);

        assertTrue(json.contains("\"tooling\" : \"011111111111\""), json);
        assertTrue(json.contains("\"account\" : \"012345678901\""), json);
        assertEquals(fanOut(), read(json, Format.JSON).landscape());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_sampleConfiguration_loadsBackEqual(Format format) throws URISyntaxException {
        AirlockConfiguration sample = AirlockConfiguration.load(
                Path.of(LandscapeWriterTest.class.getResource("/landscapes/valid.yaml").toURI()));

        AirlockConfiguration loaded = read(LandscapeWriter.write(sample, format), format);

        assertEquals(sample.landscape(), loaded.landscape());
        assertEquals(sample.groups(), loaded.groups());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_keepsPromotionOrderWhenSourcesInterleave(Format format) {
        Landscape landscape = Landscape.builder().tooling("111111111111").security("999999999999")
                .environment(Environment.builder("dev").account("222222222222").tier(Tier.DEVELOPMENT).build())
                .environment(Environment.builder("qa").account("333333333333").tier(Tier.TEST).build())
                .environment(Environment.builder("test").account("444444444444").tier(Tier.TEST).build())
                .environment(Environment.builder("prod").account("555555555555").tier(Tier.PRODUCTION).build())
                .edge("dev", "qa").edge("qa", "prod").edge("dev", "test").edge("test", "prod").build();

        Landscape loaded = read(LandscapeWriter.write(landscape, Map.of(), format), format).landscape();

        assertEquals(List.of(new Edge("dev", "qa"), new Edge("qa", "prod"), new Edge("dev", "test"),
                new Edge("test", "prod")), loaded.graph().edges());
        assertEquals(landscape, loaded);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_severalEntriesAndNoEnvironments_loadBackEqual(Format format) {
        Landscape several = Landscape.builder().tooling("111111111111").security("999999999999")
                .logArchive("000000000001")
                .environment(Environment.builder("dev").account("222222222222").build())
                .environment(Environment.builder("hotfix").account("333333333333").build())
                .entry("dev").entry("hotfix").build();
        Landscape empty = Landscape.builder().tooling("111111111111").security("999999999999").build();

        assertEquals(several, read(LandscapeWriter.write(several, Map.of(), format), format).landscape());
        assertEquals(empty, read(LandscapeWriter.write(empty, Map.of(), format), format).landscape());
    }
}
