package io.dcx.service.infrastructure.ledger.embedded;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the hash chain from what is stored: three cursors (blocks, transactions, writes), all in block order,
 * merged in one pass, so a long chain is checked in constant memory. Needs a connection in a transaction (the
 * cursors fetch in pages) and, for a consistent answer, a snapshot.
 */
final class ChainVerifier {
    private static final int FETCH = 1_000;

    private final LedgerStore store;
    private final String channel;

    ChainVerifier(LedgerStore store, String channel) {
        this.store = store;
        this.channel = channel;
    }

    EmbeddedLedger.ChainVerification verify(Connection c) throws SQLException {
        try (PreparedStatement blocks = c.prepareStatement(
                "SELECT number, previous_hash, data_hash, hash, tx_count FROM ledger_block ORDER BY number");
             PreparedStatement txs = c.prepareStatement(
                     "SELECT block_number, tx_index, tx_id, creator_msp, function, args, tx_timestamp,"
                             + " validation_code, event_name, event_payload FROM ledger_tx"
                             + " ORDER BY block_number, tx_index");
             PreparedStatement writes = c.prepareStatement(
                     "SELECT block_number, tx_index, key, value FROM ledger_write"
                             + " ORDER BY block_number, tx_index, key")) {
            blocks.setFetchSize(FETCH);
            txs.setFetchSize(FETCH);
            writes.setFetchSize(FETCH);
            try (ResultSet blockRows = blocks.executeQuery();
                 ResultSet txRows = txs.executeQuery();
                 ResultSet writeRows = writes.executeQuery()) {
                Cursor txCursor = new Cursor(txRows);
                Cursor writeCursor = new Cursor(writeRows);
                long expected = 0;
                byte[] previous = BlockHasher.ZERO_HASH;
                while (blockRows.next()) {
                    LedgerStore.BlockRow block = LedgerStore.blockRow(blockRows);
                    if (block.number() != expected) {
                        return broken(expected, expected, "block " + expected + " is missing");
                    }
                    if (!Arrays.equals(block.previousHash(), previous)) {
                        return broken(expected, block.number(), "its previous hash is not the hash of block "
                                + (block.number() - 1));
                    }
                    BlockHasher hasher = new BlockHasher();
                    int count = 0;
                    if (block.number() == 0) {
                        hasher.addChannel(channel);
                        List<LedgerStore.IdentityRow> organisations = store.identities(c).stream()
                                .sorted(java.util.Comparator.comparing(LedgerStore.IdentityRow::mspId)).toList();
                        for (LedgerStore.IdentityRow row : organisations) {
                            hasher.addOrganisation(row.mspId(), row.caCertificatePem());
                        }
                    }
                    while (txCursor.at() && txCursor.block() <= block.number()) {
                        if (txCursor.block() < block.number()) {
                            return broken(expected, txCursor.block(), "a transaction row names a missing block");
                        }
                        ResultSet t = txCursor.rows;
                        int index = t.getInt(2);
                        if (index != count) {
                            return broken(expected, block.number(), "transaction " + count + " is missing");
                        }
                        Map<String, byte[]> txWrites = new LinkedHashMap<>();
                        while (writeCursor.at() && (writeCursor.block() < block.number()
                                || writeCursor.block() == block.number() && writeCursor.rows.getInt(2) <= index)) {
                            if (writeCursor.block() < block.number() || writeCursor.rows.getInt(2) < index) {
                                return broken(expected, writeCursor.block(), "a write names a missing transaction");
                            }
                            txWrites.put(Keys.key(writeCursor.rows.getBytes(3)), writeCursor.rows.getBytes(4));
                            writeCursor.advance();
                        }
                        // The query orders keys by their bytes; BlockHasher wants LevelDB order, which is the same.
                        Array args = t.getArray(6);
                        List<byte[]> argList = Arrays.asList((byte[][]) args.getArray());
                        Instant timestamp = LedgerStore.instant(t, 7);
                        hasher.addTransaction(t.getString(3), t.getString(4), timestamp, t.getString(5), argList,
                                t.getString(8), txWrites, t.getString(9), t.getBytes(10));
                        count++;
                        txCursor.advance();
                    }
                    if (count != block.txCount()) {
                        return broken(expected, block.number(), "it holds " + count + " transactions, its header says "
                                + block.txCount());
                    }
                    byte[] dataHash = hasher.dataHash();
                    if (!Arrays.equals(dataHash, block.dataHash())) {
                        return broken(expected, block.number(), "its transactions do not hash to its data hash");
                    }
                    if (!Arrays.equals(BlockHasher.blockHash(block.number(), block.previousHash(), dataHash),
                            block.hash())) {
                        return broken(expected, block.number(), "its header does not hash to its hash");
                    }
                    previous = block.hash();
                    expected++;
                }
                if (txCursor.at()) {
                    return broken(expected, txCursor.block(), "a transaction row names a missing block");
                }
                if (writeCursor.at()) {
                    return broken(expected, writeCursor.block(), "a write names a missing block");
                }
                return new EmbeddedLedger.ChainVerification(expected, null, null);
            }
        }
    }

    private static EmbeddedLedger.ChainVerification broken(long checked, long block, String problem) {
        return new EmbeddedLedger.ChainVerification(checked, block, "block " + block + ": " + problem);
    }

    /** A result set with one row of look-ahead. */
    private static final class Cursor {
        final ResultSet rows;
        private boolean at;

        Cursor(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.at = rows.next();
        }

        boolean at() {
            return at;
        }

        long block() throws SQLException {
            return rows.getLong(1);
        }

        void advance() throws SQLException {
            at = rows.next();
        }
    }
}
