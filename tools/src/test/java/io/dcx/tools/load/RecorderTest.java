package io.dcx.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecorderTest {
    private final Recorder recorder = new Recorder(Map.of("purchase", Set.of("LISTING_NOT_OPEN")));

    private static Recorder.Sample sample(String kind, long start, long end, int status, String code) {
        return new Recorder.Sample(kind, start, end, status, code, null);
    }

    @Test
    void aServerErrorOutsideEveryOutageIsUnexpected() {
        Recorder.Outage o = recorder.outageStarted("postgres", "stop", 10_000);
        o.recoveredMs = 15_000;
        o.endMs = 18_000;
        recorder.add(sample("purchase", 12_000, 12_050, 503, "LEDGER_UNAVAILABLE"));   // inside
        recorder.add(sample("purchase", 9_000, 10_500, 0, "ConnectException"));          // overlaps the start
        recorder.add(sample("purchase", 17_900, 18_100, 500, "INTERNAL_ERROR"));         // in the grace period
        recorder.add(sample("deposit", 18_001, 18_020, 500, "INTERNAL_ERROR"));          // after: unexpected
        recorder.add(sample("deposit", 5_000, 5_020, 0, "HttpTimeoutException"));        // before: unexpected
        Recorder.Classified c = recorder.classify();
        assertEquals(3, c.duringOutages().get(o).size());
        assertEquals(List.of(5_000L, 18_001L), c.unexpectedServerErrors().stream().map(Recorder.Sample::startMs).toList());
        assertFalse(c.clean());
        // During the outage a 503 and a dropped connection are what a part being down looks like; a 500 is not.
        assertEquals(List.of(17_900L), c.otherThan503DuringOutages().stream().map(Recorder.Sample::startMs).toList());
    }

    @Test
    void anOpenOutageCoversEverythingAfterItsStart() {
        recorder.outageStarted("service", "kill -9", 1_000);
        recorder.add(sample("board", 50_000, 50_001, 0, "ConnectException"));
        assertTrue(recorder.classify().unexpectedServerErrors().isEmpty());
    }

    @Test
    void refusalsAreExpectedOnlyForTheirKind() {
        recorder.add(sample("purchase", 1, 2, 409, "LISTING_NOT_OPEN"));
        recorder.add(sample("deposit", 1, 2, 409, "LISTING_NOT_OPEN"));
        recorder.add(sample("purchase", 1, 2, 401, "UNAUTHENTICATED"));
        recorder.add(sample("purchase", 1, 2, 201, null));
        Recorder.Classified c = recorder.classify();
        assertEquals(List.of("deposit 409 LISTING_NOT_OPEN", "purchase 401 UNAUTHENTICATED"),
                c.unexpectedRefusals().stream().map(s -> s.kind() + " " + s.outcome()).sorted().toList());
        assertTrue(c.unexpectedServerErrors().isEmpty());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertEquals(50, Recorder.percentile(v, 50));
        assertEquals(99, Recorder.percentile(v, 99));
        assertEquals(100, Recorder.percentile(v, 100));
        assertEquals(7, Recorder.percentile(new long[] {7}, 99));
        assertEquals(0, Recorder.percentile(new long[0], 50));
        assertEquals(3, Recorder.percentile(List.of(5L, 1L, 3L), 50));
    }

    @Test
    void perKindCountsAndLatenciesOfAnsweredRequests() {
        recorder.add(sample("purchase", 0, 10, 201, null));
        recorder.add(sample("purchase", 0, 30, 409, "LISTING_NOT_OPEN"));
        recorder.add(sample("purchase", 0, 5000, 0, "HttpTimeoutException"));
        recorder.add(sample("purchase", 0, 20, 503, "LEDGER_UNAVAILABLE"));
        Recorder.KindStats k = recorder.perKind().get(0);
        assertEquals(new Recorder.KindStats("purchase", 4, 1, 1, 1, 1, 20, 30, 30), k);
        assertEquals(Map.of("purchase", Map.of("409 LISTING_NOT_OPEN", 1, "transport HttpTimeoutException", 1,
                "503 LEDGER_UNAVAILABLE", 1)), recorder.failuresByKind());
    }
}
