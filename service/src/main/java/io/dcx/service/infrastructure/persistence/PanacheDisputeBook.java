package io.dcx.service.infrastructure.persistence;

import io.dcx.service.application.port.DisputeBook;
import io.dcx.service.domain.dispute.Dispute;
import io.dcx.service.domain.dispute.DisputeEvent;
import io.dcx.service.domain.dispute.DisputeStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Disputes and their history in PostgreSQL. */
@ApplicationScoped
public class PanacheDisputeBook implements DisputeBook, PanacheRepositoryBase<DisputeEntity, String> {
    private static final List<String> PENDING = List.of("OPEN", "DISPUTED", "FROZEN");

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(Dispute dispute) {
        DisputeEntity row = new DisputeEntity();
        row.id = dispute.id();
        row.workId = dispute.workId();
        row.claimant = dispute.claimant();
        row.claim = dispute.claim();
        row.evidenceWorkId = dispute.evidenceWorkId();
        row.status = dispute.status().name();
        row.createdAt = dispute.createdAt();
        row.updatedAt = dispute.updatedAt();
        persist(row);
        for (DisputeEvent event : dispute.history()) {
            append(dispute.id(), event);
        }
    }

    @Override
    public Optional<Dispute> byId(String id) {
        return findByIdOptional(id).map(row -> withHistory(List.of(row)).get(0));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Dispute> lockForDecision(String id) {
        @SuppressWarnings("unchecked")
        List<String> work = getEntityManager().createNativeQuery("SELECT work_id FROM dispute WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        if (work.isEmpty()) {
            return Optional.empty();
        }
        // Lock every dispute of the work in id order (one order for everyone: no deadlock), then read fresh rows.
        getEntityManager().createNativeQuery("SELECT id FROM dispute WHERE work_id = ?1 ORDER BY id FOR UPDATE")
                .setParameter(1, work.get(0))
                .getResultList();
        DisputeEntity row = findById(id);
        getEntityManager().refresh(row);
        return Optional.of(withHistory(List.of(row)).get(0));
    }

    @Override
    public List<Dispute> byClaimant(String claimant) {
        return withHistory(list("claimant", Sort.descending("createdAt").and("id"), claimant));
    }

    @Override
    public List<Dispute> byStatus(DisputeStatus status, int limit) {
        Sort order = Sort.ascending("createdAt").and("id");
        List<DisputeEntity> rows = status == null
                ? findAll(order).page(0, limit).list()
                : find("status", order, status.name()).page(0, limit).list();
        return withHistory(rows);
    }

    @Override
    public List<DisputeStatus> statusesOfOtherDisputes(String workId, String exceptDisputeId) {
        return list("workId = ?1 and id <> ?2", workId, exceptDisputeId).stream()
                .map(row -> DisputeStatus.valueOf(row.status))
                .toList();
    }

    @Override
    public boolean hasPendingClaim(String workId, String claimant) {
        return count("workId = ?1 and claimant = ?2 and status in ?3", workId, claimant, PENDING) > 0;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(String id, DisputeStatus status, Instant at, DisputeEvent event) {
        DisputeEntity row = findById(id);
        row.status = status.name();
        row.updatedAt = at;
        append(id, event);
    }

    private void append(String disputeId, DisputeEvent event) {
        DisputeEventEntity row = new DisputeEventEntity();
        row.disputeId = disputeId;
        row.at = event.at();
        row.actor = event.actor();
        row.action = event.action();
        row.fromStatus = event.fromStatus() == null ? null : event.fromStatus().name();
        row.toStatus = event.toStatus().name();
        row.reason = event.reason();
        row.workStatus = event.workStatus();
        row.txId = event.txId();
        row.blockNumber = event.blockNumber();
        row.persist();
    }

    private List<Dispute> withHistory(List<DisputeEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<DisputeEvent>> history = DisputeEventEntity.<DisputeEventEntity>list(
                        "disputeId in ?1 order by id", rows.stream().map(r -> r.id).toList())
                .stream()
                .collect(Collectors.groupingBy(e -> e.disputeId, Collectors.mapping(PanacheDisputeBook::toEvent,
                        Collectors.toList())));
        List<Dispute> disputes = new ArrayList<>(rows.size());
        for (DisputeEntity row : rows) {
            disputes.add(new Dispute(row.id, row.workId, row.claimant, row.claim, row.evidenceWorkId,
                    DisputeStatus.valueOf(row.status), row.createdAt, row.updatedAt,
                    history.getOrDefault(row.id, List.of())));
        }
        return disputes;
    }

    private static DisputeEvent toEvent(DisputeEventEntity e) {
        return new DisputeEvent(e.at, e.actor, e.action, e.fromStatus == null ? null : DisputeStatus.valueOf(
                e.fromStatus), DisputeStatus.valueOf(e.toStatus), e.reason, e.workStatus, e.txId, e.blockNumber);
    }
}
