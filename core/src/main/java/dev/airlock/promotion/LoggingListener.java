package dev.airlock.promotion;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.PromotionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs every ledger entry through SLF4J, with {@code airlock.promotionId}, {@code airlock.environment}
 * and {@code airlock.digest} in the MDC so log lines correlate with the ledger and CloudTrail.
 */
public final class LoggingListener implements PromotionListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.airlock.ledger");

    @Override
    public void onEntry(LedgerEntry entry) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        MDC.put("airlock.promotionId", entry.promotionId());
        MDC.put("airlock.environment", entry.environment());
        MDC.put("airlock.digest", entry.digest() == null ? null : entry.digest().value());
        try {
            LOG.info("#{} {} by {} env={} digest={} {}", entry.sequence(), entry.type(), entry.principal(),
                    entry.environment(), entry.digest(), entry.details());
        } finally {
            MDC.remove("airlock.promotionId");
            MDC.remove("airlock.environment");
            MDC.remove("airlock.digest");
        }
    }
}
