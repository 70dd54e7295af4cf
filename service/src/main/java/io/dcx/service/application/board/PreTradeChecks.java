package io.dcx.service.application.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.kyc.LinkedAccounts;
import io.dcx.service.application.kyc.TradingLimits;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.kyc.SignalKind;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that run before the board accepts a listing or a trade, each with its stable code: KYC_REQUIRED,
 * NOT_OWNER, ASSET_NOT_TRADABLE, WORK_NOT_TRADABLE, LISTING_TYPE_NOT_ALLOWED, HOLDING_PERIOD, PRICE_BAND, HALT for a
 * seller; KYC_REQUIRED, SELF_TRADE, LINKED_ACCOUNTS, PRICE_BAND, HOLDING_PERIOD, HALT, CONCENTRATION and
 * DAILY_LIMIT_EXCEEDED for a buyer. The asset's owner, status and acquisition are read from the chain, not from
 * the service's copy, because the chain is what the lock will check. The chain enforces the holding period and transfer caps again when the
 * asset is locked, so a rule cannot be bypassed by a stale read here.
 */
@ApplicationScoped
public class PreTradeChecks {
    /** Daily limits count the trading day in China's time zone. */
    static final ZoneId TRADING_ZONE = ZoneId.of("Asia/Shanghai");

    private final Ledger ledger;
    private final TradingLimits limits;
    private final LinkedAccounts linked;
    private final TradeStore trades;
    private final BoardPolicies policies;
    private final Halts halts;
    private final AssetBook assets;
    private final ConcentrationLimit concentration;

    public PreTradeChecks(Ledger ledger, TradingLimits limits, LinkedAccounts linked, TradeStore trades,
            BoardPolicies policies, Halts halts, AssetBook assets, ConcentrationLimit concentration) {
        this.ledger = ledger;
        this.limits = limits;
        this.linked = linked;
        this.trades = trades;
        this.policies = policies;
        this.halts = halts;
        this.assets = assets;
        this.concentration = concentration;
    }

    /** The chain's facts about an asset that the board needs. */
    public record ChainAsset(String id, String workId, AssetKind kind, String ownerId, String status,
            Instant acquiredAt, String acquiredBy, Long issuePriceFen) {
    }

    public ChainAsset chainAsset(String assetId) {
        try {
            JsonNode n = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetAsset", assetId));
            return new ChainAsset(n.path("id").asText(), n.path("workId").asText(),
                    AssetKind.valueOf(n.path("kind").asText()), n.path("ownerId").asText(), n.path("status").asText(),
                    Instant.parse(n.path("acquiredAt").asText()), n.path("acquiredBy").asText(),
                    n.path("issuePriceFen").isNumber() ? n.path("issuePriceFen").asLong() : null);
        } catch (ContractRejectedException e) {
            throw new DcxException(ErrorCode.ASSET_NOT_FOUND, "no asset with id " + assetId);
        }
    }

    /** Checks that {@code sellerId} may list the asset as {@code type} at {@code price} (null: no price yet). */
    public ChainAsset requireListable(String sellerId, String assetId, ListingType type, Money price, Instant now) {
        limits.requireApproved(sellerId);
        ChainAsset asset = chainAsset(assetId);
        if (!asset.ownerId().equals(sellerId)) {
            throw new DcxException(ErrorCode.NOT_OWNER, "the caller does not own asset " + assetId);
        }
        if (!"ACTIVE".equals(asset.status())) {
            throw new DcxException(ErrorCode.ASSET_NOT_TRADABLE, "asset " + assetId + " is " + asset.status(),
                    Map.of("assetStatus", asset.status()));
        }
        String workStatus = workStatus(asset.workId());
        if (!"ACTIVE".equals(workStatus)) {
            throw new DcxException(ErrorCode.WORK_NOT_TRADABLE, "work " + asset.workId() + " is " + workStatus,
                    Map.of("workStatus", workStatus));
        }
        policies.rules().requireAllowed(asset.kind(), type);
        requireHoldingPeriodOver(asset, now);
        halts.requireNotHalted(null, assetId, now);
        if (price != null) {
            policies.rules().priceBand().check(price, reference(asset));
        }
        return asset;
    }

    /** Checks that {@code buyerId} may buy from {@code listing} at {@code price} now; answers the chain's asset. */
    public ChainAsset requireBuyable(Listing listing, String buyerId, Money price, Instant now) {
        limits.requireApproved(buyerId);
        if (listing.sellerId().equals(buyerId) || linked.samePerson(listing.sellerId(), buyerId)) {
            throw new DcxException(ErrorCode.SELF_TRADE,
                    "buyer and seller are the same account or the same verified party");
        }
        Set<SignalKind> shared = linked.shared(buyerId, listing.sellerId());
        if (!shared.isEmpty()) {
            throw new DcxException(ErrorCode.LINKED_ACCOUNTS, "buyer and seller share identifying facts",
                    Map.of("shared", shared.stream().map(Enum::name).sorted().collect(Collectors.toList())));
        }
        halts.requireNotHalted(listing.id(), listing.assetId(), now);
        ChainAsset asset = chainAsset(listing.assetId());
        if (!asset.ownerId().equals(listing.sellerId())) {
            throw new DcxException(ErrorCode.ASSET_NOT_TRADABLE, "the asset changed owner since it was listed");
        }
        if ("FROZEN".equals(asset.status())) {
            throw new DcxException(ErrorCode.ASSET_NOT_TRADABLE, "asset " + asset.id() + " is frozen",
                    Map.of("assetStatus", asset.status()));
        }
        requireHoldingPeriodOver(asset, now);
        policies.rules().priceBand().check(price, reference(asset));
        requireUnderConcentrationLimit(buyerId, asset);
        Instant dayStart = LocalDate.ofInstant(now, TRADING_ZONE).atStartOfDay(TRADING_ZONE).toInstant();
        limits.requireWithinDailyBuyLimit(buyerId, trades.boughtSince(buyerId, dayStart), price);
        return asset;
    }

    /**
     * CONCENTRATION: a purchase may not take the buyer above the limit share of a series (editions of one work) of at
     * least the minimum size. Editions the buyer received at issue count too: the share is what one account holds.
     */
    private void requireUnderConcentrationLimit(String buyerId, ChainAsset asset) {
        if (asset.kind() != AssetKind.EDITION) {
            return;
        }
        Integer series = assets.byId(asset.id()).map(io.dcx.service.domain.asset.Asset::editionCount).orElse(null);
        if (series == null || series < concentration.minSeries()) {
            return;
        }
        long held = assets.byOwner(buyerId).stream().filter(a -> asset.workId().equals(a.workId())).count();
        if ((held + 1) * 10_000 > (long) concentration.limitBps() * series) {
            throw new DcxException(ErrorCode.CONCENTRATION, "the buyer would hold " + (held + 1) + " of the " + series
                    + " editions of work " + asset.workId() + ", above " + concentration.limitBps() / 100.0 + "%",
                    Map.of("held", held, "series", series, "limitBps", concentration.limitBps()));
        }
    }

    /** The price band's reference: the asset's last trade price, else its issue price, else none. */
    public Money reference(ChainAsset asset) {
        return trades.lastPrice(asset.id())
                .orElse(asset.issuePriceFen() == null ? null : Money.fen(asset.issuePriceFen()));
    }

    private void requireHoldingPeriodOver(ChainAsset asset, Instant now) {
        if ("ISSUE".equals(asset.acquiredBy())) {
            return;
        }
        long period = policies.chain().holdingPeriodSeconds();
        Instant free = asset.acquiredAt().plusSeconds(period);
        if (now.isBefore(free)) {
            throw new DcxException(ErrorCode.HOLDING_PERIOD, "asset " + asset.id() + " was acquired at "
                    + asset.acquiredAt() + " and may not be resold before " + free,
                    Map.of("resaleFrom", free.toString()));
        }
    }

    private String workStatus(String workId) {
        try {
            return ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", workId))
                    .path("status").asText();
        } catch (ContractRejectedException e) {
            throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId);
        }
    }
}
