package io.dcx.service.domain.lineage;

import java.util.List;

/**
 * The derivation graph around a work: its ancestors (parents, their parents...) and its descendants, each once at
 * its shortest distance, at most {@link #MAX_DEPTH} generations away and at most {@link #MAX_NODES} per direction
 * ({@code truncated} says when a limit cut the answer).
 */
public record Lineage(String workId, String title, List<LineageNode> ancestors, List<LineageNode> descendants,
        boolean truncated) {
    public static final int MAX_DEPTH = 20;
    public static final int MAX_NODES = 1_000;

    public Lineage {
        ancestors = List.copyOf(ancestors);
        descendants = List.copyOf(descendants);
    }
}
