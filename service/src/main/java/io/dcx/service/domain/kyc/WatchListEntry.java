package io.dcx.service.domain.kyc;

import java.util.List;

/** A listed party: the list's own id and every name it is known by (Chinese characters, pinyin, aliases). */
public record WatchListEntry(String id, List<String> names) {
    public WatchListEntry {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a watch-list entry needs an id");
        }
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("watch-list entry " + id + " has no name");
        }
    }
}
