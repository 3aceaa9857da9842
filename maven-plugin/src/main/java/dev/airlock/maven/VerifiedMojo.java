package dev.airlock.maven;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reports the digest healthy in {@code to} (what the deploy job says after its checks): soak time counts from
 * it, and the next stage's no-skipping guardrail needs it.
 */
@Mojo(name = "verified", threadSafe = true)
public class VerifiedMojo extends TargetedMojo {
    @Override
    void run(AirlockSession session) {
        if (to == null || to.isBlank()) {
            throw new InvalidValueException("to", to, "must name the environment the digest runs healthy in");
        }
        Digest verified = command(session).digest();
        session.engine.markVerified(verified, to, session.principal());
        getLog().info("airlock: VERIFIED " + verified.shortForm() + " in " + to);
    }
}
