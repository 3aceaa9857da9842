package dev.airlock.promotion;

/**
 * A promotion's lease was taken over (it expired and another promotion took the environment, or an
 * operator resumed it elsewhere). Its fencing token is stale, so it may not write anything more.
 */
public class LeaseLostException extends PromotionConflictException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String promotionId, String environment, long token) {
        super("promotion " + promotionId + " no longer holds the lease on '" + environment + "' (fencing token "
                + token + " is stale); it wrote nothing further");
    }
}
