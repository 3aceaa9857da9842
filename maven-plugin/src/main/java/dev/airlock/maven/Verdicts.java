package dev.airlock.maven;

import dev.airlock.promotion.PromotionResult;

/** What a promotion's answer means for the build, and what to tell its reader. */
final class Verdicts {
    record Answer(boolean fails, String message) {
    }

    private Verdicts() {
    }

    static Answer of(PromotionResult result, boolean failOnPending) {
        String what = result.digest().shortForm() + " into " + result.target();
        return switch (result.status()) {
            case PROMOTED -> new Answer(false, "airlock: PROMOTED " + what + " (promotion " + result.promotionId() + ")");
            case ALREADY_PROMOTED -> new Answer(false, "airlock: ALREADY PROMOTED " + what + " by promotion "
                    + result.promotionId() + "; nothing to do");
            case DENIED -> new Answer(true, "airlock: DENIED " + what + " (recorded as promotion "
                    + result.promotionId() + ")\n" + result.decision().explain());
            case PENDING -> new Answer(failOnPending, "airlock: " + result.decision().summary() + " (" + what
                    + ", recorded as promotion " + result.promotionId() + "; `airlock reconcile` promotes it once "
                    + "nothing is missing" + (failOnPending ? ", or set failOnPending=false to pass the build)" : ")"));
        };
    }
}
