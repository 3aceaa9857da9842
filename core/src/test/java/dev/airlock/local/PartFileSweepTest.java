package dev.airlock.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial files a killed promote or register left in a tmp directory are removed when a store opens on
 * the root or transfers into that place; a file a live writer holds, here or in another process, is kept.
 */
class PartFileSweepTest {
    private static final AccountId TOOLING = AccountId.of("111111111111");

    @TempDir
    Path root;

    /** A part file as a killed writer leaves it: no lock, last written a day ago. */
    private Path leftover(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path part = Files.writeString(directory.resolve("incoming-123.part"), "half an artifact");
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        return part;
    }

    @Test
    void open_removesLeftoversInTheOriginAndEveryEnvironment() throws IOException {
        Path origin = leftover(root.resolve("origin/tmp"));
        Path dev = leftover(root.resolve("environments/dev/tmp"));

        LocalArtifactStore.open(root, TOOLING);

        assertFalse(Files.exists(origin));
        assertFalse(Files.exists(dev));
    }

    @Test
    void open_keepsAPartFileWrittenMomentsAgo() throws IOException {
        Path part = leftover(root.resolve("origin/tmp"));
        Files.setLastModifiedTime(part, FileTime.from(Instant.now()));

        LocalArtifactStore.open(root, TOOLING);

        assertTrue(Files.exists(part));
    }

    @Test
    void upload_removesLeftoversBeforeWriting() throws IOException {
        LocalArtifactStore store = LocalArtifactStore.open(root, TOOLING);
        Path part = leftover(root.resolve("origin/tmp"));

        store.upload(new ByteArrayInputStream("bytes".getBytes(StandardCharsets.UTF_8)), "application/octet-stream");

        assertFalse(Files.exists(part));
        assertEquals(0, partFiles());
    }

    @Test
    void open_keepsAPartFileThisProcessIsStillWriting() throws IOException {
        LocalArtifactStore store = LocalArtifactStore.open(root, TOOLING);
        InputStream slow = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == 3) {
                    // Mid-write: the file looks abandoned by its age, and another store opens on the root.
                    try (Stream<Path> parts = Files.list(root.resolve("origin/tmp"))) {
                        for (Path part : parts.toList()) {
                            Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
                        }
                    }
                    LocalArtifactStore.open(root, TOOLING);
                }
                return served < 6 ? "abcdef".charAt(served++) : -1;
            }
        };

        Digest digest = store.upload(slow, "application/octet-stream").digest();

        assertEquals(Digest.of(new ByteArrayInputStream("abcdef".getBytes(StandardCharsets.UTF_8))), digest);
    }

    @Test
    void open_keepsAPartFileAnotherProcessHoldsLocked() throws Exception {
        Path part = leftover(root.resolve("origin/tmp"));
        Process holder = lockInAnotherProcess(part);
        try {
            LocalArtifactStore.open(root, TOOLING);

            assertTrue(Files.exists(part));
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(1, TimeUnit.MINUTES);
        }
        LocalArtifactStore.open(root, TOOLING);
        assertFalse(Files.exists(part));
    }

    /** A JVM that locks {@code file} as a live writer does, says so, and holds it until its stdin closes. */
    private Process lockInAnotherProcess(Path file) throws IOException {
        Path source = Files.writeString(root.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                                var lock = channel.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), file.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        return process;
    }

    private long partFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".part")).count();
        }
    }
}
