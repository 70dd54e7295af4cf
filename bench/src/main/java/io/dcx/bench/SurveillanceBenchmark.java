package io.dcx.bench;

import io.dcx.service.domain.risk.Alert;
import io.dcx.service.domain.risk.MarketEvent;
import io.dcx.service.domain.risk.SurveillanceEngine;
import io.dcx.service.domain.risk.SurveillanceThresholds;
import io.dcx.service.domain.risk.sim.MarketSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Events per second of {@link SurveillanceEngine#onEvent} at its default thresholds on a realistic stream: the 8
 * weeks of {@link MarketSimulator} (seed of SurveillanceQualityTest: 65,866 trades and transfers, 350 injected
 * patterns), in chain order, one consumer thread as in the service.
 *
 * <ul>
 * <li>{@code replay8Weeks}: the whole stream into a fresh engine per invocation (a restarted consumer replaying, and
 * the engine's state growing from empty to 8 weeks); the score is events per second.</li>
 * <li>{@code warmEvent}: the time of one {@code onEvent} on an engine that has already seen 8 weeks (the part of a
 * trade's commit-to-alert delay that surveillance adds), sample-time percentiles.</li>
 * </ul>
 * {@code java -jar bench/target/benchmarks.jar Surveillance}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SurveillanceBenchmark {
    static final long SEED = 20261125L;
    /** The stream's length (JMH needs it as a constant to report events per second); checked at set-up. */
    static final int EVENTS = 65_866;

    /** The simulator's 8 weeks; lap n is the same market shifted n x 8 weeks later, with ids of its own. */
    static MarketEvent[] stream(int lap) {
        List<MarketEvent> base = MarketSimulator.generate(MarketSimulator.Config.standard(SEED)).events();
        if (lap == 0) {
            return base.toArray(MarketEvent[]::new);
        }
        Duration shift = Duration.ofDays(56L * lap);
        String suffix = "-" + lap;
        return base.stream().map(e -> new MarketEvent(e.tradeId() == null ? null : e.tradeId() + suffix,
                e.assetId(), e.workId(), e.editionCount(), e.sellerId(), e.buyerId(), e.priceFen(),
                e.at().plus(shift), e.txId() + suffix, e.blockNumber() + 1_000_000L * lap))
                .toArray(MarketEvent[]::new);
    }

    @State(Scope.Benchmark)
    public static class Stream {
        MarketEvent[] events;

        @Setup(Level.Trial)
        public void load() {
            events = stream(0);
            if (events.length != EVENTS) {
                throw new IllegalStateException("the simulator now gives " + events.length + " events; set EVENTS");
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long replay8Weeks(Stream stream, Blackhole bh) {
        SurveillanceEngine engine = new SurveillanceEngine(SurveillanceThresholds::defaults);
        long alerts = 0;
        for (MarketEvent e : stream.events) {
            List<Alert> found = engine.onEvent(e);
            alerts += found.size();
            bh.consume(found);
        }
        return alerts;
    }

    /** An engine that has seen 8 weeks, and the next laps of the market to feed it one event at a time. */
    @State(Scope.Benchmark)
    public static class Warm {
        MarketEvent[] ahead;
        SurveillanceEngine engine;
        int next;

        @Setup(Level.Iteration)
        public void warm() {
            engine = new SurveillanceEngine(SurveillanceThresholds::defaults);
            for (MarketEvent e : stream(0)) {
                engine.onEvent(e);
            }
            if (ahead == null) {
                MarketEvent[] a = stream(1);
                MarketEvent[] b = stream(2);
                MarketEvent[] c = stream(3);
                ahead = new MarketEvent[a.length + b.length + c.length];
                System.arraycopy(a, 0, ahead, 0, a.length);
                System.arraycopy(b, 0, ahead, a.length, b.length);
                System.arraycopy(c, 0, ahead, a.length + b.length, c.length);
            }
            next = 0;
        }

        MarketEvent nextEvent() {
            if (next == ahead.length) {
                throw new IllegalStateException("iteration outran the prepared events; shorten it");
            }
            return ahead[next++];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<Alert> warmEvent(Warm warm) {
        return warm.engine.onEvent(warm.nextEvent());
    }
}
