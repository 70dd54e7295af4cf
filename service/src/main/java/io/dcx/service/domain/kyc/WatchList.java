package io.dcx.service.domain.kyc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parties to screen against. Text form, one entry a line: {@code id | name | alias | ...}; blank lines and
 * lines starting with {@code #} are ignored. Example: {@code WL-0001 | 张三 | Zhang San}.
 */
public record WatchList(List<WatchListEntry> entries) {

    public WatchList {
        entries = List.copyOf(entries);
    }

    public static WatchList parse(List<String> lines) {
        List<WatchListEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> parts = Arrays.stream(trimmed.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            if (parts.size() < 2) {
                throw new IllegalArgumentException("watch list line " + number + ": expected 'id | name [| alias...]'");
            }
            if (!ids.add(parts.get(0))) {
                throw new IllegalArgumentException("watch list line " + number + ": duplicate id " + parts.get(0));
            }
            entries.add(new WatchListEntry(parts.get(0), parts.subList(1, parts.size())));
        }
        return new WatchList(entries);
    }
}
