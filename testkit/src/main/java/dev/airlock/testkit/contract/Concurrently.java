package dev.airlock.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on their own threads, released together by one gate so they really race. The timeout
 * only keeps a deadlocked implementation from hanging the build; no case asserts on time.
 */
final class Concurrently {
    private static final long HANG_GUARD_SECONDS = 60;

    private Concurrently() {
    }

    /** Each task's result or exception, in task order. */
    static <T extends @Nullable Object> List<Outcome<T>> run(List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T extends @Nullable Object> Outcome<T> outcome(Future<T> future) {
        try {
            return new Outcome<>(future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for concurrent tasks", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a concurrent task did not finish within " + HANG_GUARD_SECONDS
                    + " seconds: the implementation may be deadlocked", e);
        }
    }

    /** What one task produced: a value, or the exception it threw. */
    record Outcome<T extends @Nullable Object>(@Nullable T value, @Nullable Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }
}
