package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.testkit.moto.MotoServer;
import dev.airlock.testkit.moto.MotoUnavailableException;
import org.junit.jupiter.api.Test;

/** The moto harness: it answers, it resets, and without moto it fails with the install hint. */
class MotoServerTest {

    @Test
    void shared_answersOnLoopback_andResetForgetsEverything() {
        MotoServer server = MotoServer.shared();
        MotoAws aws = new MotoAws().withStorage();
        try (var s3 = aws.s3(MotoAws.TOOLING)) {
            assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(MotoAws.ORIGIN_BUCKET)));
        }

        server.reset();

        assertTrue(server.endpoint().toString().startsWith("http://127.0.0.1:"));
        try (var s3 = aws.s3(MotoAws.TOOLING)) {
            assertEquals(0, s3.listBuckets().buckets().size(), "reset removed the buckets");
        }
        aws.close();
    }

    @Test
    void start_withoutMoto_failsWithTheInstallHint() {
        String previous = System.getProperty(MotoServer.COMMAND_PROPERTY);
        System.setProperty(MotoServer.COMMAND_PROPERTY, "/nonexistent/moto_server");
        try {
            MotoUnavailableException e = assertThrows(MotoUnavailableException.class, MotoServer::start);

            assertTrue(e.getMessage().contains("pip install 'moto[server]>=5.2.1'"), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(MotoServer.COMMAND_PROPERTY);
            } else {
                System.setProperty(MotoServer.COMMAND_PROPERTY, previous);
            }
        }
    }
}
