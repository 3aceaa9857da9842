package dev.airlock.aws;

/** How the S3 store proves that the object at a place holds the bytes of a digest. */
public enum S3Verification {
    /**
     * Compares the SHA-256 checksum S3 computed for the object (HeadObject with checksum mode) with the
     * digest, or, for an object copied in parts, with the composite checksum recorded on the origin object
     * when the artifact was uploaded. Reads no object bytes. An object without such a checksum (written by
     * another tool) is read back instead. Trusts S3's checksums: emulators that store them unchecked
     * (moto) prove nothing this way.
     */
    CHECKSUM,
    /** Reads the object back and hashes it: one GET of the whole object per verification. */
    READ_BACK
}
