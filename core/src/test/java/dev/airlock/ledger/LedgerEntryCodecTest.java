package dev.airlock.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerEntryCodecTest {
    private static final Digest DIGEST = Digest.of("bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTrip_keepsEveryFieldAndTheHash() {
        for (LedgerEntry entry : TestChains.chain(12)) {
            LedgerEntry read = LedgerEntryCodec.fromJson(LedgerEntryCodec.toJson(entry));

            assertEquals(entry, read);
            assertEquals(entry.hash(), LedgerChain.expectedHash(read));
        }
    }

    @Test
    void roundTrip_keepsControlCharactersUnicodeAndSubSecondTimes() {
        LedgerEntry.Draft draft = new LedgerEntry.Draft(EntryType.FAILED, "zoë", "prod", DIGEST, "p-1",
                Map.of("cause", "line one\nline two\r\t\"quoted\" \u2028 ✓", "", "empty key"));
        LedgerEntry entry = LedgerChain.next(null, draft, Instant.parse("2026-03-02T09:00:00.123456789Z"));

        String json = LedgerEntryCodec.toJson(entry);

        assertFalse(json.contains("\n"), "one line: " + json);
        assertEquals(entry, LedgerEntryCodec.fromJson(json));
    }

    @Test
    void toJson_writesFieldsInAStableOrderWithNulls() {
        LedgerEntry entry = LedgerChain.next(null, new LedgerEntry.Draft(EntryType.REGISTERED, "ci", null, DIGEST,
                null, Map.of("version", "1.0", "name", "app")), Instant.parse("2026-03-02T09:00:00Z"));

        assertEquals("{\"sequence\":1,\"time\":\"2026-03-02T09:00:00Z\",\"type\":\"REGISTERED\",\"principal\":\"ci\","
                + "\"environment\":null,\"digest\":\"" + DIGEST + "\",\"promotionId\":null,"
                + "\"details\":{\"name\":\"app\",\"version\":\"1.0\"},\"previousHash\":\"" + LedgerChain.GENESIS
                + "\",\"hash\":\"" + entry.hash() + "\"}", LedgerEntryCodec.toJson(entry));
    }

    @Test
    void fromJson_whenFieldReordered_readsTheSameEntry() {
        LedgerEntry entry = TestChains.chain(1).get(0);
        String json = LedgerEntryCodec.toJson(entry);
        String hashField = ",\"hash\":\"" + entry.hash() + "\"";
        String reordered = "{\"hash\":\"" + entry.hash() + "\"," + json.substring(1).replace(hashField, "");

        assertEquals(entry, LedgerEntryCodec.fromJson(reordered));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'{\"sequence\":1'                                   | not valid JSON",
        "''                                                  | there is no JSON at all",
        "'[1,2]'                                             | expected a JSON object, got [1,2]",
        "'{\"sequence\":1} {}'                               | not valid JSON",
    })
    void fromJson_whenNotAnEntry_saysWhy(String json, String expected) {
        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> LedgerEntryCodec.fromJson(json));

        assertTrue(e.getMessage().startsWith("malformed ledger entry: " + expected), e.getMessage());
    }

    @Test
    void fromJson_whenFieldMissing_namesIt() {
        assertProblem(valid().replaceFirst(",\"principal\":\"[^\"]*\"", ""), "missing field 'principal'");
    }

    @Test
    void fromJson_whenFieldUnknown_namesIt() {
        assertProblem(valid().replace("{\"sequence\"", "{\"admin\":true,\"sequence\""),
                "unknown field 'admin'; the fields are [sequence, time, type, principal, environment, digest,"
                        + " promotionId, details, previousHash, hash]");
    }

    @Test
    void fromJson_whenFieldRepeated_refuses() {
        String json = valid().replace("{\"sequence\":1,", "{\"sequence\":1,\"sequence\":1,");

        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> LedgerEntryCodec.fromJson(json));

        assertTrue(e.getMessage().contains("Duplicate field 'sequence'"), e.getMessage());
    }

    @Test
    void fromJson_fromANamedSource_startsTheMessageWithIt() {
        String json = valid().replace("{\"sequence\"", "{\"admin\":true,\"sequence\"");

        MalformedEntryException e = assertThrows(MalformedEntryException.class,
                () -> LedgerEntryCodec.fromJson(json, "s3://ledger/entries/1.json"));

        assertTrue(e.getMessage().startsWith("s3://ledger/entries/1.json: malformed ledger entry: unknown field 'admin'"),
                e.getMessage());
        assertEquals(Optional.of("s3://ledger/entries/1.json"), e.source());
    }

    @Test
    void fromJson_whenSequenceIsText_namesFieldAndValue() {
        assertProblem(valid().replace("\"sequence\":1", "\"sequence\":\"one\""),
                "field 'sequence' must be a whole number, got \"one\"");
    }

    @Test
    void fromJson_whenSequenceIsFractional_refuses() {
        assertProblem(valid().replace("\"sequence\":1", "\"sequence\":1.5"),
                "field 'sequence' must be a whole number, got 1.5");
    }

    @Test
    void fromJson_whenTimeIsNotAnInstant_namesTheFormat() {
        assertProblem(valid().replace("2026-03-02T09:01:00Z", "yesterday"),
                "field 'time' must be an ISO-8601 instant such as 2026-03-02T09:00:00Z, got \"yesterday\"");
    }

    @Test
    void fromJson_whenTypeUnknown_listsTheTypes() {
        String json = valid().replaceFirst("\"type\":\"[A-Z]+\"", "\"type\":\"DELETED\"");

        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> LedgerEntryCodec.fromJson(json));

        assertTrue(e.getMessage().contains("field 'type' must be one of [REGISTERED, DECIDED"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got \"DELETED\""), e.getMessage());
    }

    @Test
    void fromJson_whenDigestMalformed_givesTheDigestRule() {
        String json = valid().replaceFirst("\"digest\":\"sha256:[0-9a-f]+\"", "\"digest\":\"md5:abc\"");

        assertProblem(json, "digest: 'md5:abc' must be 'sha256:' followed by 64 lowercase hex digits");
    }

    @Test
    void fromJson_whenDetailIsNotText_namesTheDetail() {
        assertProblem(valid().replace("\"n\":\"1\"", "\"n\":1"), "field 'details.n' must be text, got 1");
    }

    @Test
    void fromJson_whenRequiredFieldIsNull_refuses() {
        assertProblem(valid().replaceFirst("\"principal\":\"[^\"]*\"", "\"principal\":null"),
                "field 'principal' must be text, got null");
    }

    @Test
    void fromJson_whenValueIsHuge_shortensItInTheMessage() {
        String json = valid().replace("\"sequence\":1", "\"sequence\":\"" + "x".repeat(10_000) + "\"");

        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> LedgerEntryCodec.fromJson(json));

        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    private static String valid() {
        return LedgerEntryCodec.toJson(TestChains.chain(1).get(0));
    }

    private static void assertProblem(String json, String problem) {
        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> LedgerEntryCodec.fromJson(json));
        assertEquals(problem, e.problem());
        assertEquals("malformed ledger entry: " + problem, e.getMessage());
    }
}
