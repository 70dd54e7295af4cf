package io.dcx.service.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.api.EvmTestResource;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.money.Wallets;
import io.dcx.service.application.port.JournalStore;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.SagaStep;
import io.dcx.service.domain.board.StepStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import io.dcx.service.domain.board.TradeStepRecord;
import io.dcx.service.domain.money.BookAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Settlement on the e-CNY rail ({@code dcx.board.settlement-rail=ecny}) against a real ganache node: after the chain
 * settled and the journal credited the seller, the saga's PAY_OUT step pays the seller's net out of the exchange's
 * escrow to the seller's wallet; a seller without a wallet keeps the net in the book balance. The buyer pays with
 * money on the internal rail either way. Each test ends with {@link BoardInvariants#check()}.
 */
@QuarkusTest
@TestProfile(EcnySettlementProfile.class)
class EcnySettlementTest {
    private static final long PRICE = 10_000;
    // Primary sale: 2.5 % fee, no royalties.
    private static final long FEE = 250;
    private static final long NET = PRICE - FEE;

    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    Purchases purchases;
    @Inject
    TradeStore trades;
    @Inject
    Wallets wallets;
    @Inject
    JournalStore journal;

    EvmTestResource.Chain chain;
    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void needsTheNode() {
        chain = EvmTestResource.requireChain();
        policyBefore = board.policy();
    }

    @AfterEach
    void invariantsHold() {
        if (policyBefore != null) {
            board.restorePolicy(policyBefore);
        }
        invariants.check();
    }

    @Test
    void aSellerWithAWalletIsPaidTheNetOutOfTheEscrowOnChain() throws Exception {
        Party creator = board.approved("ecny-creator", 0);
        Party buyer = board.approved("ecny-buyer", 50_000);
        Credentials wallet = chain.newCustomer();
        assertThat(wallets.register(creator.actor(), wallet.getAddress()).created()).isTrue();
        // The escrow holds the tokens behind the rail's clearing balance; fund it for this payout.
        chain.mint(EvmTestResource.Chain.escrow(), NET);
        Listing listing = board.fixedPrice(creator, board.editions(1, PRICE, creator).assetIds().get(0), PRICE);
        long escrowBefore = chain.balanceOf(EvmTestResource.Chain.escrow());
        long clearingBefore = journal.balanceFromLines(BookAccount.railClearing("ecny")).fen();
        long feesBefore = board.exchangeFees();

        Trade trade = purchases.buy(buyer.actor(), listing.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.rail()).isEqualTo("ecny");
        assertThat(trade.split().fee().fen()).isEqualTo(FEE);
        assertThat(trade.split().royalties()).isEmpty();
        assertThat(trade.split().sellerNet().fen()).isEqualTo(NET);
        List<TradeStepRecord> steps = trades.steps(trade.id());
        assertThat(steps).extracting(TradeStepRecord::step).containsExactly(SagaStep.HOLD_FUNDS, SagaStep.LOCK_ASSET,
                SagaStep.SETTLE_ON_CHAIN, SagaStep.POST_JOURNAL, SagaStep.PAY_OUT);
        assertThat(steps).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.DONE));

        // The payout is a system withdrawal on the rail; its rail reference is the token transfer's hash.
        String txHash = board.kyc().text("SELECT rail_reference FROM withdrawal WHERE account_id = ?1 AND rail = 'ecny'"
                + " AND status = 'COMPLETED'", creator.accountId());
        assertThat(txHash).startsWith("0x");
        TradeStepRecord payOut = steps.get(4);
        assertThat(payOut.detail()).startsWith("paid out on ecny: ").contains(txHash);
        TransactionReceipt receipt = chain.web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt()
                .orElseThrow();
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getFrom()).isEqualToIgnoringCase(EvmTestResource.Chain.escrow());

        assertThat(chain.balanceOf(wallet.getAddress())).as("seller's wallet").isEqualTo(NET);
        assertThat(escrowBefore - chain.balanceOf(EvmTestResource.Chain.escrow())).as("paid from the escrow")
                .isEqualTo(NET);
        assertThat(board.available(creator)).as("the net left the seller's balance").isZero();
        assertThat(board.held(creator)).isZero();
        assertThat(journal.balanceFromLines(BookAccount.railClearing("ecny")).fen() - clearingBefore)
                .as("rail clearing mirrors the tokens paid out").isEqualTo(NET);
        assertThat(board.available(buyer)).as("the buyer paid the price").isEqualTo(50_000 - PRICE);
        assertThat(board.held(buyer)).isZero();
        assertThat(board.exchangeFees() - feesBefore).isEqualTo(FEE);
        assertThat(board.chainAsset(listing.assetId()).path("ownerId").asText()).isEqualTo(buyer.accountId());
    }

    @Test
    void aSellerWithoutAWalletIsSettledAndKeepsTheNetInTheBalance() throws Exception {
        Party creator = board.approved("ecny-nowallet", 0);
        Party buyer = board.approved("ecny-buyer", 50_000);
        Listing listing = board.fixedPrice(creator, board.editions(1, PRICE, creator).assetIds().get(0), PRICE);
        long escrowBefore = chain.balanceOf(EvmTestResource.Chain.escrow());
        long clearingBefore = journal.balanceFromLines(BookAccount.railClearing("ecny")).fen();

        Trade trade = purchases.buy(buyer.actor(), listing.id());

        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trade.rail()).isEqualTo("ecny");
        assertThat(trade.split().sellerNet().fen()).isEqualTo(NET);
        TradeStepRecord payOut = trades.steps(trade.id()).stream().filter(s -> s.step() == SagaStep.PAY_OUT)
                .findFirst().orElseThrow();
        assertThat(payOut.status()).isEqualTo(StepStatus.DONE);
        assertThat(payOut.detail()).contains("WALLET_REQUIRED").contains("the proceeds stay in the balance");
        assertThat(board.available(creator)).as("the seller keeps the net").isEqualTo(NET);
        assertThat(board.held(creator)).isZero();
        assertThat(board.kyc().count("SELECT count(*) FROM withdrawal WHERE account_id = ?1", creator.accountId()))
                .as("no payout on record").isZero();
        assertThat(chain.balanceOf(EvmTestResource.Chain.escrow())).as("no tokens left the escrow")
                .isEqualTo(escrowBefore);
        assertThat(journal.balanceFromLines(BookAccount.railClearing("ecny")).fen()).isEqualTo(clearingBefore);
        assertThat(board.available(buyer)).isEqualTo(50_000 - PRICE);
        assertThat(board.held(buyer)).isZero();
    }
}
