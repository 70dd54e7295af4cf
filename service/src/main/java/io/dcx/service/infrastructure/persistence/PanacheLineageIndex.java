package io.dcx.service.infrastructure.persistence;

import io.dcx.service.application.port.LineageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code work_parent} edges in PostgreSQL. */
@ApplicationScoped
public class PanacheLineageIndex implements LineageIndex {
    private final EntityManager em;

    public PanacheLineageIndex(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordParents(String workId, List<String> parentIds, long blockNumber) {
        for (String parentId : parentIds) {
            em.createNativeQuery("INSERT INTO work_parent (work_id, parent_id, block_number) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (work_id, parent_id) DO NOTHING")
                    .setParameter(1, workId)
                    .setParameter(2, parentId)
                    .setParameter(3, blockNumber)
                    .executeUpdate();
        }
    }

    @Override
    public List<Edge> parentEdges(Collection<String> workIds) {
        return edges("SELECT work_id, parent_id FROM work_parent WHERE work_id IN (:ids)", workIds);
    }

    @Override
    public List<Edge> childEdges(Collection<String> workIds) {
        return edges("SELECT work_id, parent_id FROM work_parent WHERE parent_id IN (:ids)", workIds);
    }

    private List<Edge> edges(String sql, Collection<String> workIds) {
        if (workIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter("ids", List.copyOf(workIds))
                .getResultList();
        List<Edge> edges = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            edges.add(new Edge((String) row[0], (String) row[1]));
        }
        return edges;
    }
}
