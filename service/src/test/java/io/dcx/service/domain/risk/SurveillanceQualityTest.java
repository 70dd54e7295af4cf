package io.dcx.service.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.domain.risk.sim.MarketSimulator;
import io.dcx.service.domain.risk.sim.MarketSimulator.Label;
import io.dcx.service.domain.risk.sim.MarketSimulator.Market;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine at its default thresholds over 8 weeks of a labelled synthetic market ({@link MarketSimulator},
 * fixed seed) and measures it per rule. An alert is a true positive when its references intersect an injected
 * pattern that shows its rule; a <i>false alert</i> touches no injected trade at all (only ordinary trades); an
 * alert on injected trades under another rule (a velocity bot's purchases from one creator seen as a repeated pair,
 * say) counts against precision but is no false alert on the ordinary market. A pattern is detected when an alert of
 * its rule intersects it. Asserts the targets of issue 7: recall of at least 0.95 per rule and fewer than 5 false
 * alerts per 1,000 ordinary trades in total. With {@code -Ddcx.writeResults=true} it writes the table to
 * bench/results/surveillance-quality.md.
 */
class SurveillanceQualityTest {
    static final long SEED = 20261125L;
    private static final List<RiskRule> RULES = Arrays.stream(RiskRule.values()).filter(RiskRule::isSurveillance)
            .toList();

    @Test
    void meetsTheRecallAndFalseAlertTargetsOnALabelledMarket() throws IOException {
        long t0 = System.nanoTime();
        Market market = MarketSimulator.generate(MarketSimulator.Config.standard(SEED));
        long generated = System.nanoTime();
        SurveillanceEngine engine = new SurveillanceEngine(SurveillanceThresholds::defaults);
        List<Alert> alerts = new ArrayList<>();
        for (MarketEvent e : market.events()) {
            alerts.addAll(engine.onEvent(e));
        }
        long ran = System.nanoTime();

        Map<String, List<Label>> labelsByRef = new HashMap<>();
        for (Label l : market.labels()) {
            l.references().forEach(r -> labelsByRef.computeIfAbsent(r, k -> new ArrayList<>()).add(l));
        }
        Map<RiskRule, int[]> counts = new EnumMap<>(RiskRule.class); // alerts, true, onOrdinaryOnly, onOtherInjected
        Map<RiskRule, Set<String>> detected = new EnumMap<>(RiskRule.class);
        List<Alert> falseAlerts = new ArrayList<>();
        for (RiskRule r : RULES) {
            counts.put(r, new int[4]);
            detected.put(r, new HashSet<>());
        }
        for (Alert a : alerts) {
            int[] c = counts.get(a.rule());
            c[0]++;
            boolean truePositive = false;
            boolean touchesInjected = false;
            for (String ref : a.references()) {
                touchesInjected |= market.injectedReferences().contains(ref);
                for (Label l : labelsByRef.getOrDefault(ref, List.of())) {
                    if (l.shows(a.rule())) {
                        truePositive = true;
                        if (l.rule() == a.rule()) {
                            detected.get(a.rule()).add(l.id());
                        }
                    }
                }
            }
            if (truePositive) {
                c[1]++;
            } else if (touchesInjected) {
                c[3]++;
            } else {
                c[2]++;
                falseAlerts.add(a);
            }
        }

        int ordinary = market.ordinaryTrades();
        StringBuilder table = new StringBuilder();
        table.append("| rule | injected | detected | recall | alerts | true | precision | false alerts (ordinary only) "
                + "| false per 1,000 ordinary trades | alerts on other injected patterns |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int totalFalse = 0;
        Map<RiskRule, Double> recall = new EnumMap<>(RiskRule.class);
        for (RiskRule r : RULES) {
            long injected = market.labels().stream().filter(l -> l.rule() == r && !l.evasive()).count();
            long found = market.labels().stream()
                    .filter(l -> l.rule() == r && !l.evasive() && detected.get(r).contains(l.id())).count();
            int[] c = counts.get(r);
            double rec = injected == 0 ? 1 : found / (double) injected;
            recall.put(r, rec);
            totalFalse += c[2];
            table.append("| %s | %d | %d | %.3f | %d | %d | %s | %d | %.2f | %d |\n".formatted(r, injected,
                    found, rec, c[0], c[1], c[0] == 0 ? "-" : "%.3f".formatted(c[1] / (double) c[0]),
                    c[2], 1000.0 * c[2] / ordinary, c[3]));
        }
        double falsePerThousand = 1000.0 * totalFalse / ordinary;
        List<Label> held = market.labels().stream().filter(l -> !l.evasive()).toList();
        table.append("| **all** | %d | %d | | %d | %d | %.3f | %d | **%.2f** | |\n".formatted(held.size(),
                held.stream().filter(l -> detected.get(l.rule()).contains(l.id())).count(), alerts.size(),
                counts.values().stream().mapToInt(c -> c[1]).sum(),
                counts.values().stream().mapToInt(c -> c[1]).sum() / (double) Math.max(1, alerts.size()), totalFalse,
                falsePerThousand));

        String summary = ("Market: %,d events (%,d ordinary trades and transfers, %,d injected), %d labelled patterns,"
                + " %s. Generated in %.1f s; the engine took %.2f s (%,.0f events/s, single thread, in the test).")
                .formatted(market.events().size(), ordinary, market.events().size() - ordinary,
                        market.labels().size(), market.stats(), (generated - t0) / 1e9, (ran - generated) / 1e9,
                        market.events().size() / ((ran - generated) / 1e9));
        System.out.println(summary);
        System.out.println(table);
        StringBuilder evasive = new StringBuilder("| evasive pattern | rule | injected | detected |\n|---|---|---:|---:|\n");
        Map<String, int[]> byKind = new java.util.LinkedHashMap<>();
        Map<String, RiskRule> kindRule = new HashMap<>();
        for (Label l : market.labels()) {
            if (l.evasive()) {
                String kind = l.id().substring(0, l.id().lastIndexOf('-'));
                int[] c = byKind.computeIfAbsent(kind, k -> new int[2]);
                kindRule.put(kind, l.rule());
                c[0]++;
                if (detected.get(l.rule()).contains(l.id())) {
                    c[1]++;
                }
            }
        }
        byKind.forEach((kind, c) -> evasive.append("| %s | %s | %d | %d |\n".formatted(kind, kindRule.get(kind), c[0],
                c[1])));
        System.out.println(evasive);
        Map<RiskRule, List<String>> missed = new EnumMap<>(RiskRule.class);
        for (Label l : market.labels()) {
            if (!l.evasive() && !detected.get(l.rule()).contains(l.id())) {
                missed.computeIfAbsent(l.rule(), k -> new ArrayList<>()).add(l.id() + " (" + l.description() + ")");
            }
        }
        StringBuilder misses = new StringBuilder();
        missed.forEach((r, ls) -> misses.append("- ").append(r).append(": ").append(String.join("; ", ls))
                .append('\n'));
        StringBuilder falseSamples = new StringBuilder();
        falseAlerts.stream().limit(12).forEach(a -> falseSamples.append("- ").append(a.rule()).append(": ")
                .append(a.summary()).append('\n'));
        System.out.println("Missed patterns:\n" + misses);
        System.out.println("False alerts (first 12):\n" + falseSamples);

        String explain = System.getProperty("dcx.explainMisses");
        if (explain != null) {
            explainMisses(market, RiskRule.valueOf(explain), detected.get(RiskRule.valueOf(explain)));
        }
        if (Boolean.getBoolean("dcx.writeResults")) {
            write(summary, table.toString(), evasive.toString(), misses.toString(), falseSamples.toString());
        }

        for (RiskRule r : RULES) {
            assertThat(recall.get(r)).as("recall of " + r).isGreaterThanOrEqualTo(0.95);
            assertThat(market.labels().stream().filter(l -> l.rule() == r && !l.evasive()).count()).as("patterns of " + r)
                    .isGreaterThanOrEqualTo(40);
        }
        assertThat(ordinary).isGreaterThanOrEqualTo(50_000);
        assertThat(falsePerThousand).as("false alerts per 1,000 ordinary trades").isLessThan(5.0);
    }

    /** With -Ddcx.explainMisses=RULE: the trades around the first missed patterns of that rule, to see why. */
    private static void explainMisses(Market market, RiskRule rule, Set<String> detected) {
        market.labels().stream().filter(l -> l.rule() == rule && !detected.contains(l.id())).limit(4).forEach(l -> {
            Set<String> refs = new HashSet<>(l.references());
            List<MarketEvent> mine = market.events().stream().filter(e -> refs.contains(e.reference())).toList();
            String work = mine.get(0).workId();
            var from = mine.get(0).at().minus(java.time.Duration.ofDays(2));
            var to = mine.get(mine.size() - 1).at().plus(java.time.Duration.ofDays(1));
            System.out.println("== " + l.id() + " " + l.description());
            market.events().stream().filter(e -> work.equals(e.workId()) && !e.at().isBefore(from)
                    && !e.at().isAfter(to)).forEach(e -> System.out.println((refs.contains(e.reference()) ? " * " : "   ")
                            + e.at() + " " + e.sellerId() + " -> " + e.buyerId() + " " + e.priceFen() + " "
                            + e.assetId()));
        });
    }

    private static void write(String summary, String table, String evasive, String misses, String falseSamples)
            throws IOException {
        Path out = Path.of("..", "bench", "results", "surveillance-quality.md");
        if (!Files.isDirectory(out.getParent())) {
            out = Path.of("bench", "results", "surveillance-quality.md");
        }
        String header = Files.exists(out) ? Files.readString(out) : "";
        int cut = header.indexOf("<!-- generated -->");
        String head = cut >= 0 ? header.substring(0, cut) : "# Surveillance quality\n\n";
        Files.writeString(out, head + "<!-- generated -->\n" + summary + "\n\n" + table
                + "\nManipulation shaped to stay under the defaults (not in the recall above):\n\n" + evasive
                + "\nMissed patterns:\n\n"
                + (misses.isEmpty() ? "- none\n" : misses) + "\nFalse alerts (first 12):\n\n"
                + (falseSamples.isEmpty() ? "- none\n" : falseSamples));
    }
}
