package io.dcx.service.application.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.LedgerUnavailableException;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.application.money.Holds;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.ListingStore;
import io.dcx.service.application.port.OfferStore;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.Offer;
import io.dcx.service.domain.board.OfferStatus;
import io.dcx.service.domain.board.SagaStep;
import io.dcx.service.domain.board.SettlementSplit;
import io.dcx.service.domain.board.StepStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeStatus;
import io.dcx.service.domain.board.TradeStepRecord;
import io.dcx.service.domain.board.TradeTerms;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Delivery versus payment, one saga per trade: hold the buyer's money, lock the asset on chain for the trade, settle
 * on chain (the owner changes), post the journal (seller net, fee, royalties), and on a rail that pays out at once,
 * pay the seller. The buyer never pays without receiving: money moves only after the chain settled; the seller
 * never delivers without being paid: the asset moves only while the buyer's money is held for it.
 *
 * <p><b>Outbox.</b> Each step is written {@code STARTED} in its own committed transaction before it is sent, and
 * {@code DONE} after. Steps that only touch the database commit their effect and their {@code DONE} together; steps
 * that touch the chain are idempotent there (locking again for the same trade and terms, settling a settled trade
 * and releasing an unlocked asset are no-ops), so a step found {@code STARTED} after a crash is simply sent again.
 *
 * <p><b>Failure.</b> A refusal before the chain settled (the lock or the settlement refused) records the reason and
 * runs the compensations: release the chain lock if one was asked for, release the hold, end {@code FAILED}, and put
 * the listing back on the board (an auction's listing closes). An unavailable ledger is not a refusal: the trade
 * stays {@code SETTLING} and is resumed ({@link SettlementRecovery}) until {@code dcx.board.settlement-timeout},
 * after which it compensates as well, unless the settlement was already sent: then the outcome may be on chain, and
 * the saga keeps asking until it knows. After the chain settled the saga only goes forward.
 *
 * <p><b>One runner.</b> A runner takes a lease on the trade ({@link TradeStore#tryLease}); the request that opened
 * a trade runs it at once, and the recovery job picks up trades whose lease expired (a crashed runner).
 */
@ApplicationScoped
public class SettlementSaga {
    private static final Logger LOG = Logger.getLogger(SettlementSaga.class);
    private static final int CONFLICT_RETRIES = 3;
    private static final List<SagaStep> FORWARD = List.of(SagaStep.HOLD_FUNDS, SagaStep.LOCK_ASSET,
            SagaStep.SETTLE_ON_CHAIN, SagaStep.POST_JOURNAL, SagaStep.PAY_OUT);

    private final TradeStore trades;
    private final ListingStore listings;
    private final OfferStore offers;
    private final Holds holds;
    private final Ledger ledger;
    private final AssetBook assets;
    private final BoardPolicies policies;
    private final BoardConfig config;
    private final SettlementFaults faults;
    private final Instance<SellerPayouts> payouts;

    public SettlementSaga(TradeStore trades, ListingStore listings, OfferStore offers, Holds holds, Ledger ledger,
            AssetBook assets, BoardPolicies policies, BoardConfig config, SettlementFaults faults,
            Instance<SellerPayouts> payouts) {
        this.trades = trades;
        this.listings = listings;
        this.offers = offers;
        this.holds = holds;
        this.ledger = ledger;
        this.assets = assets;
        this.policies = policies;
        this.config = config;
        this.faults = faults;
        this.payouts = payouts;
    }

    /**
     * Opens a trade in the caller's transaction: the listing (which the caller has locked) becomes RESERVED for it,
     * and the buyer's money is held (INSUFFICIENT_FUNDS rolls the whole transaction back, so nothing is written).
     * Call {@link #run} after the transaction committed. {@code resale} says whether royalties are due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String open(TradeTerms terms, boolean resale) {
        Listing listing = listings.findForUpdate(terms.listingId())
                .orElseThrow(() -> new DcxException(ErrorCode.LISTING_NOT_FOUND, "no listing " + terms.listingId()));
        if (listing.status() != ListingStatus.OPEN) {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "listing " + listing.id() + " is " + listing.status());
        }
        if (!terms.price().isPositive() || terms.price().fen() > config.maxPriceFen()) {
            throw new DcxException(ErrorCode.INVALID_PRICE, "a price is 1.." + config.maxPriceFen() + " fen");
        }
        Instant now = Instant.now();
        String id = Ids.next("trd");
        String hold = terms.holdReference() == null ? id : terms.holdReference();
        Trade trade = new Trade(id, listing.id(), listing.assetId(), listing.workId(), terms.sellerId(),
                terms.buyerId(), terms.price(), terms.origin(), hold, config.settlementRail(), resale,
                TradeTerms.hash(id, listing.assetId(), terms.sellerId(), terms.buyerId(), terms.price()),
                TradeStatus.SETTLING, null, null, null, null, null, now, null, now);
        trades.insert(trade);
        listings.update(listing.withStatus(ListingStatus.RESERVED, id, now));
        trades.stepStarted(id, SagaStep.HOLD_FUNDS, now);
        holds.place(terms.buyerId(), hold, terms.price());
        trades.stepFinished(id, SagaStep.HOLD_FUNDS, StepStatus.DONE, now, null, null, "held under " + hold);
        return id;
    }

    /**
     * Runs (or resumes) the trade's saga until it ends or must wait for the ledger, and answers the trade as it
     * stands. Must not run inside a transaction: each step commits on its own. If another runner holds the trade,
     * answers it as it is.
     */
    public Trade run(String tradeId) {
        Instant now = Instant.now();
        if (!trades.tryLease(tradeId, now, now.plus(config.leaseDuration()))) {
            return trades.find(tradeId)
                    .orElseThrow(() -> new DcxException(ErrorCode.TRADE_NOT_FOUND, "no trade " + tradeId));
        }
        try {
            while (true) {
                Trade trade = trades.find(tradeId).orElseThrow();
                if (trade.status().isFinal()) {
                    return trade;
                }
                Map<SagaStep, TradeStepRecord> steps = stepsOf(tradeId);
                SagaStep next = next(trade, steps);
                try {
                    execute(trade, next, steps);
                } catch (LedgerUnavailableException | Unavailable e) {
                    String why = e.getMessage();
                    recordWaiting(trade, next, why);
                    if (next.isCompensation() || next == SagaStep.SETTLE_ON_CHAIN
                            || steps.containsKey(SagaStep.SETTLE_ON_CHAIN)
                            || Instant.now().isBefore(trade.createdAt().plus(config.settlementTimeout()))) {
                        LOG.warnf("trade %s waits at %s: %s", tradeId, next, why);
                        return trades.find(tradeId).orElseThrow();
                    }
                    beginCompensation(trade, next, ErrorCode.LEDGER_UNAVAILABLE.name(),
                            "the ledger stayed unavailable for " + config.settlementTimeout() + ": " + why);
                }
            }
        } finally {
            trades.releaseLease(tradeId);
        }
    }

    private static Map<SagaStep, TradeStepRecord> toMap(List<TradeStepRecord> list) {
        Map<SagaStep, TradeStepRecord> out = new EnumMap<>(SagaStep.class);
        list.forEach(r -> out.put(r.step(), r));
        return out;
    }

    private Map<SagaStep, TradeStepRecord> stepsOf(String tradeId) {
        return toMap(trades.steps(tradeId));
    }

    /** The next step to run: the first forward step not done, or while compensating, the next release. */
    private SagaStep next(Trade trade, Map<SagaStep, TradeStepRecord> steps) {
        if (trade.isCompensating()) {
            if (steps.containsKey(SagaStep.LOCK_ASSET) && !done(steps, SagaStep.RELEASE_ASSET)) {
                return SagaStep.RELEASE_ASSET;
            }
            return SagaStep.RELEASE_HOLD;
        }
        for (SagaStep step : FORWARD) {
            if (step == SagaStep.PAY_OUT && !paysOut(trade)) {
                continue;
            }
            if (!done(steps, step)) {
                return step;
            }
        }
        throw new IllegalStateException("trade " + trade.id() + " has done every step but is " + trade.status());
    }

    private static boolean done(Map<SagaStep, TradeStepRecord> steps, SagaStep step) {
        TradeStepRecord r = steps.get(step);
        return r != null && r.status() == StepStatus.DONE;
    }

    private boolean paysOut(Trade trade) {
        return !"internal".equals(trade.rail());
    }

    private void execute(Trade trade, SagaStep step, Map<SagaStep, TradeStepRecord> steps) {
        QuarkusTransaction.requiringNew().run(() -> trades.stepStarted(trade.id(), step, Instant.now()));
        faults.reached(trade.id(), step, false);
        switch (step) {
            case HOLD_FUNDS -> inTransaction(trade, step, () -> {
                holds.place(trade.buyerId(), trade.holdReference(), trade.price());
                return "held under " + trade.holdReference();
            });
            case LOCK_ASSET -> chainStep(trade, step, "assets:LockAsset", trade.assetId(), trade.id(),
                    trade.sellerId(), trade.buyerId(), trade.termsHash());
            case SETTLE_ON_CHAIN -> settle(trade);
            case POST_JOURNAL -> postJournal(trade);
            case PAY_OUT -> payOut(trade);
            case RELEASE_ASSET -> releaseAsset(trade);
            case RELEASE_HOLD -> releaseHold(trade);
        }
    }

    /** A step whose effect is a database change: the change and its DONE record commit together. */
    private void inTransaction(Trade trade, SagaStep step, java.util.function.Supplier<String> effect) {
        QuarkusTransaction.requiringNew().run(() -> {
            String detail = effect.get();
            trades.stepFinished(trade.id(), step, StepStatus.DONE, Instant.now(), null, null, detail);
        });
        faults.reached(trade.id(), step, true);
    }

    private void chainStep(Trade trade, SagaStep step, String transaction, String... args) {
        CommittedTransaction tx;
        try {
            tx = submit(transaction, args);
        } catch (ContractRejectedException refused) {
            fail(trade, step, refused);
            return;
        }
        faults.reached(trade.id(), step, true);
        QuarkusTransaction.requiringNew().run(() -> trades.stepFinished(trade.id(), step, StepStatus.DONE,
                Instant.now(), tx.txId(), tx.blockNumber(), null));
    }

    private void settle(Trade trade) {
        CommittedTransaction tx;
        try {
            tx = submit("assets:SettleTrade", trade.assetId(), trade.id(), trade.buyerId(), trade.termsHash());
        } catch (ContractRejectedException refused) {
            fail(trade, SagaStep.SETTLE_ON_CHAIN, refused);
            return;
        }
        faults.reached(trade.id(), SagaStep.SETTLE_ON_CHAIN, true);
        JsonNode settled = ChainJson.parse(tx.payload());
        // The chain's own record of the trade (a replay answers the original one): its tx and time are the truth.
        String txId = settled.path("txId").asText(tx.txId());
        Instant at = Instant.parse(settled.path("settledAt").asText(tx.timestamp().toString()));
        long block = txId.equals(tx.txId()) ? tx.blockNumber() : blockOf(trade, tx);
        QuarkusTransaction.requiringNew().run(() -> {
            trades.update(trades.find(trade.id()).orElseThrow().settledOnChain(txId, block, Instant.now()));
            trades.stepFinished(trade.id(), SagaStep.SETTLE_ON_CHAIN, StepStatus.DONE, Instant.now(), txId, block,
                    null);
            // Read-your-writes for the asset's owner; the chain event projector writes the same.
            assets.recordSale(trade.assetId(), trade.buyerId(), at, txId, block);
        });
    }

    /** A replayed settlement answers the original record; its block is the one the earlier attempt saw, if any. */
    private long blockOf(Trade trade, CommittedTransaction replay) {
        TradeStepRecord r = stepsOf(trade.id()).get(SagaStep.SETTLE_ON_CHAIN);
        return r != null && r.blockNumber() != null ? r.blockNumber() : replay.blockNumber();
    }

    private void postJournal(Trade trade) {
        List<SettlementSplit.Share> creators = creatorsOf(trade.workId());
        var rules = policies.rules();
        SettlementSplit split = SettlementSplit.of(trade.price(), rules.feeBps(), rules.royaltyBps(), trade.resale(),
                creators);
        Map<BookAccount, Money> payees = new LinkedHashMap<>();
        split.receiptsBy(trade.sellerId()).forEach((account, amount) ->
                payees.merge(BookAccount.available(account), amount, Money::plus));
        if (split.fee().isPositive()) {
            payees.put(BookAccount.exchange("fees"), split.fee());
        }
        boolean last = !paysOut(trade);
        inTransaction(trade, SagaStep.POST_JOURNAL, () -> {
            holds.capture(trade.holdReference(), payees);
            Trade current = trades.find(trade.id()).orElseThrow();
            Instant now = Instant.now();
            Trade withSplit = new Trade(current.id(), current.listingId(), current.assetId(), current.workId(),
                    current.sellerId(), current.buyerId(), current.price(), current.origin(), current.holdReference(),
                    current.rail(), current.resale(), current.termsHash(), current.status(), null, null, split,
                    current.settleTxId(), current.settleBlock(), current.createdAt(), null, now);
            trades.update(last ? withSplit.settled(split, now) : withSplit);
            closeListing(current, true, now);
            return "fee " + split.fee().fen() + ", royalties " + split.royaltyTotal().fen() + ", seller net "
                    + split.sellerNet().fen() + " fen";
        });
    }

    private void payOut(Trade trade) {
        Trade current = trades.find(trade.id()).orElseThrow();
        Money net = current.split().sellerNet();
        String reference;
        try {
            reference = net.isPositive()
                    ? payouts.get().payOut(current.sellerId(), net, current.rail(), current.id() + "-payout")
                    : null;
        } catch (DcxException e) {
            boolean unavailable = e.code().name().endsWith("_UNAVAILABLE");
            // A payout already signed (the rail names its transaction) may still be mined: giving up on it and
            // leaving the proceeds in the balance could pay the seller twice, so the saga waits for it to end.
            boolean signed = e.extras().containsKey("txHash");
            if (unavailable && (signed || Instant.now().isBefore(current.createdAt().plus(config.settlementTimeout())))) {
                throw new Unavailable(e.detail());
            }
            // A rail that refused, or stayed unavailable past the settlement timeout (or is not even enabled): the
            // trade is settled anyway, since the chain and the journal already are; the seller withdraws later.
            inTransaction(current, SagaStep.PAY_OUT, () -> {
                Instant now = Instant.now();
                trades.update(trades.find(trade.id()).orElseThrow().settled(current.split(), now));
                return "payout refused (" + e.code() + ": " + e.detail() + "); the proceeds stay in the balance";
            });
            return;
        }
        inTransaction(current, SagaStep.PAY_OUT, () -> {
            Instant now = Instant.now();
            trades.update(trades.find(trade.id()).orElseThrow().settled(current.split(), now));
            return reference == null ? "nothing to pay out" : "paid out on " + current.rail() + ": " + reference;
        });
    }

    private void releaseAsset(Trade trade) {
        CommittedTransaction tx = null;
        String detail = null;
        try {
            tx = submit("assets:ReleaseAsset", trade.assetId(), trade.id());
        } catch (ContractRejectedException refused) {
            // TRADE_MISMATCH: the asset is locked by another trade, so there is no lock of ours to release.
            detail = "nothing to release: " + refused.code() + ": " + refused.detail();
        }
        faults.reached(trade.id(), SagaStep.RELEASE_ASSET, true);
        String txId = tx == null ? null : tx.txId();
        Long block = tx == null ? null : tx.blockNumber();
        String why = detail;
        QuarkusTransaction.requiringNew().run(() -> trades.stepFinished(trade.id(), SagaStep.RELEASE_ASSET,
                StepStatus.DONE, Instant.now(), txId, block, why));
    }

    private void releaseHold(Trade trade) {
        inTransaction(trade, SagaStep.RELEASE_HOLD, () -> {
            String detail = "released " + trade.holdReference();
            try {
                holds.release(trade.holdReference());
            } catch (DcxException e) {
                if (e.code() != ErrorCode.HOLD_NOT_FOUND) {
                    throw e;
                }
                detail = "no hold to release";
            }
            Trade current = trades.find(trade.id()).orElseThrow();
            Instant now = Instant.now();
            trades.update(current.failed(current.failureCode(), current.failureReason(), now));
            closeListing(current, false, now);
            return detail;
        });
    }

    /**
     * After the trade ended: a settled listing is SOLD and its other open offers lapse (their holds released); a
     * failed one goes back on the board, except an auction's, which closes. An accepted offer follows its trade.
     */
    private void closeListing(Trade trade, boolean sold, Instant now) {
        Listing listing = listings.findForUpdate(trade.listingId()).orElseThrow();
        if (listing.status() == ListingStatus.RESERVED && trade.id().equals(listing.tradeId())) {
            ListingStatus next = sold ? ListingStatus.SOLD
                    : listing.type().isAuction() ? ListingStatus.CLOSED : ListingStatus.OPEN;
            listings.update(listing.withStatus(next, trade.id(), now));
        }
        if (trade.origin() == TradeOrigin.OFFER) {
            for (Offer offer : offers.byListing(listing.id(), false)) {
                if (trade.id().equals(offer.tradeId()) && offer.status() == OfferStatus.ACCEPTED && !sold) {
                    offers.update(offer.with(OfferStatus.LAPSED, offer.counterAmount(), offer.holdReference(),
                            offer.tradeId(), now));
                }
            }
        }
        if (sold) {
            for (Offer offer : offers.byListing(listing.id(), true)) {
                holds.release(offer.holdReference());
                offers.update(offer.with(OfferStatus.LAPSED, offer.counterAmount(), offer.holdReference(), null, now));
            }
        }
    }

    /** Records the refusal and switches the trade to compensation; the loop in {@link #run} takes it from there. */
    private void fail(Trade trade, SagaStep step, ContractRejectedException refused) {
        String code = apiCode(refused.code());
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            trades.stepFinished(trade.id(), step, StepStatus.FAILED, now, null, null,
                    refused.code() + ": " + refused.detail());
            trades.update(trades.find(trade.id()).orElseThrow().failing(code, refused.detail(), now));
        });
    }

    private void beginCompensation(Trade trade, SagaStep step, String code, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            trades.stepFinished(trade.id(), step, StepStatus.FAILED, now, null, null, reason);
            trades.update(trades.find(trade.id()).orElseThrow().failing(code, reason, now));
        });
    }

    private void recordWaiting(Trade trade, SagaStep step, String why) {
        QuarkusTransaction.requiringNew().run(() -> trades.stepFinished(trade.id(), step, StepStatus.STARTED,
                Instant.now(), null, null, "waiting: " + why));
    }

    /** The contract's code as the trade's failure code: the API's own name where there is one. */
    static String apiCode(String contractCode) {
        return switch (contractCode) {
            case "ASSET_LOCKED", "ASSET_FROZEN", "ASSET_NOT_LOCKED" -> ErrorCode.ASSET_NOT_TRADABLE.name();
            case "NOT_OWNER", "HOLDING_PERIOD", "TRANSFER_CAP", "SELF_TRADE", "WORK_NOT_TRADABLE", "WORK_REVOKED" ->
                contractCode;
            default -> ErrorCode.CONTRACT_REJECTED.name();
        };
    }

    private CommittedTransaction submit(String transaction, String... args) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.submit(LedgerIdentity.EXCHANGE, transaction, args);
            } catch (TransactionConflictException conflict) {
                if (attempt >= CONFLICT_RETRIES) {
                    throw new Unavailable("the ledger kept rejecting " + transaction + " as a conflict");
                }
            }
        }
    }

    private List<SettlementSplit.Share> creatorsOf(String workId) {
        JsonNode work = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", workId));
        List<SettlementSplit.Share> out = new ArrayList<>();
        for (JsonNode c : work.path("creators")) {
            out.add(new SettlementSplit.Share(c.path("accountId").asText(), c.path("shareBps").asInt()));
        }
        return out;
    }

    /** A step that could not be completed now and will be tried again. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
