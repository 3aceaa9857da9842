package dev.airlock.maven;

import dev.airlock.promotion.PromotionResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes the digest into {@code to}. DENIED fails the build with the explanation; PENDING fails it, or with
 * {@code failOnPending=false} passes saying what is missing ({@code airlock reconcile} promotes it later);
 * PROMOTED and ALREADY_PROMOTED pass.
 */
@Mojo(name = "promote", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PromoteMojo extends TargetedMojo {
    /** Whether a PENDING answer (soak, approvals, a window) fails the build. */
    @Parameter(property = "airlock.failOnPending", defaultValue = "true")
    boolean failOnPending;

    @Override
    void run(AirlockSession session) throws MojoFailureException {
        PromotionResult result = session.engine.promote(command(session));
        Verdicts.Answer answer = Verdicts.of(result, failOnPending);
        if (answer.fails()) {
            throw new MojoFailureException(answer.message());
        }
        if (result.status() == PromotionResult.Status.PENDING) {
            getLog().warn(answer.message());
        } else {
            getLog().info(answer.message());
        }
    }
}
