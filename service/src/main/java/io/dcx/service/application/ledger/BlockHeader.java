package io.dcx.service.application.ledger;

/**
 * A block's number, the hash of the previous block, the hash of its own data and its own hash, as hex. On the
 * embedded ledger {@code hash} chains the previous one; on Fabric these are the header fields the peer reports.
 */
public record BlockHeader(long number, String previousHash, String dataHash, String hash, int transactionCount) {
}
