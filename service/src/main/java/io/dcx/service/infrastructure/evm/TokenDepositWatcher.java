package io.dcx.service.infrastructure.evm;

import io.dcx.service.application.money.Deposit;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.MoneyConfig;
import io.dcx.service.application.money.Wallet;
import io.dcx.service.application.money.Wallets;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.money.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Credits token transfers into the escrow. Each scan reads the token's {@code Transfer(from, to = escrow)} logs
 * from the block after the checkpoint up to the newest block with {@code dcx.ecny.confirmations} confirmations,
 * credits a transfer from a registered wallet to its account (rail clearing to available) and records one from an
 * unknown address as UNMATCHED; (tx hash, log index) is a unique key, so a transfer is credited once however often
 * it is scanned. The checkpoint (last block and its hash) moves in the same transaction as the credits.
 *
 * <p>Before each scan the hash of the checkpoint block is compared with the node's: a different hash means a
 * reorganisation deeper than the confirmation depth, after which credits already made may not be on the chain.
 * The watcher then halts (no more credits), logs an error and sets the gauge {@code dcx_ecny_scan_halted} to 1
 * until an operator checks the credited transfers and rewinds ({@link #rewind}). A node that is down fails the
 * scan with PAYMENT_RAIL_UNAVAILABLE and nothing moves; the next scan resumes from the checkpoint.
 */
@ApplicationScoped
public class TokenDepositWatcher {
    private static final Logger LOG = Logger.getLogger(TokenDepositWatcher.class);
    static final Event TRANSFER = new Event("Transfer", List.of(new TypeReference<Address>(true) {
    }, new TypeReference<Address>(true) {
    }, new TypeReference<Uint256>(false) {
    }));
    private static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

    private final EcnyConfig config;
    private final EvmNode node;
    private final EcnyDepositStore store;
    private final TokenPaymentRail rail;
    private final Wallets wallets;
    private final Funds funds;
    private final MoneyConfig money;
    private final Scheduler scheduler;
    private final Counter credited;
    private final Counter unmatched;
    private final Counter reorgs;
    private final AtomicInteger halted = new AtomicInteger();

    public TokenDepositWatcher(EcnyConfig config, EvmNode node, EcnyDepositStore store, TokenPaymentRail rail,
            Wallets wallets, Funds funds, MoneyConfig money, Scheduler scheduler, MeterRegistry meters) {
        this.config = config;
        this.node = node;
        this.store = store;
        this.rail = rail;
        this.wallets = wallets;
        this.funds = funds;
        this.money = money;
        this.scheduler = scheduler;
        this.credited = meters.counter("dcx_ecny_deposits_credited");
        this.unmatched = meters.counter("dcx_ecny_transfers_unmatched");
        this.reorgs = meters.counter("dcx_ecny_reorg_detected");
        meters.gauge("dcx_ecny_scan_halted", halted);
    }

    /** What one scan did. */
    public record ScanResult(long fromBlock, long toBlock, int credited, int unmatched, String haltedReason) {
    }

    /** Schedules the scans only when the rail is enabled: off, nothing of it runs. */
    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        scheduler.newJob("ecny-deposit-watcher")
                .setInterval(config.pollInterval().toSeconds() + "s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> scanQuietly())
                .schedule();
        LOG.infof("e-CNY deposit watcher: token %s, escrow %s, %d confirmations, every %s", rail.tokenAddress(),
                rail.escrowAddress(), config.confirmations(), config.pollInterval());
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (DcxException e) {
            LOG.warnf("e-CNY deposit scan failed, will resume from the checkpoint: %s", e.getMessage());
        }
    }

    /** One scan (the scheduler calls it; tests and operators may too). Serialised on the checkpoint row. */
    @Transactional
    public synchronized ScanResult scan() {
        rail.requireEnabled();
        String token = rail.tokenAddress();
        long head = node.blockNumber();
        EcnyDepositStore.Checkpoint checkpoint = store.checkpointForUpdate(token);
        if (checkpoint.haltedReason() != null) {
            halted.set(1);
            return new ScanResult(checkpoint.lastBlock() + 1, checkpoint.lastBlock(), 0, 0, checkpoint.haltedReason());
        }
        if (checkpoint.lastBlockHash() != null) {
            Optional<String> now = node.blockHash(checkpoint.lastBlock());
            if (now.isEmpty() || !now.get().equals(checkpoint.lastBlockHash())) {
                String reason = "block " + checkpoint.lastBlock() + " was " + checkpoint.lastBlockHash() + " and is now "
                        + now.orElse("missing") + ": a reorganisation deeper than " + config.confirmations()
                        + " confirmations; crediting stopped until an operator checks and rewinds";
                store.halt(token, reason);
                reorgs.increment();
                halted.set(1);
                LOG.error("e-CNY deposit watcher halted: " + reason);
                return new ScanResult(checkpoint.lastBlock() + 1, checkpoint.lastBlock(), 0, 0, reason);
            }
        }
        halted.set(0);
        long safe = head - (config.confirmations() - 1L);
        long from = checkpoint.lastBlock() + 1;
        long to = Math.min(safe, checkpoint.lastBlock() + config.scanMaxBlocks());
        if (to < from) {
            return new ScanResult(from, to, 0, 0, null);
        }
        String escrowTopic = Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(rail.escrowAddress()), 64);
        List<Log> logs = node.logs(token, from, to, TRANSFER_TOPIC, null, escrowTopic);
        String toHash = node.blockHash(to).orElseThrow(() -> new IllegalStateException("no block " + to));
        int credits = 0;
        int strays = 0;
        for (Log log : logs) {
            if (Boolean.TRUE.equals(log.isRemoved())) {
                continue;
            }
            if (record(token, log)) {
                credits++;
            } else {
                strays++;
            }
        }
        store.advance(token, to, toHash);
        return new ScanResult(from, to, credits, strays, null);
    }

    /** Records one log; answers true if it credited an account (false: unmatched or seen before). */
    private boolean record(String token, Log log) {
        String from = ((Address) FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(1),
                new TypeReference<Address>() {
                })).getValue().toLowerCase(Locale.ROOT);
        @SuppressWarnings("rawtypes")
        List<Type> data = FunctionReturnDecoder.decode(log.getData(), TRANSFER.getNonIndexedParameters());
        BigInteger units = (BigInteger) data.get(0).getValue();
        String txHash = log.getTransactionHash();
        int logIndex = log.getLogIndex().intValueExact();
        long block = log.getBlockNumber().longValueExact();
        Optional<Wallet> owner = wallets.owner(from);
        String note = null;
        if (owner.isEmpty()) {
            note = "from an address no account registered";
        } else if (units.signum() <= 0 || units.compareTo(BigInteger.valueOf(money.maxAmountFen())) > 0) {
            note = "amount " + units + " is outside 1.." + money.maxAmountFen() + " fen";
        }
        String status = note == null ? "CREDITED" : "UNMATCHED";
        boolean inserted = store.insertIfAbsent(txHash, logIndex, token, block, log.getBlockHash(), from, units, status,
                owner.map(Wallet::accountId).orElse(null), note);
        if (!inserted) {
            return false;
        }
        if (note != null) {
            unmatched.increment();
            LOG.warnf("e-CNY transfer %s#%d of %s units from %s left unmatched: %s", txHash, logIndex, units, from, note);
            return false;
        }
        Deposit deposit = funds.creditFromRail(owner.get().accountId(), Money.fen(units.longValueExact()),
                TokenPaymentRail.NAME, txHash + "#" + logIndex);
        store.linkDeposit(txHash, logIndex, deposit.id());
        credited.increment();
        return true;
    }

    /** Moves the checkpoint back so the next scan starts at {@code block}, and clears a halt. */
    @Transactional
    public synchronized void rewind(long block) {
        rail.requireEnabled();
        store.rewind(rail.tokenAddress(), block);
        halted.set(0);
    }
}
