package io.dcx.service.application.board;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.HaltStore;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Halt;
import io.dcx.service.domain.board.HaltScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operators' pauses of trading (HALT): the whole board, one asset, or one listing, until a time or until lifted.
 * A halt stops new listings, purchases, offers, bids and acceptances of what it covers; trades already settling
 * finish, because their money and asset are already committed to each other. Each halt and lift is audited.
 */
@ApplicationScoped
public class Halts {
    private static final int MAX_REASON = 500;

    private final HaltStore store;
    private final ListingStore listings;
    private final AssetBook assets;
    private final AuditLog audit;

    public Halts(HaltStore store, ListingStore listings, AssetBook assets, AuditLog audit) {
        this.store = store;
        this.listings = listings;
        this.assets = assets;
        this.audit = audit;
    }

    @Transactional
    public Halt halt(Actor operator, HaltScope scope, String targetId, String reason, Instant until) {
        Instant now = Instant.now();
        if (scope == null) {
            throw new DcxException(ErrorCode.INVALID_HALT, "scope is BOARD, ASSET or LISTING");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new DcxException(ErrorCode.REASON_REQUIRED, "a halt states its reason (1.." + MAX_REASON
                    + " characters)");
        }
        if (until != null && !until.isAfter(now)) {
            throw new DcxException(ErrorCode.INVALID_HALT, "until lies in the past");
        }
        switch (scope) {
            case BOARD -> {
                if (targetId != null) {
                    throw new DcxException(ErrorCode.INVALID_HALT, "a board halt has no targetId");
                }
            }
            case ASSET -> {
                if (targetId == null || assets.byId(targetId).isEmpty()) {
                    throw new DcxException(ErrorCode.ASSET_NOT_FOUND, "no asset with id " + targetId);
                }
            }
            case LISTING -> {
                if (targetId == null || listings.find(targetId).isEmpty()) {
                    throw new DcxException(ErrorCode.LISTING_NOT_FOUND, "no listing with id " + targetId);
                }
            }
        }
        Halt halt = new Halt(Ids.next("hlt"), scope, targetId, reason.strip(), until, operator.accountId(), now, null,
                null);
        store.insert(halt);
        audit.record(new AuditLog.Event(now, operator.accountId(), "HALT_SET", "halt", halt.id(), null,
                AuditJson.of("scope", scope, "targetId", targetId, "reason", halt.reason(), "until",
                        until == null ? null : until.toString()),
                operator.requestId()));
        return halt;
    }

    @Transactional
    public Halt lift(Actor operator, String id) {
        Halt halt = store.find(id == null ? "" : id)
                .orElseThrow(() -> new DcxException(ErrorCode.HALT_NOT_FOUND, "no halt with id " + id));
        Instant now = Instant.now();
        if (!halt.inForce(now)) {
            return halt;
        }
        Halt lifted = new Halt(halt.id(), halt.scope(), halt.targetId(), halt.reason(), halt.until(),
                halt.createdBy(), halt.createdAt(), now, operator.accountId());
        store.update(lifted);
        audit.record(new AuditLog.Event(now, operator.accountId(), "HALT_LIFTED", "halt", halt.id(),
                AuditJson.of("inForce", true), AuditJson.of("inForce", false), operator.requestId()));
        return lifted;
    }

    public List<Halt> inForce(Instant now) {
        return store.inForce(now);
    }

    /** HALT when a halt in force covers the listing or its asset. */
    public void requireNotHalted(String listingId, String assetId, Instant now) {
        for (Halt halt : store.inForce(now)) {
            if (halt.covers(listingId, assetId)) {
                throw new DcxException(ErrorCode.HALT, "trading is halted (" + halt.scope().name().toLowerCase()
                        + "): " + halt.reason(), Map.of("haltId", halt.id(), "scope", halt.scope().name()));
            }
        }
    }

    public boolean halted(String listingId, String assetId, Instant now) {
        return store.inForce(now).stream().anyMatch(h -> h.covers(listingId, assetId));
    }
}
