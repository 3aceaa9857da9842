/**
 * Contract test kits: abstract JUnit 5 classes that every implementation of a port in
 * {@code dev.airlock.spi} must pass. Subclass one in your test sources, implement its factory
 * methods, and JUnit runs every case of the contract against your implementation:
 * <pre>{@code
 * class MyLedgerContractTest extends LedgerContract<MyLedger> {
 *     @Override
 *     protected MyLedger createLedger() {
 *         return new MyLedger(...);   // a new, empty ledger for each test
 *     }
 *
 *     @Override
 *     protected void tamper(MyLedger ledger, UnaryOperator<List<LedgerEntry>> rewrite) {
 *         ... // rewrite the stored entries behind the ledger's back
 *     }
 * }
 * }</pre>
 *
 * <p>A case that needs something an implementation's environment cannot provide (a way to tamper
 * with storage, an emulator whose conditional writes are not atomic) is never skipped silently:
 * the subclass overrides the kit's {@code ...UnsupportedBecause()} method and states why, and the
 * case is reported as aborted with that reason. A case whose hook was neither implemented nor
 * declared unsupported fails, saying which method to override.
 *
 * <p>The kits need {@code org.junit.jupiter:junit-jupiter-api} on the test class path; it is an
 * optional dependency of this module, so the fakes do not bring JUnit to their users.
 */
@NullMarked
package dev.airlock.testkit.contract;

import org.jspecify.annotations.NullMarked;
