package dev.airlock.promotion;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;

/** An artifact name and version were registered again with different bytes. Build once: bump the version. */
public class ImmutabilityViolationException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public ImmutabilityViolationException(String name, String version, Digest registered, Digest offered) {
        super(name + ":" + version + " is already registered as " + registered + "; refusing " + offered
                + " under the same name and version (artifacts are immutable: register a new version)");
    }
}
