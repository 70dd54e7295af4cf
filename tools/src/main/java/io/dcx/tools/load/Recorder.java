package io.dcx.tools.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request the load run made (kind, start and end in milliseconds since the run started, HTTP status or 0 for
 * a transport failure, the problem's code) and every outage a fault caused. Failures are judged afterwards:
 * a 5xx or a transport failure is allowed only while a part was down ({@link #classify}); a 4xx is a business
 * refusal if its code is one the kind of request may expect under contention, else unexpected.
 */
final class Recorder {
    /** One request. {@code status} 0: no HTTP answer ({@code code} then names the exception). */
    record Sample(String kind, long startMs, long endMs, int status, String code, String detail) {
        boolean serverError() {
            return status == 0 || status >= 500;
        }

        long latencyMs() {
            return endMs - startMs;
        }

        /** "503 LEDGER_UNAVAILABLE", "500 INTERNAL_ERROR", "transport ConnectException". */
        String outcome() {
            return status == 0 ? "transport " + code : status + (code == null ? "" : " " + code);
        }
    }

    /** A part that was down from {@code startMs} until {@code endMs} (recovered, plus the grace period). */
    static final class Outage {
        final String part;
        final String how;
        final long startMs;
        volatile long recoveredMs = -1;
        volatile long endMs = Long.MAX_VALUE;
        volatile String note = "";

        Outage(String part, String how, long startMs) {
            this.part = part;
            this.how = how;
            this.startMs = startMs;
        }

        boolean overlaps(Sample s) {
            return s.startMs() <= endMs && s.endMs() >= startMs;
        }
    }

    /** The verdict on the requests. */
    record Classified(List<Sample> unexpectedServerErrors, List<Sample> unexpectedRefusals,
            Map<Outage, List<Sample>> duringOutages) {
        boolean clean() {
            return unexpectedServerErrors.isEmpty() && unexpectedRefusals.isEmpty();
        }

        /** Answers during an outage other than 503 or no answer at all: a 500 there is a failure the service missed. */
        List<Sample> otherThan503DuringOutages() {
            return duringOutages.values().stream().flatMap(List::stream)
                    .filter(s -> s.status() != 0 && s.status() != 503).sorted(Comparator.comparingLong(Sample::startMs))
                    .toList();
        }
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Outage> outages = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> expectedCodes;

    /** {@code expectedCodes}: per kind of request, the problem codes that are normal refusals under load. */
    Recorder(Map<String, Set<String>> expectedCodes) {
        this.expectedCodes = expectedCodes;
    }

    void add(Sample sample) {
        samples.add(sample);
    }

    Outage outageStarted(String part, String how, long atMs) {
        Outage outage = new Outage(part, how, atMs);
        outages.add(outage);
        return outage;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<Outage> outages() {
        return List.copyOf(outages);
    }

    /** Sorts every failure into: during an outage, an unexpected server error, or an unexpected refusal. */
    Classified classify() {
        List<Sample> unexpected5xx = new ArrayList<>();
        List<Sample> unexpected4xx = new ArrayList<>();
        Map<Outage, List<Sample>> during = new LinkedHashMap<>();
        for (Outage o : outages) {
            during.put(o, new ArrayList<>());
        }
        for (Sample s : samples) {
            if (s.serverError()) {
                Outage in = outages.stream().filter(o -> o.overlaps(s)).findFirst().orElse(null);
                if (in == null) {
                    unexpected5xx.add(s);
                } else {
                    during.get(in).add(s);
                }
            } else if (s.status() >= 400 && !expectedCodes.getOrDefault(s.kind(), Set.of()).contains(s.code())) {
                unexpected4xx.add(s);
            }
        }
        Comparator<Sample> byStart = Comparator.comparingLong(Sample::startMs);
        unexpected5xx.sort(byStart);
        unexpected4xx.sort(byStart);
        return new Classified(unexpected5xx, unexpected4xx, during);
    }

    /** Per kind: count, 2xx, 4xx, 5xx, transport failures, p50 and p99 of the requests that got an answer. */
    record KindStats(String kind, int count, int ok, int refused, int serverErrors, int transport, long p50Ms,
            long p99Ms, long maxMs) {
    }

    List<KindStats> perKind() {
        Map<String, List<Sample>> byKind = new TreeMap<>();
        for (Sample s : samples) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        }
        List<KindStats> out = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            long[] latencies = list.stream().filter(s -> s.status() > 0).mapToLong(Sample::latencyMs).sorted().toArray();
            out.add(new KindStats(kind, list.size(),
                    (int) list.stream().filter(s -> s.status() >= 200 && s.status() < 300).count(),
                    (int) list.stream().filter(s -> s.status() >= 400 && s.status() < 500).count(),
                    (int) list.stream().filter(s -> s.status() >= 500).count(),
                    (int) list.stream().filter(s -> s.status() == 0).count(),
                    percentile(latencies, 50), percentile(latencies, 99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        });
        return out;
    }

    /** Outcome ("409 LISTING_NOT_OPEN") to count, per kind, for every answer that was not 2xx. */
    Map<String, Map<String, Integer>> failuresByKind() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Sample s : samples) {
            if (s.status() == 0 || s.status() >= 400) {
                out.computeIfAbsent(s.kind(), k -> new TreeMap<>()).merge(s.outcome(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static long percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return percentile(sorted, p);
    }
}
