package io.dcx.service.application.ledger;

import java.time.Instant;

/** A write transaction that is in a block and valid. {@code payload} is the contract's answer (often JSON). */
public record CommittedTransaction(String txId, long blockNumber, Instant timestamp, byte[] payload) {
    public String payloadUtf8() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
