package dev.airlock.testkit.contract;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.testkit.InMemoryLedger;
import java.util.List;
import java.util.function.UnaryOperator;

class InMemoryLedgerContractTest extends LedgerContract<InMemoryLedger> {

    @Override
    protected InMemoryLedger createLedger() {
        return new InMemoryLedger();
    }

    @Override
    protected void tamper(InMemoryLedger ledger, UnaryOperator<List<LedgerEntry>> rewrite) {
        ledger.tamper(rewrite);
    }
}
