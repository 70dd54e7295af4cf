package io.dcx.service.infrastructure.ledger.embedded;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGStatement;

/**
 * The SQL of the embedded ledger (tables of {@code V1__embedded_ledger.sql}). Stateless: every method takes the
 * connection to use, so reads run in the caller's snapshot and the committer's writes in its block transaction.
 */
final class LedgerStore {

    /** A committed value with its version. */
    record Versioned(byte[] value, Version version) {
    }

    /** A row of world state. */
    record StateRow(String key, byte[] value, Version version) {
    }

    /** One committed modification of a key, for getHistoryForKey. */
    record HistoryRow(String txId, Instant timestamp, byte[] value) {
        boolean deleted() {
            return value == null;
        }
    }

    /** The tip of the chain: the next block number and the hash of the last block. */
    record Tip(long height, byte[] lastHash) {
    }

    record BlockRow(long number, byte[] previousHash, byte[] dataHash, byte[] hash, int txCount) {
    }

    /** A stored chaincode event of a valid transaction. */
    record EventRow(long block, int txIndex, String txId, Instant timestamp, String name, byte[] payload) {
    }

    /** A transaction as written into a block. */
    record TxRecord(int index, String txId, String creatorMsp, String function, List<byte[]> args, Instant timestamp,
                    String validationCode, Map<String, byte[]> writes, String eventName, byte[] eventPayload) {
        boolean valid() {
            return BlockHasher.VALID.equals(validationCode);
        }
    }

    /** An identity row. */
    record IdentityRow(String mspId, String role, String caCertificatePem, String certificatePem) {
    }

    // ---------------------------------------------------------------- state (simulation and validation reads)

    Versioned state(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT value, block_number, tx_index FROM ledger_state WHERE key = ?")) {
            ps.setBytes(1, Keys.bytes(key));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Versioned(rs.getBytes(1), new Version(rs.getLong(2), rs.getInt(3))) : null;
            }
        }
    }

    /**
     * Up to {@code limit} rows of state in key order from {@code from} (inclusive, or exclusive when
     * {@code fromExclusive}) to {@code end} ({@code null} or empty: no bound; inclusive when {@code endInclusive}).
     */
    List<StateRow> range(Connection c, String from, boolean fromExclusive, String end, boolean endInclusive,
                         int limit, boolean withValues) throws SQLException {
        boolean bounded = end != null && !end.isEmpty();
        String sql = "SELECT key, " + (withValues ? "value" : "NULL") + ", block_number, tx_index FROM ledger_state"
                + " WHERE key " + (fromExclusive ? ">" : ">=") + " ?"
                + (bounded ? " AND key " + (endInclusive ? "<=" : "<") + " ?" : "")
                + " ORDER BY key LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setBytes(i++, Keys.bytes(from));
            if (bounded) {
                ps.setBytes(i++, Keys.bytes(end));
            }
            ps.setInt(i, limit);
            List<StateRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StateRow(Keys.key(rs.getBytes(1)), rs.getBytes(2),
                            new Version(rs.getLong(3), rs.getInt(4))));
                }
            }
            return rows;
        }
    }

    /** The committed versions of the given keys; keys without state are absent from the answer. */
    Map<String, Version> versions(Connection c, Collection<String> keys) throws SQLException {
        Map<String, Version> versions = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return versions;
        }
        byte[][] encoded = keys.stream().map(Keys::bytes).toArray(byte[][]::new);
        // A join with unnest, planned for each call: a cached generic plan made while the table was small would
        // scan it whole for every block, and "key = ANY (?)" would even compare every row with every key.
        try (PreparedStatement ps = c.prepareStatement("SELECT s.key, s.block_number, s.tx_index"
                + " FROM unnest(?::bytea[]) AS k(key) JOIN ledger_state s ON s.key = k.key")) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            Array array = c.createArrayOf("bytea", encoded);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(Keys.key(rs.getBytes(1)), new Version(rs.getLong(2), rs.getInt(3)));
                }
            }
            array.free();
        }
        return versions;
    }

    /** Committed modifications of a key by valid transactions, newest first (as Fabric 2.x answers). */
    List<HistoryRow> history(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.tx_id, t.tx_timestamp, w.value FROM ledger_write w"
                        + " JOIN ledger_tx t ON t.block_number = w.block_number AND t.tx_index = w.tx_index"
                        + " WHERE w.key = ? AND w.valid ORDER BY w.block_number DESC, w.tx_index DESC")) {
            ps.setBytes(1, Keys.bytes(key));
            List<HistoryRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HistoryRow(rs.getString(1), instant(rs, 2), rs.getBytes(3)));
                }
            }
            return rows;
        }
    }

    // ---------------------------------------------------------------- blocks

    Tip tip(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT number, hash FROM ledger_block ORDER BY number DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Tip(rs.getLong(1) + 1, rs.getBytes(2)) : new Tip(0, null);
        }
    }

    BlockRow block(Connection c, long number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT number, previous_hash, data_hash, hash, tx_count FROM ledger_block WHERE number = ?")) {
            ps.setLong(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? blockRow(rs) : null;
            }
        }
    }

    static BlockRow blockRow(ResultSet rs) throws SQLException {
        return new BlockRow(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getInt(5));
    }

    /**
     * Writes one block: its header, its transactions (valid or not) with their write sets, and the state changes
     * of the valid ones ({@code upserts} and {@code deletes}, each key once, with the version of its last writer).
     * Runs in the caller's transaction.
     */
    void writeBlock(Connection c, BlockRow block, Instant committedAt, List<TxRecord> txs,
                    Map<String, StateRow> upserts, Collection<String> deletes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_block"
                + " (number, previous_hash, data_hash, hash, tx_count, committed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, block.number());
            ps.setBytes(2, block.previousHash());
            ps.setBytes(3, block.dataHash());
            ps.setBytes(4, block.hash());
            ps.setInt(5, block.txCount());
            ps.setObject(6, OffsetDateTime.ofInstant(committedAt, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        if (txs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_tx (block_number, tx_index, tx_id,"
                + " creator_msp, function, args, tx_timestamp, validation_code, event_name, event_payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TxRecord tx : txs) {
                ps.setLong(1, block.number());
                ps.setInt(2, tx.index());
                ps.setString(3, tx.txId());
                ps.setString(4, tx.creatorMsp());
                ps.setString(5, tx.function());
                ps.setArray(6, c.createArrayOf("bytea", tx.args().toArray(byte[][]::new)));
                ps.setObject(7, OffsetDateTime.ofInstant(tx.timestamp(), ZoneOffset.UTC));
                ps.setString(8, tx.validationCode());
                ps.setString(9, tx.eventName());
                ps.setBytes(10, tx.eventPayload());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int writeCount = txs.stream().mapToInt(tx -> tx.writes().size()).sum();
        if (writeCount > 0) {
            Integer[] txIndex = new Integer[writeCount];
            byte[][] keys = new byte[writeCount][];
            byte[][] values = new byte[writeCount][];
            Boolean[] valid = new Boolean[writeCount];
            int i = 0;
            for (TxRecord tx : txs) {
                for (Map.Entry<String, byte[]> write : tx.writes().entrySet()) {
                    txIndex[i] = tx.index();
                    keys[i] = Keys.bytes(write.getKey());
                    values[i] = write.getValue();
                    valid[i] = tx.valid();
                    i++;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ledger_write (block_number, tx_index, key, value, valid)"
                            + " SELECT ?, u.tx_index, u.key, u.value, u.valid"
                            + " FROM unnest(?::int4[], ?::bytea[], ?::bytea[], ?::bool[]) AS u(tx_index, key, value, valid)")) {
                ps.setLong(1, block.number());
                ps.setArray(2, c.createArrayOf("int4", txIndex));
                ps.setArray(3, c.createArrayOf("bytea", keys));
                ps.setArray(4, c.createArrayOf("bytea", values));
                ps.setArray(5, c.createArrayOf("bool", valid));
                ps.executeUpdate();
            }
        }
        if (!upserts.isEmpty()) {
            int n = upserts.size();
            byte[][] keys = new byte[n][];
            byte[][] values = new byte[n][];
            Integer[] txIndex = new Integer[n];
            int i = 0;
            for (StateRow row : upserts.values()) {
                keys[i] = Keys.bytes(row.key());
                values[i] = row.value();
                txIndex[i] = row.version().txIndex();
                i++;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ledger_state (key, value, block_number, tx_index)"
                            + " SELECT u.key, u.value, ?, u.tx_index"
                            + " FROM unnest(?::bytea[], ?::bytea[], ?::int4[]) AS u(key, value, tx_index)"
                            + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value,"
                            + " block_number = EXCLUDED.block_number, tx_index = EXCLUDED.tx_index")) {
                ps.setLong(1, block.number());
                ps.setArray(2, c.createArrayOf("bytea", keys));
                ps.setArray(3, c.createArrayOf("bytea", values));
                ps.setArray(4, c.createArrayOf("int4", txIndex));
                ps.executeUpdate();
            }
        }
        if (!deletes.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM ledger_state s USING unnest(?::bytea[]) AS k(key) WHERE s.key = k.key")) {
                ps.setArray(1, c.createArrayOf("bytea", deletes.stream().map(Keys::bytes).toArray(byte[][]::new)));
                ps.executeUpdate();
            }
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * Events of valid transactions after position (block, txIndex), in blocks below {@code endBlock}, in order,
     * at most {@code limit}.
     */
    List<EventRow> events(Connection c, long afterBlock, int afterTxIndex, long endBlock, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT block_number, tx_index, tx_id, tx_timestamp, event_name, event_payload FROM ledger_tx"
                        + " WHERE (block_number, tx_index) > (?, ?) AND block_number < ?"
                        + " AND event_name IS NOT NULL AND validation_code = 'VALID'"
                        + " ORDER BY block_number, tx_index LIMIT ?")) {
            ps.setLong(1, afterBlock);
            ps.setInt(2, afterTxIndex);
            ps.setLong(3, endBlock);
            ps.setInt(4, limit);
            List<EventRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EventRow(rs.getLong(1), rs.getInt(2), rs.getString(3), instant(rs, 4),
                            rs.getString(5), rs.getBytes(6)));
                }
            }
            return rows;
        }
    }

    // ---------------------------------------------------------------- identities

    List<IdentityRow> identities(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT msp_id, role, ca_certificate, certificate FROM ledger_identity ORDER BY msp_id");
             ResultSet rs = ps.executeQuery()) {
            List<IdentityRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new IdentityRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return rows;
        }
    }

    void insertIdentity(Connection c, IdentityRow row, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_identity"
                + " (msp_id, role, ca_certificate, certificate, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (msp_id) DO NOTHING")) {
            ps.setString(1, row.mspId());
            ps.setString(2, row.role());
            ps.setString(3, row.caCertificatePem());
            ps.setString(4, row.certificatePem());
            ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
