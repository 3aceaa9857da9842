package dev.airlock.testkit.aws.contract;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every AWS API kit shares: a fresh {@link AwsContractTarget} for each case, closed after it.
 * A kit's own {@code @BeforeEach} runs after this one, so {@link #target()} is ready there.
 */
public abstract class AwsContract {
    private @Nullable AwsContractTarget target;

    /** A new target holding the landscape {@link AwsContractTarget} describes; the kit closes it after the case. */
    protected abstract AwsContractTarget createTarget();

    /** The running case's target, for cases a subclass adds. */
    protected final AwsContractTarget target() {
        if (target == null) {
            throw new IllegalStateException("no case is running");
        }
        return target;
    }

    @BeforeEach
    void openTarget() {
        target = createTarget();
    }

    @AfterEach
    void closeTarget() {
        if (target != null) {
            target.close();
            target = null;
        }
    }
}
