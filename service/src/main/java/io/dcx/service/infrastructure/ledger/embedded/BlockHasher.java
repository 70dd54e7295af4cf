package io.dcx.service.infrastructure.ledger.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The embedded ledger's hashes. Each field is written with a length (or a marker for null) in front, so that two
 * different blocks can never encode to the same bytes.
 *
 * <ul>
 *   <li>data hash of a block: SHA-256 over its transactions in order, each as txId, creator MSP id, timestamp
 *       (microseconds since the epoch), function, args, validation code, write set in key order (key, deleted,
 *       value) and event (name, payload);</li>
 *   <li>data hash of the genesis block: SHA-256 over the channel name and each organisation's MSP id and CA
 *       certificate, as Fabric's genesis block carries the channel configuration with the MSPs' root
 *       certificates;</li>
 *   <li>block hash: SHA-256 over number (8 bytes, big-endian), previous hash and data hash.</li>
 * </ul>
 */
final class BlockHasher {
    static final String VALID = "VALID";
    static final String MVCC_READ_CONFLICT = "MVCC_READ_CONFLICT";
    static final String PHANTOM_READ_CONFLICT = "PHANTOM_READ_CONFLICT";

    /** The previous hash of block 0. */
    static final byte[] ZERO_HASH = new byte[32];

    private final MessageDigest digest = sha256();

    /** Adds one transaction to the data hash being computed. */
    void addTransaction(String txId, String creatorMsp, Instant timestamp, String function, List<byte[]> args,
                        String validationCode, Map<String, byte[]> writes, String eventName, byte[] eventPayload) {
        string(txId);
        string(creatorMsp);
        number(ChronoUnit.MICROS.between(Instant.EPOCH, timestamp));
        string(function);
        number(args.size());
        args.forEach(this::bytes);
        string(validationCode);
        number(writes.size());
        for (Map.Entry<String, byte[]> write : writes.entrySet()) {
            string(write.getKey());
            digest.update((byte) (write.getValue() == null ? 1 : 0));
            bytes(write.getValue());
        }
        string(eventName);
        bytes(eventPayload);
    }

    void addTransaction(LedgerStore.TxRecord tx) {
        addTransaction(tx.txId(), tx.creatorMsp(), tx.timestamp(), tx.function(), tx.args(), tx.validationCode(),
                tx.writes(), tx.eventName(), tx.eventPayload());
    }

    /** Adds one organisation of the channel configuration (genesis block only). */
    void addOrganisation(String mspId, String caCertificatePem) {
        string(mspId);
        string(caCertificatePem);
    }

    void addChannel(String channel) {
        string(channel);
    }

    /** The data hash; the hasher starts again afterwards. */
    byte[] dataHash() {
        return digest.digest();
    }

    static byte[] blockHash(long number, byte[] previousHash, byte[] dataHash) {
        MessageDigest d = sha256();
        d.update(ByteBuffer.allocate(Long.BYTES).putLong(number).array());
        d.update(previousHash);
        d.update(dataHash);
        return d.digest();
    }

    private void string(String value) {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) {
        if (value == null) {
            number(-1);
        } else {
            number(value.length);
            digest.update(value);
        }
    }

    private void number(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
