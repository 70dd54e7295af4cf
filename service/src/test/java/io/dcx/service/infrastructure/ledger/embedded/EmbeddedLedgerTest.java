package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerContractTest;
import io.dcx.service.infrastructure.ledger.TestDatabase;

/** The embedded ledger keeps the port's promises, with the real dcx contract, over PostgreSQL. */
class EmbeddedLedgerTest extends LedgerContractTest {
    private TestDatabase database;

    @Override
    protected Ledger openLedger() {
        database = TestDatabase.freshSchema("embedded_contract");
        return EmbeddedLedger.start(database.dataSource(), EmbeddedLedger.Options.defaults());
    }

    @Override
    protected void closeLedger(Ledger ledger) throws Exception {
        ((EmbeddedLedger) ledger).close();
        database.close();
    }
}
