package dev.airlock.maven;

import dev.airlock.promotion.Plan;
import org.apache.maven.plugins.annotations.Mojo;

/** The decision, explained, and the steps a promotion would take; records nothing and never fails on it. */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends TargetedMojo {
    @Override
    void run(AirlockSession session) {
        Plan plan = session.engine.plan(command(session));
        getLog().info("airlock: " + plan.decision().explain().stripTrailing());
        plan.steps().forEach(step -> getLog().info("airlock:   - " + step));
    }
}
