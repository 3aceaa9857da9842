package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageManifestTest {

    @Test
    void parse_hashesTheExactBytes_notAReserialization() {
        String spaced = "{ \"schemaVersion\": 2, \"mediaType\": \"" + ImageManifest.OCI_MANIFEST + "\", \"layers\": [] }";

        ImageManifest manifest = ImageManifest.parse(spaced.getBytes(StandardCharsets.UTF_8), "ignored");

        assertEquals(Digest.of(spaced.getBytes(StandardCharsets.UTF_8)), manifest.digest());
        assertEquals(spaced, manifest.text());
    }

    @Test
    void parse_ofAnImage_listsConfigThenLayers_andOfAnIndex_itsChildren() {
        byte[] config = Images.blob(10, 1);
        byte[] layer = Images.blob(20, 2);
        String image = Images.manifest(config, layer);

        ImageManifest parsed = ImageManifest.parse(image, ImageManifest.OCI_MANIFEST);
        ImageManifest index = ImageManifest.parse(Images.index(image), ImageManifest.OCI_INDEX);

        assertEquals(Digest.of(config), parsed.blobs().get(0).digest());
        assertEquals(20, parsed.blobs().get(1).size());
        assertTrue(index.isIndex());
        assertEquals(Images.digest(image), index.children().get(0).digest());
    }

    @Test
    void parse_ofAnUnknownMediaType_isRefused() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> ImageManifest.parse("{\"schemaVersion\":1}", "application/vnd.docker.distribution.manifest.v1+json"));

        assertEquals("mediaType", e.field());
    }

    @Test
    void parse_ofBytesThatAreNotUtf8_isRefused() {
        byte[] latin1 = "{\"x\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> ImageManifest.parse(latin1, ImageManifest.OCI_MANIFEST));

        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
