package io.dcx.service.infrastructure.ledger.embedded;

/** Fabric's version of a key: the block and the index in that block of the transaction that last wrote it. */
record Version(long block, int txIndex) {
}
