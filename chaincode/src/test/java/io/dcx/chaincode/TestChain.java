package io.dcx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A test channel: an {@link InMemoryLedger} driven through the real {@link InProcessRouter}, one
 * {@link InMemoryStub} per transaction. {@link #submit} commits the write set of a successful transaction;
 * {@link #evaluate} never commits and checks that nothing was written. Each transaction gets the next tx id and the
 * current clock as its timestamp; the clock then moves on by one second unless a test sets it.
 */
final class TestChain {
    /** Keeps the shim's error log (every refusal is logged with a stack trace) for failure messages only. */
    private static final Logger FABRIC_LOG = Logger.getLogger("org.hyperledger.fabric");
    private static final List<String> CAPTURED = new ArrayList<>();

    static {
        FABRIC_LOG.setUseParentHandlers(false);
        FABRIC_LOG.addHandler(new Handler() {
            @Override
            public void publish(final LogRecord record) {
                synchronized (CAPTURED) {
                    CAPTURED.add(record.getLevel() + " " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    static final InProcessRouter ROUTER = new InProcessRouter();
    static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    final InMemoryLedger ledger = new InMemoryLedger();
    private final Chaincode router;
    private Instant clock = START;
    private int sequence;

    TestChain() {
        this(ROUTER);
    }

    /** A chain run by another router, to compare it with {@link InProcessRouter}. */
    TestChain(final Chaincode router) {
        this.router = router;
    }

    /** The timestamp the next transaction gets. */
    Instant clock() {
        return clock;
    }

    TestChain at(final Instant next) {
        clock = next;
        return this;
    }

    TestChain advance(final Duration by) {
        clock = clock.plus(by);
        return this;
    }

    Result submit(final TestIdentity who, final String transaction, final String... args) {
        return run(who, transaction, true, args);
    }

    Result evaluate(final TestIdentity who, final String transaction, final String... args) {
        return run(who, transaction, false, args);
    }

    /** Runs raw arguments (first = transaction name), for router edge cases; never commits. */
    Result raw(final TestIdentity who, final List<String> args) {
        final InMemoryStub stub = new InMemoryStub(ledger, "raw" + (++sequence), clock, who.serialized(), args);
        synchronized (CAPTURED) {
            CAPTURED.clear();
        }
        final Chaincode.Response response = router.invoke(stub);
        return new Result(String.join(",", args), stub.getTxId(), clock, response, stub, captured());
    }

    private Result run(final TestIdentity who, final String transaction, final boolean submit, final String... args) {
        final String txId = String.format("tx%05d", ++sequence);
        final Instant timestamp = clock;
        clock = clock.plusSeconds(1);
        final List<String> all = new ArrayList<>();
        all.add(transaction);
        all.addAll(List.of(args));
        final InMemoryStub stub = new InMemoryStub(ledger, txId, timestamp, who.serialized(), all);
        synchronized (CAPTURED) {
            CAPTURED.clear();
        }

        final Chaincode.Response response = router.invoke(stub);
        final Result result = new Result(transaction, txId, timestamp, response, stub, captured());

        assertThat(stub.openIterators()).as("open query iterators after %s", transaction).isZero();
        assertThat(stub.eventsSet()).as("events set by %s (Fabric keeps only one)", transaction).isLessThanOrEqualTo(1);
        if (submit) {
            if (response.getStatus() == Chaincode.Response.Status.SUCCESS) {
                final ChaincodeEvent event = stub.getEvent();
                ledger.commit(txId, timestamp, stub.writes(), event == null ? null : event.getEventName(),
                        event == null ? null : event.getPayload().toByteArray());
            }
        } else {
            assertThat(stub.writes()).as("writes of evaluated %s", transaction).isEmpty();
            assertThat(stub.getEvent()).as("event of evaluated %s", transaction).isNull();
        }
        return result;
    }

    private static String captured() {
        synchronized (CAPTURED) {
            return String.join("\n", CAPTURED);
        }
    }

    /** Advance helper for readability: {@code days(180)}. */
    static Duration days(final long n) {
        return Duration.ofDays(n);
    }
}
