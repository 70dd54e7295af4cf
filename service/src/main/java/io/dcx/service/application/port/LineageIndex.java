package io.dcx.service.application.port;

import java.util.Collection;
import java.util.List;

/** The edges of the derivation graph (a work and one of its parents), projected from registrations on chain. */
public interface LineageIndex {
    /** Records the work's parents; recording the same edges again is a no-op. */
    void recordParents(String workId, List<String> parentIds, long blockNumber);

    /** The edges whose child is one of {@code workIds}. */
    List<Edge> parentEdges(Collection<String> workIds);

    /** The edges whose parent is one of {@code workIds}. */
    List<Edge> childEdges(Collection<String> workIds);

    /** {@code workId} was registered as a derivative of {@code parentId}. */
    record Edge(String workId, String parentId) {
    }
}
