package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.LEDGER_BUCKET;
import static dev.airlock.aws.AwsTarget.SECURITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.ledger.MalformedEntryException;
import dev.airlock.spi.LedgerConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 ledger against moto ({@link S3LedgerOnMotoTest}) and the in-memory AWS ({@link S3LedgerOnFakesTest}).
 * Racing appends are tested on the fake only: moto's conditional create is not atomic.
 */
abstract class S3LedgerTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final Digest DIGEST = Digest.of(new byte[] {7});

    final AwsTarget aws = target().withStorage();

    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    /** A ledger with its own backend, clients and cache: another promoter, on another machine. */
    S3Ledger promoter() {
        return aws.backend(aws.configuration().build()).ledger();
    }

    static LedgerEntry next(LedgerEntry previous, String principal) {
        return LedgerChain.next(previous, new LedgerEntry.Draft(EntryType.PROMOTED, principal, "prod", DIGEST,
                "promo-" + principal, Map.of("step", "6")), previous == null ? T0 : previous.time().plusSeconds(1));
    }

    static List<LedgerEntry> chain(int length) {
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerEntry previous = null;
        for (int i = 0; i < length; i++) {
            previous = next(previous, "p" + i);
            entries.add(previous);
        }
        return entries;
    }

    @Test
    void truncationRisk_ofABucketWithoutVersioningAndObjectLock_isSaidPlainly() {
        Optional<String> risk = promoter().truncationRisk();

        assertTrue(risk.orElseThrow().startsWith("bucket " + AwsTarget.LEDGER_BUCKET + ": versioning is off, "
                + "Object Lock is off, so whoever may delete objects there can cut entries"), risk::toString);
    }

    @Test
    void entriesHiddenByDeleteMarkers_inAVersionedLockedBucket_areFoundByVerify() {
        try (S3Client s3 = aws.s3(AwsTarget.SECURITY)) {
            s3.createBucket(r -> r.bucket("locked-ledger").objectLockEnabledForBucket(true)
                    .createBucketConfiguration(c -> c.locationConstraint(AwsTarget.REGION.value())));
            s3.putBucketPolicy(r -> r.bucket("locked-ledger").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":["
                    + "\"arn:aws:s3:::locked-ledger\",\"arn:aws:s3:::locked-ledger/*\"]}]}"));
        }
        S3Ledger ledger = aws.backend(aws.configuration().ledger(l -> l.bucket("locked-ledger")).build()).ledger();
        chain(4).forEach(ledger::append);
        try (S3Client s3 = aws.s3(AwsTarget.SECURITY)) {
            s3.deleteObject(r -> r.bucket("locked-ledger").key(ledger.key(4)));
            s3.deleteObject(r -> r.bucket("locked-ledger").key(ledger.key(3)));
        }

        ChainReport report = aws.backend(aws.configuration().ledger(l -> l.bucket("locked-ledger")).build()).ledger()
                .verify();

        assertTrue(ledger.truncationRisk().orElseThrow().contains("keeps every version under Object Lock, but a"
                + " DeleteObject without a version id still hides an entry behind a delete marker"));
        assertEquals(BrokenLink.Kind.TRUNCATED, report.brokenLink().kind(), report::summary);
        assertEquals(3, report.brokenLink().sequence(), report::summary);
        assertTrue(report.summary().contains("a delete marker hides"), report::summary);
    }

    @Test
    void append_thenRead_returnsTheEntriesInOrder() {
        S3Ledger ledger = promoter();
        List<LedgerEntry> entries = chain(3);

        entries.forEach(ledger::append);

        assertEquals(3, ledger.lastSequence());
        assertEquals(entries, ledger.read(1));
        assertEquals(entries.subList(1, 3), ledger.read(2));
        assertEquals(entries, promoter().read(1), "a fresh reader sees the same entries");
    }

    @Test
    void append_createsOneObjectPerEntry_onlyIfNoneExists() {
        S3Ledger ledger = promoter();

        ledger.append(chain(1).get(0));

        PutObjectRequest put = aws.recorder().of("PutObject").get(0).as(PutObjectRequest.class);
        assertEquals(LEDGER_BUCKET, put.bucket());
        assertEquals("airlock/ledger/entries/00000000000000000001.json", put.key());
        assertEquals("*", put.ifNoneMatch());
        assertEquals(SECURITY.value(), put.expectedBucketOwner());
    }

    @Test
    void append_ofATakenSequence_isAConflictForTheLoser() {
        S3Ledger first = promoter();
        S3Ledger second = promoter();
        LedgerEntry genesis = chain(1).get(0);
        first.append(genesis);

        first.append(next(genesis, "alice"));
        LedgerConflictException e = assertThrows(LedgerConflictException.class,
                () -> second.append(next(genesis, "bob")));

        assertEquals(2, e.sequence());
        assertTrue(e.retryable());
        assertEquals("alice", promoter().read(2).get(0).principal());
    }

    @Test
    void append_ofTheSameEntryAgain_isNotAConflict() {
        LedgerEntry genesis = chain(1).get(0);
        promoter().append(genesis);

        promoter().append(genesis); // a retry after the first attempt's answer was lost

        assertEquals(1, promoter().lastSequence());
    }

    @Test
    void append_thatWouldLeaveAGap_isRefused() {
        S3Ledger ledger = promoter();
        List<LedgerEntry> entries = chain(3);
        ledger.append(entries.get(0));

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ledger.append(entries.get(2)));

        assertEquals("sequence", e.field());
        assertEquals(1, ledger.lastSequence());
    }

    @Test
    void append_chainedToAnotherPrevious_isRefused() {
        S3Ledger ledger = promoter();
        LedgerEntry genesis = chain(1).get(0);
        ledger.append(genesis);
        LedgerEntry otherGenesis = LedgerChain.next(null, new LedgerEntry.Draft(EntryType.REGISTERED, "mallory", null,
                null, null, Map.of()), T0);

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> ledger.append(next(otherGenesis, "mallory")));

        assertEquals("previousHash", e.field());
    }

    @Test
    void lastSequence_listsOnlyTheKeysAfterTheLastKnownEntry() {
        S3Ledger ledger = promoter();
        chain(3).forEach(ledger::append);
        aws.recorder().clear();

        assertEquals(3, ledger.lastSequence());

        ListObjectsV2Request list = aws.recorder().of("ListObjectsV2").get(0).as(ListObjectsV2Request.class);
        assertEquals(ledger.key(3), list.startAfter());
    }

    @Test
    void read_servesEntriesItHasSeenFromTheCache() {
        chain(4).forEach(promoter()::append);
        S3Ledger reader = promoter();
        aws.recorder().clear();

        reader.read(1);
        reader.read(1);

        assertEquals(4, aws.recorder().count("GetObject"), "each entry fetched once, then cached");
    }

    @Test
    void anEntryEditedInTheBucket_breaksTheChainAtThatEntry() {
        List<LedgerEntry> entries = chain(3);
        entries.forEach(promoter()::append);
        LedgerEntry original = entries.get(1);
        LedgerEntry edited = new LedgerEntry(original.sequence(), original.time(), original.type(), "mallory",
                original.environment(), original.digest(), original.promotionId(), original.details(),
                original.previousHash(), original.hash());
        try (S3Client s3 = aws.s3(SECURITY)) {
            s3.putObject(r -> r.bucket(LEDGER_BUCKET).key(promoter().key(2)),
                    RequestBody.fromString(LedgerEntryCodec.toJson(edited)));
        }

        List<LedgerEntry> read = promoter().read(1);

        assertEquals("mallory", read.get(1).principal());
        assertEquals(2, firstBrokenLink(read));
    }

    @Test
    void anEntryObjectThatIsNotJson_isMalformed_namingItsKey() {
        MalformedEntryException e = readWithSecondEntryStoredAs("{\"sequence\":2,");

        assertTrue(e.problem().startsWith("not valid JSON"), e.getMessage());
    }

    @Test
    void anEntryObjectWithAnUnknownField_isMalformed_namingItsKey() {
        MalformedEntryException e = readWithSecondEntryStoredAs(storedJson(2).replaceFirst("^\\{", "{\"admin\":true,"));

        assertTrue(e.problem().startsWith("unknown field 'admin'"), e.getMessage());
    }

    @Test
    void anEntryObjectWithADuplicatedField_isMalformed_namingItsKey() {
        MalformedEntryException e = readWithSecondEntryStoredAs(storedJson(2).replaceFirst(",\"principal\":",
                ",\"principal\":\"mallory\",\"principal\":"));

        assertTrue(e.problem().contains("Duplicate field 'principal'"), e.getMessage());
    }

    @Test
    void anEntryObjectWithAMissingField_isMalformed_namingItsKey() {
        MalformedEntryException e = readWithSecondEntryStoredAs(storedJson(2).replaceFirst(",\"hash\":\"[^\"]*\"", ""));

        assertEquals("missing field 'hash'", e.problem());
    }

    @Test
    void anEntryObjectThatIsNotUtf8_isMalformed_namingItsKey() {
        byte[] json = storedJson(2).getBytes(StandardCharsets.UTF_8);
        json[json.length - 3] = (byte) 0xff;

        MalformedEntryException e = readWithSecondEntryStoredAs(RequestBody.fromBytes(json));

        assertEquals("not valid UTF-8", e.problem());
    }

    /** Entry {@code sequence} of {@link #chain} as the ledger stores it. */
    private static String storedJson(int sequence) {
        return LedgerEntryCodec.toJson(chain(sequence).get(sequence - 1));
    }

    private MalformedEntryException readWithSecondEntryStoredAs(String json) {
        return readWithSecondEntryStoredAs(RequestBody.fromString(json));
    }

    /** Stores three entries, overwrites the second one's object directly in S3, and reads through a fresh ledger. */
    private MalformedEntryException readWithSecondEntryStoredAs(RequestBody body) {
        chain(3).forEach(promoter()::append);
        String key = promoter().key(2);
        try (S3Client s3 = aws.s3(SECURITY)) {
            s3.putObject(r -> r.bucket(LEDGER_BUCKET).key(key), body);
        }

        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> promoter().read(1));

        assertTrue(e.getMessage().startsWith("s3://" + LEDGER_BUCKET + "/" + key + ": malformed ledger entry: "),
                e.getMessage());
        return e;
    }

    /** The sequence of the first entry whose hash or link does not hold, -1 if intact (as core verifies). */
    static long firstBrokenLink(List<LedgerEntry> entries) {
        String previous = LedgerChain.GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            if (entry.sequence() != i + 1 || !entry.previousHash().equals(previous)
                    || !entry.hash().equals(LedgerChain.expectedHash(entry))) {
                return i + 1;
            }
            previous = entry.hash();
        }
        return -1;
    }
}
