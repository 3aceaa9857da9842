package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The set operators over a multivalued key, {@code aws:TagKeys} of an AssumeRole with session tags, as IAM
 * evaluates them: {@code ForAllValues:} holds when every tag key matches, and for none; {@code ForAnyValue:}
 * when one does, never for none; a plain operator on the key is refused rather than guessed.
 */
class MultivaluedConditionsTest {
    private static final String ROLE = "arn:aws:iam::333333333333:role/tagged";

    private final TestLandscape landscape = new TestLandscape();
    private final AwsWorld world = landscape.world;

    private void trust(String conditions) {
        world.putRole(IamRole.builder(ROLE).trustDocument("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Hub\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + TestLandscape.HUB + "\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],\"Condition\":{" + conditions + "}}]}").build());
    }

    private void assume(Map<String, String> tags) {
        world.sts(landscape.hub()).assumeRole(r -> r.roleArn(ROLE).roleSessionName("s1").tags(tags.entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
    }

    private void refused(Map<String, String> tags) {
        StsException e = assertThrows(StsException.class, () -> assume(tags));
        assertTrue(e.getMessage().contains("no statement of the role's trust policy allows it"), e.getMessage());
    }

    @Test
    void forAllValues_holdsWhenEveryTagKeyMatches_andWhenThereAreNone() {
        trust("\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"airlock:environment\",\"airlock:principal\"]}");

        assume(Map.of("airlock:environment", "prod"));
        assume(Map.of("airlock:environment", "prod", "airlock:principal", "rita"));
        assume(Map.of());
        refused(Map.of("airlock:environment", "prod", "cost-center", "42"));
    }

    @Test
    void forAnyValue_holdsWhenOneTagKeyMatches_neverWhenThereAreNone() {
        trust("\"ForAnyValue:StringLike\":{\"aws:TagKeys\":\"airlock:*\"}");

        assume(Map.of("airlock:environment", "prod", "cost-center", "42"));
        refused(Map.of("cost-center", "42"));
        refused(Map.of());
    }

    @Test
    void negatedSetOperators_applyTheNegationToEachValue() {
        trust("\"ForAllValues:StringNotLike\":{\"aws:TagKeys\":\"secret*\"}");

        assume(Map.of("airlock:environment", "prod"));
        assume(Map.of());
        refused(Map.of("airlock:environment", "prod", "secret-level", "high"));
    }

    @Test
    void aPlainOperatorOnAMultivaluedKey_isRefusedNamingTheSetOperators() {
        trust("\"StringEquals\":{\"aws:TagKeys\":\"airlock:environment\"}");

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> assume(Map.of("airlock:environment", "prod", "airlock:principal", "rita")));
        assertTrue(e.getMessage().contains("ForAllValues:StringEquals or ForAnyValue:StringEquals"), e.getMessage());
    }
}
