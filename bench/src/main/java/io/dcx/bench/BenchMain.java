package io.dcx.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * The jar's entry point: JMH's own command line (same options as {@code org.openjdk.jmh.Main}), and after a run a
 * summary: p50/p99 per benchmark and parameter set, and for every index lookup its speed-up over the brute-force
 * scan with the same parameters.
 */
public final class BenchMain {
    private static final Set<String> LISTING = Set.of("-h", "-l", "-lp", "-lprof", "-lrf", "-help");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (LISTING.contains(arg)) {
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        System.out.println(summary(results));
    }

    static String summary(Collection<RunResult> results) {
        StringBuilder out = new StringBuilder("## Summary\n\n| benchmark | params | mode | p50 | p99 | mean | unit |\n"
                + "|---|---|---|---:|---:|---:|---|\n");
        Map<String, Statistics> lookups = new LinkedHashMap<>();
        Map<String, Statistics> scans = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (RunResult run : results) {
            BenchmarkResult aggregate = run.getAggregatedResult();
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            StringBuilder params = new StringBuilder();
            for (String key : run.getParams().getParamsKeys()) {
                params.append(params.isEmpty() ? "" : ", ").append(key).append('=').append(run.getParams().getParam(key));
            }
            Statistics stats = aggregate.getPrimaryResult().getStatistics();
            out.append(String.format("| %s | %s | %s | %.1f | %.1f | %.1f | %s |%n", name, params,
                    run.getParams().getMode().shortLabel(), stats.getPercentile(50), stats.getPercentile(99),
                    stats.getMean(), aggregate.getPrimaryResult().getScoreUnit()));
            if (name.equals("indexLookup")) {
                lookups.put(params.toString(), stats);
                order.add(params.toString());
            } else if (name.equals("bruteForceScan")) {
                scans.put(params.toString(), stats);
            }
        }
        if (!lookups.isEmpty() && !scans.isEmpty()) {
            out.append("\n| params | scan p50 / index p50 | scan p99 / index p99 | scan mean / index mean |\n"
                    + "|---|---:|---:|---:|\n");
            for (String params : order) {
                Statistics index = lookups.get(params);
                Statistics scan = scans.get(params);
                if (scan != null) {
                    out.append(String.format("| %s | %.0fx | %.0fx | %.0fx |%n", params,
                            scan.getPercentile(50) / index.getPercentile(50),
                            scan.getPercentile(99) / index.getPercentile(99), scan.getMean() / index.getMean()));
                }
            }
        }
        return out.toString();
    }
}
