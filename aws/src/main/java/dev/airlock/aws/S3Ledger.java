package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsCalls;
import dev.airlock.environment.AccountId;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.CheckpointCodec;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.ledger.MalformedEntryException;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.BackendUnavailableException;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The ledger in S3: one object per entry, {@code <prefix>/entries/<sequence, 20 digits>.json},
 * created with {@code If-None-Match: *}. S3 creates a key at most once, so allocating a sequence
 * number is a conditional create: of two promoters on two machines appending the same number,
 * exactly one succeeds and the other gets a {@link LedgerConflictException} (S3 answers 412, or 409
 * while the competing write is in flight). An append also checks that the entry follows the stored
 * previous entry (no gaps, chained to its hash).
 *
 * <p>Entries never change once written, so every entry read or written is cached (up to the
 * configured size) and {@link #lastSequence()} lists only the keys after the last one known. Reads
 * trust what this process has seen; {@link #verify()} does not: it re-reads every object, so
 * tampering behind this instance's back is reported. Zero-padded keys list in sequence order.
 * Objects hold core's one encoding ({@link LedgerEntryCodec}); an object that is not an entry in it
 * is a {@link MalformedEntryException} naming its {@code s3://bucket/key}.
 *
 * <p>Protect the bucket with versioning plus Object Lock (compliance mode) or a policy denying
 * {@code s3:DeleteObject} and overwrites, and require {@code s3:if-none-match} on PutObject.
 */
public final class S3Ledger implements Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(S3Ledger.class);
    private static final int DIGITS = 20;
    private static final String SUFFIX = ".json";
    /** Entry objects fetched at once when a reader catches up: enough to hide S3's latency, few enough not to be throttled. */
    private static final int READ_PARALLELISM = 8;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    /** {@code <prefix>/entries/}: every key starts with it, and listings ask for it. */
    private final String entries;
    /** {@code <prefix>/checkpoints/}. */
    private final String checkpointPrefix;
    private final AccountId owner;
    private final AwsCalls calls;
    private final Map<Long, LedgerEntry> cache;
    private long lastKnown;
    private boolean protectionChecked;
    private @Nullable String truncationRisk;

    S3Ledger(S3Client s3, String bucket, String prefix, AccountId owner, AwsCalls calls, int cacheSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.entries = prefix + "/entries/";
        this.checkpointPrefix = prefix + "/checkpoints/";
        this.owner = owner;
        this.calls = calls;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, LedgerEntry> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The key of entry {@code sequence}. */
    public String key(long sequence) {
        return key(entries, sequence);
    }

    /** {@code <folder><20-digit sequence>.json}. */
    private static String key(String folder, long sequence) {
        // Zero-padded by hand: String.format parses its pattern on every call, and every ledger call needs a key.
        String digits = Long.toString(sequence);
        StringBuilder key = new StringBuilder(folder.length() + DIGITS + SUFFIX.length()).append(folder);
        for (int i = digits.length(); i < DIGITS; i++) {
            key.append('0');
        }
        return key.append(digits).append(SUFFIX).toString();
    }

    /** The sequence number in an entry's key, or -1 for any other key. */
    private long sequenceOf(String key) {
        return sequenceOf(entries, key);
    }

    /** The sequence number in a key {@link #key(String, long)} wrote under {@code folder}, or -1 for any other key. */
    private static long sequenceOf(String folder, String key) {
        if (key.length() != folder.length() + DIGITS + SUFFIX.length() || !key.startsWith(folder)
                || !key.endsWith(SUFFIX)) {
            return -1;
        }
        long sequence = 0;
        for (int i = folder.length(); i < folder.length() + DIGITS; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (sequence > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1; // not an entry Airlock wrote: too large for a sequence number
            }
            sequence = sequence * 10 + (c - '0');
        }
        return sequence;
    }

    @Override
    public void append(LedgerEntry entry) {
        long sequence = entry.sequence();
        LedgerEntry previous = null;
        if (sequence > 1) {
            previous = entry(sequence - 1);
            if (previous == null) {
                throw new InvalidValueException("sequence", sequence, "must directly follow the last entry, but entry "
                        + (sequence - 1) + " does not exist in s3://" + bucket + "/" + prefix);
            }
        }
        // The first entry must start from the genesis hash, and every entry's hash must match its content:
        // a broken link is refused when written, not found by an audit later.
        LedgerChain.requireFollows(previous, entry);
        String key = key(sequence);
        byte[] body = LedgerEntryCodec.toJson(entry).getBytes(StandardCharsets.UTF_8);
        if (!createIfAbsent(key, body)) {
            // A retried PutObject whose first attempt did land also answers 412: that is our own entry.
            LedgerEntry stored = fetch(sequence);
            if (stored == null || !stored.hash().equals(entry.hash())) {
                LOG.debug("ledger entry {} was taken by another writer", sequence);
                throw new LedgerConflictException(sequence);
            }
        }
        remember(sequence, entry);
        LOG.debug("appended ledger entry {} ({})", sequence, entry.type());
    }

    /**
     * Entries from {@code fromSequence} on: the keys after the last entry known (or after {@code fromSequence},
     * for a cold reader) are listed once, and the entries not cached are fetched {@value #READ_PARALLELISM} at a
     * time. Only keys that exist are fetched; a gap is left for chain verification to report.
     */
    @Override
    public List<LedgerEntry> read(long fromSequence) {
        long start = Math.max(1, fromSequence);
        long known;
        synchronized (this) {
            known = lastKnown;
        }
        List<Long> present = new ArrayList<>();
        for (long sequence = start; sequence <= known; sequence++) {
            present.add(sequence);
        }
        List<Long> listed = listSequences(key(Math.max(known, start - 1)));
        Collections.sort(listed);
        present.addAll(listed);
        List<Long> missing = new ArrayList<>();
        synchronized (this) {
            if (!listed.isEmpty()) {
                lastKnown = Math.max(lastKnown, listed.get(listed.size() - 1));
            }
            present.stream().filter(sequence -> !cache.containsKey(sequence)).forEach(missing::add);
        }
        Map<Long, LedgerEntry> fetched = fetchAll(missing);
        List<LedgerEntry> out = new ArrayList<>();
        for (long sequence : present) {
            LedgerEntry entry = fetched.containsKey(sequence) ? fetched.get(sequence) : entry(sequence);
            if (entry != null) {
                out.add(entry);
            }
        }
        warnIfUnprotected();
        return out;
    }

    private Map<Long, LedgerEntry> fetchAll(List<Long> sequences) {
        Map<Long, LedgerEntry> out = new ConcurrentHashMap<>();
        if (sequences.size() <= 1) {
            sequences.forEach(sequence -> store(out, sequence, fetch(sequence)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(READ_PARALLELISM, sequences.size()), runnable -> {
            Thread thread = new Thread(runnable, "airlock-ledger-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (long sequence : sequences) {
                reads.add(pool.submit(() -> store(out, sequence, fetch(sequence))));
            }
            for (Future<?> read : reads) {
                read.get();
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new BackendUnavailableException("reading the ledger s3://" + bucket + "/" + entries + " failed",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("interrupted while reading the ledger s3://" + bucket + "/" + entries,
                    e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void store(Map<Long, LedgerEntry> into, long sequence, @Nullable LedgerEntry entry) {
        if (entry != null) {
            into.put(sequence, entry);
            remember(sequence, entry);
        }
    }

    /** Creates {@code <prefix>/checkpoints/<sequence>.json} with {@code If-None-Match: *}: never replaced. */
    @Override
    public boolean putCheckpoint(Checkpoint checkpoint) {
        String key = checkpointKey(checkpoint.sequence());
        return createIfAbsent(key, CheckpointCodec.toJson(checkpoint).getBytes(StandardCharsets.UTF_8));
    }

    /** A conditional create ({@code If-None-Match: *}): false when the key exists, whoever wrote it. */
    private boolean createIfAbsent(String key, byte[] body) {
        return calls.call(owner, "PutObject s3://" + bucket + "/" + key, () -> {
            try {
                s3.putObject(r -> r.bucket(bucket).key(key).expectedBucketOwner(owner.value()).ifNoneMatch("*")
                        .contentType("application/json"), RequestBody.fromBytes(body));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412 || e.statusCode() == 409) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSequence) {
        List<Checkpoint> out = new ArrayList<>();
        for (String key : checkpointKeys(fromSequence > 0 ? checkpointKey(fromSequence - 1) : null)) {
            out.add(checkpoint(key));
        }
        return out;
    }

    /**
     * What the bucket cannot rule out: without versioning and Object Lock, deleted entries are gone; with
     * them, a delete marker still hides an entry from readers (verify() finds those markers). Read once,
     * with GetBucketVersioning and GetObjectLockConfiguration.
     */
    @Override
    public synchronized Optional<String> truncationRisk() {
        if (!protectionChecked) {
            try {
                truncationRisk = unprotected();
            } catch (AccessDeniedException e) {
                truncationRisk = "bucket " + bucket + ": this principal may not read whether versioning and Object"
                        + " Lock are on (grant it s3:GetBucketVersioning and s3:GetBucketObjectLockConfiguration), so"
                        + " truncation cannot be ruled out; pin the ledger's head somewhere else and verify against it";
            }
            protectionChecked = true;
            if (truncationRisk != null) {
                LOG.warn("truncation cannot be ruled out: {}", truncationRisk);
            }
        }
        return Optional.ofNullable(truncationRisk);
    }

    private String unprotected() {
        List<String> missing = new ArrayList<>();
        String versioning = calls.call(owner, "GetBucketVersioning s3://" + bucket,
                () -> s3.getBucketVersioning(r -> r.bucket(bucket).expectedBucketOwner(owner.value()))).statusAsString();
        if (!"Enabled".equals(versioning)) {
            missing.add("versioning is " + (versioning == null ? "off" : versioning));
        }
        if (!objectLockEnabled()) {
            missing.add("Object Lock is off");
        }
        if (missing.isEmpty()) {
            return "bucket " + bucket + " keeps every version under Object Lock, but a DeleteObject without a version"
                    + " id still hides an entry behind a delete marker: verify-ledger finds those, a cold start does not;"
                    + " deny s3:DeleteObject in the bucket policy, and pin the ledger's head somewhere else";
        }
        return "bucket " + bucket + ": " + String.join(", ", missing) + ", so whoever may delete objects there can cut"
                + " entries from the ledger's end unnoticed; turn both on, or pin the ledger's head somewhere else and"
                + " verify against it";
    }

    /** Says once, in the log, what this bucket cannot rule out; never fails a read for it. */
    private void warnIfUnprotected() {
        synchronized (this) {
            if (protectionChecked) {
                return;
            }
        }
        try {
            truncationRisk();
        } catch (RuntimeException e) {
            synchronized (this) {
                protectionChecked = true;
            }
            LOG.warn("could not read whether bucket {} keeps every version of the ledger", bucket, e);
        }
    }

    private boolean objectLockEnabled() {
        return calls.call(owner, "GetObjectLockConfiguration s3://" + bucket, () -> {
            try {
                ObjectLockConfiguration lock = s3.getObjectLockConfiguration(r -> r.bucket(bucket)
                        .expectedBucketOwner(owner.value())).objectLockConfiguration();
                return lock != null && "Enabled".equals(lock.objectLockEnabledAsString());
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** One listing and one GetObject: only the newest checkpoint is read. */
    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        List<String> keys = checkpointKeys(null);
        return keys.isEmpty() ? Optional.empty() : Optional.of(checkpoint(keys.get(keys.size() - 1)));
    }

    private String checkpointKey(long sequence) {
        return key(checkpointPrefix, sequence);
    }

    private List<String> checkpointKeys(@Nullable String startAfter) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = calls.call(owner, "ListObjectsV2 s3://" + bucket + "/" + checkpointPrefix,
                    () -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(checkpointPrefix).startAfter(startAfter)
                            .continuationToken(continuation).expectedBucketOwner(owner.value())));
            for (S3Object object : page.contents()) {
                if (sequenceOf(checkpointPrefix, object.key()) < 0) {
                    throw misnamed(object.key(), "its name is not <20-digit sequence>.json");
                }
                keys.add(object.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        Collections.sort(keys);
        return keys;
    }

    /** The checkpoint stored at {@code key}, which must be the one its name says. */
    private Checkpoint checkpoint(String key) {
        String source = "s3://" + bucket + "/" + key;
        ResponseBytes<GetObjectResponse> bytes = calls.call(owner, "GetObject " + source,
                () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).expectedBucketOwner(owner.value())));
        Checkpoint checkpoint = CheckpointCodec.fromJson(utf8(bytes.asByteBuffer(), source), source);
        if (checkpoint.sequence() != sequenceOf(checkpointPrefix, key)) {
            throw misnamed(key, "it holds checkpoint " + checkpoint.sequence() + ": it was copied under another name");
        }
        return checkpoint;
    }

    private LedgerTamperedException misnamed(String key, String problem) {
        return new LedgerTamperedException(new BrokenLink(0, 0, BrokenLink.Kind.CHECKPOINT_MISMATCH,
                "checkpoint s3://" + bucket + "/" + key + " cannot be trusted: " + problem));
    }

    @Override
    public long lastSequence() {
        long known;
        synchronized (this) {
            known = lastKnown;
        }
        long last = known;
        for (long sequence : listSequences(known > 0 ? key(known) : null)) {
            last = Math.max(last, sequence);
        }
        synchronized (this) {
            lastKnown = Math.max(lastKnown, last);
            return lastKnown;
        }
    }

    /**
     * Re-reads every entry object from S3, trusting nothing cached, and verifies the chain as stored
     * now: in key order, so a missing, moved or rewritten object is reported. Against the last entry
     * this instance has seen, so entries deleted from the end or rewritten since are reported too
     * ({@link dev.airlock.ledger.BrokenLink.Kind#TRUNCATED}, {@code HEAD_MISMATCH}). In a versioned
     * bucket, an entry hidden behind a delete marker is reported too, whoever deleted it. Costs one
     * GetObject per entry.
     */
    @Override
    public ChainReport verify() {
        LedgerHead seen = null;
        synchronized (this) {
            LedgerEntry last = cache.get(lastKnown);
            if (last != null && last.sequence() == lastKnown) {
                seen = LedgerHead.of(last);
            }
        }
        List<Long> sequences = storedSequences();
        Optional<Long> deleted = deletedEntries().stream().findFirst();
        if (deleted.isPresent()) {
            long sequence = deleted.get();
            boolean fromTheEnd = sequences.isEmpty() || sequence > sequences.get(sequences.size() - 1);
            return new ChainReport(0, new BrokenLink(sequence, sequence, fromTheEnd ? BrokenLink.Kind.TRUNCATED
                    : BrokenLink.Kind.MISSING, "entry " + sequence + " was deleted: a delete marker hides "
                    + key(sequence) + " in bucket " + bucket + " (its earlier version still holds the entry)"));
        }
        List<LedgerEntry> stored = new ArrayList<>();
        for (long sequence : sequences) {
            LedgerEntry entry = fetch(sequence);
            if (entry != null) {
                stored.add(entry);
            }
        }
        return seen == null ? LedgerChain.verify(stored) : LedgerChain.verify(stored, seen);
    }

    /**
     * The entries whose latest version is a delete marker, ascending; empty when the bucket keeps no
     * versions or the principal may not list them (truncationRisk says so).
     */
    private List<Long> deletedEntries() {
        List<Long> deleted = new ArrayList<>();
        try {
            String keyMarker = null;
            String versionMarker = null;
            boolean more = true;
            while (more) {
                String key = keyMarker;
                String version = versionMarker;
                ListObjectVersionsResponse page = calls.call(owner, "ListObjectVersions s3://" + bucket + "/" + entries,
                        () -> s3.listObjectVersions(r -> r.bucket(bucket).prefix(entries).keyMarker(key)
                                .versionIdMarker(version).expectedBucketOwner(owner.value())));
                page.deleteMarkers().stream().filter(marker -> Boolean.TRUE.equals(marker.isLatest()))
                        .mapToLong(marker -> sequenceOf(marker.key())).filter(sequence -> sequence > 0)
                        .forEach(deleted::add);
                more = Boolean.TRUE.equals(page.isTruncated());
                keyMarker = page.nextKeyMarker();
                versionMarker = page.nextVersionIdMarker();
            }
        } catch (AccessDeniedException e) {
            LOG.warn("may not list the versions in bucket {} (s3:ListBucketVersions): deleted entries are not looked"
                    + " for", bucket);
        }
        Collections.sort(deleted);
        return deleted;
    }

    /** The sequence numbers of every entry object in the bucket, ascending. */
    private List<Long> storedSequences() {
        List<Long> sequences = listSequences(null);
        Collections.sort(sequences);
        return sequences;
    }

    /** The sequence numbers of the entry objects whose keys sort after {@code startAfter} (all when null). */
    private List<Long> listSequences(@Nullable String startAfter) {
        List<Long> sequences = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = calls.call(owner, "ListObjectsV2 s3://" + bucket + "/" + entries,
                    () -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(entries).startAfter(startAfter)
                            .continuationToken(continuation).expectedBucketOwner(owner.value())));
            for (S3Object object : page.contents()) {
                long sequence = sequenceOf(object.key());
                if (sequence >= 0) {
                    sequences.add(sequence);
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return sequences;
    }

    /** Entry {@code sequence} from the cache or S3, or null if it does not exist. */
    private @Nullable LedgerEntry entry(long sequence) {
        synchronized (this) {
            LedgerEntry cached = cache.get(sequence);
            if (cached != null) {
                return cached;
            }
        }
        LedgerEntry fetched = fetch(sequence);
        if (fetched != null) {
            remember(sequence, fetched);
        }
        return fetched;
    }

    private @Nullable LedgerEntry fetch(long sequence) {
        String key = key(sequence);
        String source = "s3://" + bucket + "/" + key;
        ResponseBytes<GetObjectResponse> bytes = calls.call(owner, "GetObject " + source, () -> {
            try {
                return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).expectedBucketOwner(owner.value()));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return null;
                }
                throw e;
            }
        });
        if (bytes == null) {
            return null;
        }
        LedgerEntry entry = LedgerEntryCodec.fromJson(utf8(bytes.asByteBuffer(), source), source);
        if (entry.sequence() != sequence) {
            // Reported, not thrown: the object is evidence, and verification names the broken link.
            LOG.warn("{} holds entry {}, not {}", source, entry.sequence(), sequence);
        }
        return entry;
    }

    /** Strictly: a replacement character in place of a bad byte would hide an edit the ledger must report. */
    private static String utf8(ByteBuffer bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEntryException(source, "not valid UTF-8", e);
        }
    }

    private synchronized void remember(long sequence, LedgerEntry entry) {
        cache.put(sequence, entry);
        lastKnown = Math.max(lastKnown, sequence);
    }

    @Override
    public String toString() {
        return "S3Ledger[s3://" + bucket + "/" + prefix + ", owner " + owner + "]";
    }
}
