/**
 * The embedded ledger: an in-process implementation of the {@link io.dcx.service.application.ledger.Ledger} port
 * that runs the same dcx contract classes as the Fabric network, with Fabric's execute-order-validate semantics,
 * over PostgreSQL.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.dcx.service.infrastructure.ledger.embedded.EmbeddedLedger}: the port; endorses on the caller's
 *       thread, orders, waits for the commit.</li>
 *   <li>{@code SimulationStub}: the {@code ChaincodeStub} of one simulation, reading committed state in a
 *       repeatable-read snapshot and recording the read-write set ({@code ReadWriteSet}).</li>
 *   <li>{@code BlockCommitter}: the single ordering and committing thread (blocks of up to N transactions or a batch
 *       timeout; MVCC and phantom validation in block order; one database transaction per block).</li>
 *   <li>{@code BlockHasher}, {@code ChainVerifier}: the hash chain and its verification.</li>
 *   <li>{@code OrgIdentities}: a CA and a client certificate per organisation, with Fabric CA's attribute
 *       extension, kept in the database.</li>
 *   <li>{@code EventHub}: one thread per subscription, replay from the database, then live blocks.</li>
 *   <li>{@link io.dcx.service.infrastructure.ledger.embedded.ContractRuntime}: what runs the chaincode
 *       (the chaincode module's {@code InProcessRouter} for dcx).</li>
 *   <li>{@link io.dcx.service.infrastructure.ledger.embedded.EmbeddedLedgerProducer}: the CDI wiring
 *       ({@code dcx.ledger.kind=embedded}).</li>
 * </ul>
 *
 * <h2>Tables ({@code db/migration/V1__embedded_ledger.sql})</h2>
 * {@code ledger_block} (headers and hashes), {@code ledger_tx} (every ordered transaction with its validation code
 * and event), {@code ledger_write} (every write set; the valid rows are the history database),
 * {@code ledger_state} (world state with versions), {@code ledger_identity} (certificates). Keys are the UTF-8
 * bytes of the Fabric key in {@code bytea}, so PostgreSQL orders them as LevelDB does.
 *
 * <h2>Differences from Fabric, on purpose</h2>
 * One organisation's peer endorses (the caller's), so endorsement policies are not evaluated; the access control
 * the contract does itself through {@code ctx.getClientIdentity()} is identical. No private data, no rich queries,
 * no chaincode-to-chaincode calls, no key-level endorsement. Blocks are not signed; the hash chain is.
 */
package io.dcx.service.infrastructure.ledger.embedded;
