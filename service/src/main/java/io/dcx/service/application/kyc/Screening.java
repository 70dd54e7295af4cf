package io.dcx.service.application.kyc;

import io.dcx.service.application.port.WatchListSource;
import io.dcx.service.domain.kyc.HanziReadings;
import io.dcx.service.domain.kyc.WatchList;
import io.dcx.service.domain.kyc.WatchListHit;
import io.dcx.service.domain.kyc.WatchListMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Screens the names of a submission against the current watch list. */
@ApplicationScoped
public class Screening {
    private final WatchListSource source;
    private final WatchListMatcher matcher;
    private volatile Compiled compiled;

    private record Compiled(WatchList list, WatchListMatcher.Screen screen) {
    }

    public Screening(WatchListSource source, HanziReadings readings, KycConfig config) {
        this.source = source;
        this.matcher = new WatchListMatcher(readings, config.watchListThreshold());
    }

    /** Hits for each named field (for example name, legalRepresentative), best first. */
    public List<WatchListHit> screen(Map<String, String> namesByField) {
        WatchListMatcher.Screen screen = screenFor(source.current());
        List<WatchListHit> hits = new ArrayList<>();
        namesByField.forEach((field, name) -> {
            if (name != null) {
                hits.addAll(screen.screen(field, name));
            }
        });
        hits.sort(Comparator.comparingDouble(WatchListHit::score).reversed());
        return hits;
    }

    private WatchListMatcher.Screen screenFor(WatchList list) {
        Compiled current = compiled;
        if (current == null || current.list() != list) {
            current = new Compiled(list, matcher.compile(list));
            compiled = current;
        }
        return current.screen();
    }
}
