package dev.airlock.promotion;

import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.PromotionRequest;
import java.util.List;

/** A dry run: the decision as of now and the steps a promotion would take. Nothing is recorded. */
public record Plan(PromotionRequest request, Decision decision, List<String> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }
}
