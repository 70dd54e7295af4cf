package io.dcx.service.domain;

import java.time.Instant;

/** One change of a work or asset on chain: which transaction, in which block, when, and what it did. */
public record ProvenanceEntry(String txId, Long blockNumber, Instant timestamp, String action, String status) {
}
