package io.dcx.service.api.dto;

import io.dcx.service.domain.lineage.Lineage;
import io.dcx.service.domain.lineage.LineageNode;
import java.util.List;

/**
 * A work's derivation graph: its ancestors and descendants, each with its distance in generations ({@code depth}),
 * nearest first; {@code maxDepth} is how far the walk goes, {@code truncated} says whether a limit cut it short.
 */
public record LineageResponse(WorkRef work, List<LineageNode> ancestors, List<LineageNode> descendants,
        int maxDepth, boolean truncated) {

    /** The work the lineage is about. */
    public record WorkRef(String id, String title) {
    }

    public static LineageResponse of(Lineage l) {
        return new LineageResponse(new WorkRef(l.workId(), l.title()), l.ancestors(), l.descendants(),
                Lineage.MAX_DEPTH, l.truncated());
    }
}
