package dev.airlock.aws;

import com.sun.net.httpserver.HttpServer;
import dev.airlock.artifact.Digest;
import dev.airlock.testkit.aws.AwsWorld;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the layers behind the in-memory ECR's download URLs over loopback HTTP. The fake's URLs name a
 * host nobody listens on (AWS's are pre-signed S3 URLs); Airlock downloads layers with its own HTTP client,
 * so the test clients hand out {@link #url(String) a loopback URL} that this server resolves through
 * {@link AwsWorld#download(String)}.
 */
final class LayerDownloads implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> corrupted = new ConcurrentHashMap<>();

    LayerDownloads(AwsWorld world) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/layer", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            int status;
            try {
                String url = URLDecoder.decode(query.substring("url=".length()), StandardCharsets.UTF_8);
                byte[] stored = world.download(url);
                body = corrupted.getOrDefault(Digest.of(stored).value(), stored);
                status = 200;
            } catch (RuntimeException e) {
                body = new byte[0];
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** From now on the layer {@code digest} downloads as {@code bytes}: a layer corrupted in storage or in transit. */
    void corrupt(Digest digest, byte[] bytes) {
        corrupted.put(digest.value(), bytes);
    }

    /** A loopback URL that serves what {@code fakeUrl} stands for. */
    String url(String fakeUrl) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/layer?url="
                + URLEncoder.encode(fakeUrl, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
