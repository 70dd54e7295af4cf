package io.dcx.service.application.ledger;

import java.time.Instant;

/** One chaincode event of a committed, valid transaction. */
public record ChaincodeEvent(long blockNumber, String txId, Instant timestamp, String name, byte[] payload) {
}
