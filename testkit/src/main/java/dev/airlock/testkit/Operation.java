package dev.airlock.testkit;

/**
 * The port calls of the in-memory backend that can be recorded and made to fail. Each names the
 * port method it stands for, so a record or an injected fault reads like the engine's own step.
 */
public enum Operation {
    /** {@code ArtifactStore.upload}: built bytes into the origin, in the tooling account. */
    UPLOAD("store.upload"),
    /** {@code ArtifactStore.contains}. */
    CONTAINS("store.contains"),
    /** {@code ArtifactStore.transfer}: origin to an environment's account. */
    TRANSFER("store.transfer"),
    /** {@code ArtifactStore.verify}: re-hash the bytes stored at a place. */
    VERIFY("store.verify"),
    /** {@code EnvironmentAccess.open}: the role chain into an environment's deploy role. */
    OPEN_ACCESS("access.open"),
    /** {@code Ledger.append}, in the security account. */
    LEDGER_APPEND("ledger.append");

    private final String operationName;

    Operation(String operationName) {
        this.operationName = operationName;
    }

    /** The port method, e.g. {@code store.transfer}. */
    public String operationName() {
        return operationName;
    }

    @Override
    public String toString() {
        return operationName;
    }
}
