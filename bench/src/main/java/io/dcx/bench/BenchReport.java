package io.dcx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code key=value} lines of one {@code ./dcx bench} run into the printed table, {@code latest.json},
 * {@code latest.md} (with the machine) and {@code latest.html} (a bar chart of each figure against its target).
 * Every figure sits beside the anchor measured in the same run, as a ratio.
 *
 * <p>{@code java -cp benchmarks.jar io.dcx.bench.BenchReport RESULTS.properties OUTPUT_DIR}
 */
public final class BenchReport {
    /** The reason every Fabric figure is missing; bench.sh may pass its own as fabric.blocked. */
    static final String FABRIC_BLOCKED = "blocked: no Fabric network can be built here (the Go module proxy refuses"
            + " the pinned Fabric module, so ./dcx network does not exist); nothing was measured on Fabric";

    private final Map<String, String> values;

    private BenchReport(Map<String, String> values) {
        this.values = values;
    }

    /** One line of the table. */
    record Row(String measure, Double value, String unit, String anchor, Double anchorValue, String anchorUnit,
               Double ratio, String target, String verdict, boolean met, boolean missed) {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path dir = Path.of(args.length > 1 ? args[1] : ".");
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        BenchReport report = new BenchReport(values);
        List<Row> rows = report.rows();
        System.out.println(report.table(rows));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("latest.json"), report.json(rows), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latest.md"), report.markdown(rows), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latest.html"), report.html(rows), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------- figures

    private Double num(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank() || v.equals("NaN")) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String str(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    /** At least {@code target}: verdict with the shortfall in percent. */
    private static String atLeast(Double value, double target, String unit) {
        if (value == null) {
            return "not measured";
        }
        if (value >= target) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %s %s (%.0f%% under)", fmt(target - value), unit,
                100 * (target - value) / target);
    }

    /** At most {@code target}: verdict with the excess in percent. */
    private static String atMost(Double value, double target, String unit) {
        if (value == null) {
            return "not measured";
        }
        if (value <= target) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %s %s (%.1fx the target)", fmt(value - target), unit,
                value / target);
    }

    private static Row row(String measure, Double value, String unit, String anchor, Double anchorValue,
                           String anchorUnit, Double ratio, String target, String verdict) {
        boolean met = verdict.equals("met") || verdict.startsWith("met ");
        return new Row(measure, value, unit, anchor, anchorValue, anchorUnit, ratio, target, verdict, met,
                verdict.startsWith("missed"));
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String fabric = str("fabric.blocked", FABRIC_BLOCKED);
        Double jdbc = num("jdbc.rate");
        Double ledger = num("ledger.rate");
        Double http = num("http_register.rate");

        rows.add(row("registrations/s through the HTTP API (POST /api/v1/works, " + str("http_register.threads", "?")
                        + " clients, real tokens)", http, "/s", "contract alone on the embedded ledger", ledger, "/s",
                ratio(http, ledger), "(no target; the layer's cost)", http == null ? "not measured" : "n/a"));
        rows.add(row("  latency p50 / p99 of that request", num("http_register.p99_ms"), "ms p99", "p50",
                num("http_register.p50_ms"), "ms", null, "(no target)", http == null ? "not measured" : "n/a"));
        String ledgerVerdict = atLeast(ledger, 5000, "/s");
        Double ledgerRatio = ratio(ledger, jdbc);
        String halfVerdict = ledgerRatio == null ? "not measured" : ledgerRatio >= 0.5 ? "met"
                : String.format(Locale.ROOT, "missed (%.2fx, needs 0.50x)", ledgerRatio);
        rows.add(row("registrations/s, embedded ledger, contract only (works:RegisterWork, "
                        + str("ledger.threads", "?") + " threads)", ledger, "/s",
                "plain SHA-256 + INSERT JDBC loop, same PostgreSQL", jdbc, "/s", ledgerRatio,
                ">= 5,000/s and >= 0.5x the loop", ledgerVerdict.equals("met") && halfVerdict.equals("met") ? "met"
                        : ledgerVerdict.equals("met") ? halfVerdict
                        : halfVerdict.equals("met") ? ledgerVerdict + "; 0.5x met" : ledgerVerdict + "; " + halfVerdict));
        rows.add(row("  the same, " + str("ledger_batch.batch", "100") + " works per transaction (works:RegisterWorks)",
                num("ledger_batch.rate"), "works/s", "the same JDBC loop", jdbc, "/s",
                ratio(num("ledger_batch.rate"), jdbc), "(grouping, for comparison)", "n/a"));
        rows.add(row("registrations/s on Fabric (API and contract)", null, "/s",
                "one-key baseline chaincode on the same network", null, "/s", null, ">= 1,000/s and >= 2x the baseline",
                fabric));

        Double trades = num("trade.rate");
        Double tpcb = num("pgbench.tps");
        Double tradeRatio = ratio(trades, tpcb);
        rows.add(row("trades settled/s (purchase through the API, " + str("trade.threads", "?") + " clients)", trades,
                "/s", "pgbench TPC-B (" + str("pgbench.clients", "?") + " clients), same PostgreSQL", tpcb, "tps",
                tradeRatio, ">= 0.25x TPC-B", tradeRatio == null ? "not measured" : tradeRatio >= 0.25 ? "met"
                        : String.format(Locale.ROOT, "missed (%.3fx, needs 0.25x: %s/s short)", tradeRatio,
                        fmt(0.25 * tpcb - trades))));
        rows.add(row("purchase to SETTLED, p99 (p50 beside)", num("trade.p99_ms"), "ms", "p50", num("trade.p50_ms"),
                "ms", null, "<= 50 ms", atMost(num("trade.p99_ms"), 50, "ms")));
        rows.add(row("trades on Fabric; purchase to SETTLED on Fabric", null, "/s", "", null, "", null,
                "block timeout + 1 s", fabric));

        for (String d : List.of("12", "14")) {
            Double p99 = num("similarity.1m.d" + d + ".p99_us");
            Double scan = num("similarity.1m.d" + d + ".scan_p50_us");
            rows.add(row("near-duplicate lookup p99, 1M fingerprints, d = " + d, p99 == null ? null : p99 / 1000, "ms",
                    "brute-force scan p50 (long[])", scan == null ? null : scan / 1000, "ms", ratio(p99, scan),
                    "<= 1 ms", atMost(p99 == null ? null : p99 / 1000, 1, "ms")));
        }
        for (String d : List.of("12", "14")) {
            Double p99 = num("similarity.10m.d" + d + ".p99_us");
            Double scan = num("similarity.10m.d" + d + ".scan_p50_us");
            rows.add(row("near-duplicate lookup p99, 10M fingerprints, d = " + d, p99 == null ? null : p99 / 1000,
                    "ms", "brute-force scan p50", scan == null ? null : scan / 1000, "ms", ratio(p99, scan), "<= 10 ms",
                    p99 == null ? str("similarity.10m.skipped", "not measured") : atMost(p99 / 1000, 10, "ms")));
        }
        rows.add(row("surveillance events/s (replay of 8 simulated weeks, one thread)", num("surveillance.rate"), "/s",
                "", null, "", null, ">= 20,000/s", atLeast(num("surveillance.rate"), 20_000, "/s")));
        rows.add(row("alert delay, trade commit to alert (worst of " + str("alert.count", "0") + " A-B-A circles)",
                num("alert.delay_max_ms"), "ms", "purchase answered to alert visible (worst)",
                num("alert.visible_max_ms"), "ms", null, "<= 1,000 ms", atMost(num("alert.delay_max_ms"), 1000, "ms")));
        Double up = num("up.warm_s");
        rows.add(row("./dcx up, warm, to ready", up, "s", "the service alone, start to ready", num("service.start_s"),
                "s", ratio(up, num("service.start_s")), "<= 60 s",
                up == null ? str("up.skipped", "not measured") : atMost(up, 60, "s")));
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------- output

    static String fmt(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fmtRatio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.3gx", r);
    }

    String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-80s %10s %-7s %10s %-6s %8s  %s%n", "measure", "value", "",
                "anchor", "", "ratio", "target: verdict"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-80s %10s %-7s %10s %-6s %8s  %s: %s%n", cut(r.measure(), 80),
                    fmt(r.value()), r.unit(), fmt(r.anchorValue()), r.anchorUnit(), fmtRatio(r.ratio()), r.target(),
                    r.verdict()));
            if (r.anchor() != null && !r.anchor().isEmpty() && r.anchorValue() != null) {
                out.append("      anchor: ").append(r.anchor()).append('\n');
            }
        }
        return out.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String jsonNumber(Double v) {
        return v == null || v.isNaN() ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    String json(List<Row> rows) {
        StringBuilder out = new StringBuilder("{\n  \"machine\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith("machine.")) {
                out.append(first ? "\n" : ",\n").append("    ").append(jsonString(e.getKey().substring(8)))
                        .append(": ").append(jsonString(e.getValue()));
                first = false;
            }
        }
        out.append("\n  },\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"measure\": ").append(jsonString(r.measure()))
                    .append(", \"value\": ").append(jsonNumber(r.value())).append(", \"unit\": ")
                    .append(jsonString(r.unit())).append(", \"anchor\": ").append(jsonString(r.anchor()))
                    .append(", \"anchorValue\": ").append(jsonNumber(r.anchorValue())).append(", \"anchorUnit\": ")
                    .append(jsonString(r.anchorUnit())).append(", \"ratio\": ").append(jsonNumber(r.ratio()))
                    .append(", \"target\": ").append(jsonString(r.target())).append(", \"verdict\": ")
                    .append(jsonString(r.verdict())).append('}');
        }
        out.append("\n  ],\n  \"raw\": {");
        first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.append(first ? "\n" : ",\n").append("    ").append(jsonString(e.getKey())).append(": ");
            String v = e.getValue();
            out.append(v.matches("-?\\d+(\\.\\d+)?") ? v : jsonString(v));
            first = false;
        }
        return out.append("\n  }\n}\n").toString();
    }

    String machine() {
        return String.format(Locale.ROOT, "%s; %s cores; %s memory; %s; %s. Date: %s. Mode: %s. Load average before the"
                        + " run: %s.", str("machine.cpu", "?"), str("machine.cores", "?"), str("machine.memory", "?"),
                str("machine.jdk", "?"), str("machine.postgres", "?"), str("machine.date", "?"),
                str("machine.mode", "?"), str("machine.load", "?"));
    }

    String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder("# dcx system benchmarks (`./dcx bench`)\n\n");
        out.append("Machine: ").append(machine()).append("\n\n");
        out.append("Command: `").append(str("machine.command", "./dcx bench")).append("`\n\n");
        out.append("| measure | value | anchor (same run) | anchor value | ratio | target | verdict |\n");
        out.append("|---|---:|---|---:|---:|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.measure()).append(" | ").append(fmt(r.value())).append(' ').append(r.unit())
                    .append(" | ").append(r.anchor()).append(" | ").append(fmt(r.anchorValue())).append(' ')
                    .append(r.anchorUnit()).append(" | ").append(fmtRatio(r.ratio())).append(" | ")
                    .append(r.target()).append(" | ").append(r.met() ? "**met**" : r.verdict()).append(" |\n");
        }
        out.append("\n## Where the time went (measured in the same run)\n\n");
        for (Map.Entry<String, String> e : values.entrySet()) {
            String k = e.getKey();
            if (k.endsWith(".cpu") && !k.startsWith("machine.")) {
                out.append("- CPU while `").append(k, 0, k.length() - 4).append("` was measured: ")
                        .append(e.getValue().replace('_', ' ')).append('\n');
            } else if (k.startsWith("trade.step.") && k.endsWith(".p50_ms")) {
                String step = k.substring("trade.step.".length(), k.length() - ".p50_ms".length());
                out.append("- settlement step ").append(step).append(": p50 ").append(e.getValue()).append(" ms, p99 ")
                        .append(str("trade.step." + step + ".p99_ms", "?")).append(" ms\n");
            } else if (k.endsWith(".statuses") || k.endsWith(".outcomes") || k.equals("ledger.tx_per_block")
                    || k.equals("ledger.conflicts") || k.startsWith("jdbc.t")) {
                out.append("- ").append(k).append(": ").append(e.getValue()).append('\n');
            }
        }
        out.append("\nRaw figures: `latest.json` (`raw`); chart: `latest.html`; profiles of the phases that miss a"
                + " target: `profile-*.txt` beside them.\n");
        return out.toString();
    }

    /** A self-contained page: one bar per measured row, its value as a share of the target (or of the anchor). */
    String html(List<Row> rows) {
        StringBuilder svg = new StringBuilder();
        int y = 10;
        int barMax = 420;
        for (Row r : rows) {
            if (r.value() == null) {
                continue;
            }
            String text = r.measure().trim();
            Double share = share(r);
            int w = share == null ? 0 : (int) Math.min(barMax * 1.5, Math.max(1, share * barMax));
            String colour = r.met() ? "#2e7d32" : r.missed() ? "#c62828" : "#607d8b";
            svg.append(String.format(Locale.ROOT, "<text x='0' y='%d' font-size='12'>%s</text>%n", y + 12,
                    escape(cut(text, 90))));
            svg.append(String.format(Locale.ROOT, "<rect x='0' y='%d' width='%d' height='14' fill='%s'/>%n", y + 18, w,
                    colour));
            svg.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' font-size='11'>%s %s; %s: %s</text>%n", w + 6, y + 30, fmt(r.value()),
                    escape(r.unit()), escape(r.target()), escape(r.verdict())));
            y += 44;
        }
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='0' x2='%d' y2='%d' stroke='#000' "
                + "stroke-dasharray='4 3'/>%n", barMax, barMax, y));
        return "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>dcx bench</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;border-bottom:1px solid #ddd}"
                + "</style></head><body>\n<h1>dcx system benchmarks</h1>\n<p>" + escape(machine()) + "</p>\n"
                + "<p>Bars: each figure as a share of its target (the dashed line is the target; green met, red "
                + "missed, grey no target: share of the anchor).</p>\n<svg xmlns='http://www.w3.org/2000/svg' "
                + "width='1100' height='" + (y + 10) + "'>\n" + svg + "</svg>\n</body></html>\n";
    }

    /** Value over target for "at least" targets, target over value for "at most" ones; else value over anchor. */
    private static Double share(Row r) {
        String t = r.target();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([<>])= ([0-9.,]+)").matcher(t);
        if (m.find()) {
            double target = Double.parseDouble(m.group(2).replace(",", ""));
            if (t.contains("x TPC-B")) {
                return r.ratio() == null ? null : r.ratio() / target;
            }
            return m.group(1).equals(">") ? r.value() / target : target / r.value();
        }
        return r.ratio();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
