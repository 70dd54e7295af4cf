package io.dcx.service.application.rights;

import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.port.LineageIndex;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.lineage.Lineage;
import io.dcx.service.domain.lineage.LineageNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The derivation graph around a work, from the parent edges the projector keeps, walked breadth first one generation
 * per query. Each work appears once, at its shortest distance; a visited set makes a cycle harmless (the chain cannot
 * hold one, since parents must exist before their child, but the walk does not rely on that), and the walk stops at
 * {@link Lineage#MAX_DEPTH} generations and {@link Lineage#MAX_NODES} works per direction.
 */
@ApplicationScoped
public class LineageQueries {
    private final WorkQueries works;
    private final WorkCatalog catalog;
    private final LineageIndex index;

    public LineageQueries(WorkQueries works, WorkCatalog catalog, LineageIndex index) {
        this.works = works;
        this.catalog = catalog;
        this.index = index;
    }

    public Lineage of(String workId) {
        Work work = works.byId(workId);
        Walk up = walk(work.id(), frontier -> index.parentEdges(frontier).stream()
                .map(LineageIndex.Edge::parentId).toList());
        Walk down = walk(work.id(), frontier -> index.childEdges(frontier).stream()
                .map(LineageIndex.Edge::workId).toList());
        return new Lineage(work.id(), work.title(), up.nodes, down.nodes, up.truncated || down.truncated);
    }

    private record Walk(List<LineageNode> nodes, boolean truncated) {
    }

    private Walk walk(String start, Function<Set<String>, List<String>> next) {
        Set<String> seen = new HashSet<>(Set.of(start));
        List<LineageNode> nodes = new ArrayList<>();
        Set<String> frontier = new LinkedHashSet<>(Set.of(start));
        for (int depth = 1; depth <= Lineage.MAX_DEPTH && !frontier.isEmpty(); depth++) {
            Set<String> found = new LinkedHashSet<>();
            for (String id : next.apply(frontier).stream().sorted().toList()) {
                if (seen.add(id)) {
                    if (nodes.size() == Lineage.MAX_NODES) {
                        return new Walk(nodes, true);
                    }
                    found.add(id);
                    nodes.add(new LineageNode(id, titleOf(id), depth));
                }
            }
            frontier = found;
        }
        // Works beyond the last generation walked are not shown; say so if there are any.
        boolean deeper = !frontier.isEmpty() && next.apply(frontier).stream().anyMatch(id -> !seen.contains(id));
        return new Walk(nodes, deeper);
    }

    private String titleOf(String id) {
        // A work the read model has not caught up with yet still shows, without its title.
        return catalog.byId(id).map(Work::title).orElse(null);
    }
}
