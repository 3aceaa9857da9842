package dev.airlock.event;

import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.EventPublisher;
import dev.airlock.spi.PromotionListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener that turns ledger entries into events and hands them to publishers on a thread of its
 * own. The promoting thread only offers to a bounded queue, so a slow or failing publisher can never
 * slow a promotion down; when the queue is full, events are dropped and counted, with a warning.
 * {@link #close()} gives publishers a bounded time to send what is queued.
 */
public final class EventDispatcher implements PromotionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final AirlockEvent STOP = new AirlockEvent("stop", EventType.LEDGER_TAMPERED, java.time.Instant.EPOCH,
            0, null, null, null, null, java.util.Map.of());

    private final List<EventPublisher> publishers;
    private final BlockingQueue<AirlockEvent> queue;
    private final Clock clock;
    private final Duration closeTimeout;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    /** The breaks told already; few, since a ledger stays broken until it is restored. */
    private final Set<String> toldTampering = ConcurrentHashMap.newKeySet();

    public EventDispatcher(List<EventPublisher> publishers, int capacity, Clock clock, Duration closeTimeout) {
        this.publishers = List.copyOf(publishers);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
        this.closeTimeout = closeTimeout;
        this.worker = new Thread(this::run, "airlock-events");
        worker.setDaemon(true); // an unsent event must not keep the embedding program alive
        worker.start();
    }

    /** A dispatcher with room for 1,000 events that waits up to 10 seconds on close. */
    public static EventDispatcher of(List<EventPublisher> publishers) {
        return new EventDispatcher(publishers, 1000, Clock.systemUTC(), Duration.ofSeconds(10));
    }

    @Override
    public void onEntry(LedgerEntry entry) {
        Events.of(entry).forEach(this::offer);
    }

    @Override
    public void onTampering(BrokenLink brokenLink) {
        // The engine refuses again on every call while the ledger stays broken: tell each break once, also when
        // reads and audits meet different breaks in turn, and when two threads meet the same one.
        if (toldTampering.add(brokenLink.sequence() + "/" + brokenLink.kind())) {
            offer(Events.tampering(brokenLink, clock.instant()));
        }
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void offer(AirlockEvent event) {
        if (!queue.offer(event)) {
            LOG.warn("event queue full; dropped {} event {} ({} dropped so far)", event.type().wireName(), event.id(),
                    dropped.incrementAndGet());
        }
    }

    private void run() {
        List<AirlockEvent> batch = new ArrayList<>();
        while (true) {
            try {
                AirlockEvent first = queue.take();
                if (first == STOP) {
                    return;
                }
                batch.add(first);
                queue.drainTo(batch, 99);
                boolean stop = batch.remove(STOP);
                publish(batch);
                batch.clear();
                if (stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void publish(List<AirlockEvent> events) {
        for (EventPublisher publisher : publishers) {
            for (int from = 0; from < events.size(); from += publisher.maxBatch()) {
                List<AirlockEvent> part = events.subList(from, Math.min(events.size(), from + publisher.maxBatch()));
                try {
                    publisher.publish(part);
                } catch (RuntimeException e) {
                    // The message may name remote resources but never secrets; the promotion goes on regardless.
                    LOG.warn("publisher {} gave up on {} event(s) ({}: {}); they are lost, the ledger keeps the record",
                            publisher, part.size(), e.getClass().getSimpleName(), e.getMessage());
                }
            }
        }
    }

    /** Sends what is queued, waiting at most the close timeout, then closes the publishers. */
    @Override
    public void close() {
        try {
            queue.offer(STOP, closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            worker.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("events still queued after {}; not waiting longer", closeTimeout);
            worker.interrupt();
        }
        publishers.forEach(EventPublisher::close);
    }

    @Override
    public String toString() {
        return "EventDispatcher" + publishers;
    }
}
