package dev.airlock.aws.internal;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.BackendUnavailableException;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.Layer;
import software.amazon.awssdk.services.ecr.model.LayerAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;

/**
 * Copies the blobs (config and layers) an image needs from the origin repository into an
 * environment's repository, skipping every blob the target already has. A missing blob is
 * downloaded through its pre-signed URL and uploaded in parts of a fixed size (5-10 MiB), hashed on
 * the way: it is completed only if its bytes hash to its digest.
 */
public final class LayerCopy {
    private static final Logger LOG = LoggerFactory.getLogger(LayerCopy.class);
    /** BatchCheckLayerAvailability accepts at most 100 digests per call. */
    private static final int CHECK_BATCH = 100;

    private final EcrClient ecr;
    private final AwsCalls calls;
    private final HttpClient http;
    private final AwsRequestOverrideConfiguration attribution;
    private final long partSize;

    public LayerCopy(EcrClient ecr, AwsCalls calls, HttpClient http, AwsRequestOverrideConfiguration attribution,
            long partSize) {
        this.ecr = ecr;
        this.calls = calls;
        this.http = http;
        this.attribution = attribution;
        this.partSize = partSize;
    }

    /** A repository in a registry (an account). */
    public record Repository(AccountId registry, String name) {
        @Override
        public String toString() {
            return registry + "/" + name;
        }
    }

    /** The subset of {@code blobs} that {@code target} does not have yet. */
    public List<ImageManifest.Descriptor> missing(Repository target, List<ImageManifest.Descriptor> blobs) {
        Map<Digest, ImageManifest.Descriptor> wanted = new LinkedHashMap<>();
        blobs.stream().filter(blob -> !blob.isForeign()).forEach(blob -> wanted.put(blob.digest(), blob));
        List<Digest> digests = new ArrayList<>(wanted.keySet());
        List<ImageManifest.Descriptor> missing = new ArrayList<>();
        for (int from = 0; from < digests.size(); from += CHECK_BATCH) {
            List<String> batch = digests.subList(from, Math.min(digests.size(), from + CHECK_BATCH)).stream()
                    .map(Digest::value).toList();
            BatchCheckLayerAvailabilityResponse response = calls.call(target.registry(),
                    "BatchCheckLayerAvailability " + target, () -> ecr.batchCheckLayerAvailability(r -> r
                            .registryId(target.registry().value()).repositoryName(target.name()).layerDigests(batch)
                            .overrideConfiguration(attribution)));
            List<String> available = response.layers().stream()
                    .filter(layer -> layer.layerAvailability() == LayerAvailability.AVAILABLE)
                    .map(Layer::layerDigest).toList();
            batch.stream().filter(digest -> !available.contains(digest))
                    .forEach(digest -> missing.add(wanted.get(Digest.parse(digest))));
        }
        return missing;
    }

    /** Copies one blob; returns the bytes moved. */
    public long copy(Repository source, Repository target, ImageManifest.Descriptor blob, Place place) {
        String url = calls.call(source.registry(), "GetDownloadUrlForLayer " + blob.digest() + " in " + source,
                () -> ecr.getDownloadUrlForLayer(r -> r.registryId(source.registry().value())
                        .repositoryName(source.name()).layerDigest(blob.digest().value())
                        .overrideConfiguration(attribution)).downloadUrl());
        String uploadId = calls.call(target.registry(), "InitiateLayerUpload " + target,
                () -> ecr.initiateLayerUpload(r -> r.registryId(target.registry().value()).repositoryName(target.name())
                        .overrideConfiguration(attribution)).uploadId());
        long copied;
        try (InputStream in = download(url, blob)) {
            copied = uploadParts(in, target, uploadId, blob, place);
        } catch (IOException e) {
            // Only the exception type: messages of HTTP failures may echo the pre-signed URL, a credential.
            throw new BackendUnavailableException("downloading layer " + blob.digest() + " from " + source
                    + " failed: " + e.getClass().getSimpleName(), e);
        }
        calls.run(target.registry(), "CompleteLayerUpload " + blob.digest() + " in " + target, () -> {
            try {
                ecr.completeLayerUpload(r -> r.registryId(target.registry().value()).repositoryName(target.name())
                        .uploadId(uploadId).layerDigests(blob.digest().value()).overrideConfiguration(attribution));
            } catch (LayerAlreadyExistsException e) {
                LOG.debug("layer {} appeared in {} meanwhile", blob.digest(), target);
            }
        });
        LOG.debug("copied layer {} ({} bytes) from {} to {}", blob.digest(), copied, source, target);
        return copied;
    }

    private long uploadParts(InputStream in, Repository target, String uploadId, ImageManifest.Descriptor blob,
            Place place) throws IOException {
        MessageDigest sha = Digest.sha256();
        byte[] buffer = new byte[(int) partSize];
        long offset = 0;
        while (true) {
            int filled = in.readNBytes(buffer, 0, buffer.length);
            if (filled == 0) {
                break;
            }
            sha.update(buffer, 0, filled);
            long first = offset;
            long last = offset + filled - 1;
            SdkBytes part = SdkBytes.fromByteArray(java.util.Arrays.copyOf(buffer, filled));
            calls.run(target.registry(), "UploadLayerPart " + blob.digest() + " bytes " + first + "-" + last,
                    () -> ecr.uploadLayerPart(r -> r.registryId(target.registry().value()).repositoryName(target.name())
                            .uploadId(uploadId).partFirstByte(first).partLastByte(last).layerPartBlob(part)
                            .overrideConfiguration(attribution)));
            offset += filled;
            if (filled < buffer.length) {
                break;
            }
        }
        Digest actual = Digest.fromRaw(sha.digest());
        if (!actual.equals(blob.digest())) {
            throw new DigestMismatchException(blob.digest(), actual, place);
        }
        return offset;
    }

    private InputStream download(String url, ImageManifest.Descriptor blob) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET()
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                // The URL is pre-signed: it is a credential and stays out of the message.
                throw new IOException("HTTP " + response.statusCode() + " for the layer's download URL");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading layer " + blob.digest(), e);
        }
    }
}
