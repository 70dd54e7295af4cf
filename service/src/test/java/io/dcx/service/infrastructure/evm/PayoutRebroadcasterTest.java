package io.dcx.service.infrastructure.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.api.EvmTestResource;
import io.dcx.service.api.KycFixtures;
import io.dcx.service.application.port.PaymentRail;
import io.dcx.service.domain.money.Money;
import io.dcx.service.infrastructure.evm.EcnyPayoutStore.Payout;
import io.dcx.service.infrastructure.evm.EcnyPayoutStore.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * Payouts the node lost or never got, against a real ganache node: {@link PayoutRebroadcaster} sends them again,
 * fills a gap in the escrow's nonces that keeps later payouts from being mined, and gives up a payout whose nonce
 * went to another transaction; {@link TokenPaymentRail} never pays twice for a payout it gave up that was mined
 * after all. Payouts are signed here without being sent, which is what a crash or a node restart leaves behind.
 */
@QuarkusTest
@QuarkusTestResource(value = EvmTestResource.class, restrictToAnnotatedClass = true)
class PayoutRebroadcasterTest {
    @Inject
    KycFixtures fixtures;
    @Inject
    TokenPaymentRail rail;
    @Inject
    EcnyPayoutStore payouts;
    @Inject
    EvmNode node;
    @Inject
    PayoutRebroadcaster rebroadcaster;

    EvmTestResource.Chain chain;

    @BeforeEach
    void needsTheNode() throws Exception {
        chain = EvmTestResource.requireChain();
        chain.mint(EvmTestResource.Chain.escrow(), 10_000);
        // Whatever an earlier test left unfinished is seen through first, so each test starts from a clean sequence.
        rebroadcaster.round();
        rebroadcaster.round();
    }

    /** An approved account with a fresh payout wallet. */
    private Seller seller(String prefix) throws Exception {
        String account = fixtures.approved(KycFixtures.newSubject(prefix));
        Credentials wallet = chain.newCustomer();
        fixtures.execute("INSERT INTO ecny_wallet (address, account_id, registered_at) VALUES (?1, ?2, now())",
                wallet.getAddress().toLowerCase(), account);
        return new Seller(account, wallet.getAddress().toLowerCase());
    }

    private record Seller(String account, String wallet) {
    }

    /** Signs and stores a payout without sending it, dated a minute back (no request is still sending it). */
    private Payout signedOnly(Seller seller, long fen) {
        String escrow = rail.escrowAddress();
        Payout payout = payouts.prepare("test-" + UUID.randomUUID(), seller.account(), seller.wallet(), fen, escrow,
                node.pendingNonce(escrow), nonce -> rail.sign(nonce, seller.wallet(), fen));
        fixtures.execute("UPDATE ecny_payout SET created_at = created_at - interval '1 minute' WHERE reference = ?1",
                payout.reference());
        return payout;
    }

    private Status status(Payout payout) {
        return payouts.find(payout.reference()).orElseThrow().status();
    }

    @Test
    void aPayoutTheNodeNeverGotIsSentAgainAndEndsMined() throws Exception {
        Seller seller = seller("rebroadcast");
        Payout payout = signedOnly(seller, 300);
        assertThat(node.receipt(payout.txHash())).isEmpty();

        PayoutRebroadcaster.Round round = rebroadcaster.round();
        assertThat(round.resent()).isEqualTo(1);
        // The node answers the hash and mines just after (as a real node does): the next round finds the receipt.
        awaitReceipt(payout);
        assertThat(rebroadcaster.round().mined()).isEqualTo(1);

        assertThat(status(payout)).isEqualTo(Status.MINED);
        assertThat(chain.balanceOf(seller.wallet())).isEqualTo(300);
        // Repeating the payout answers the mined transfer and pays nothing more.
        PaymentRail.Transfer again = rail.payOut(seller.account(), Money.fen(300), payout.reference());
        assertThat(again.completed()).isTrue();
        assertThat(again.railReference()).isEqualTo(payout.txHash());
        assertThat(chain.balanceOf(seller.wallet())).isEqualTo(300);
    }

    @Test
    void aGapInTheEscrowsNoncesIsFilledSoLaterPayoutsAreMined() throws Exception {
        Seller first = seller("gap-first");
        Seller second = seller("gap-second");
        Payout abandoned = signedOnly(first, 200);
        Payout later = signedOnly(second, 250);
        assertThat(later.nonce()).isEqualTo(abandoned.nonce() + 1);
        // The later one reaches the node, the earlier one never does: the node holds the later one back.
        node.sendRaw(later.rawTx());
        payouts.mark(later.reference(), Status.SENT, null);
        payouts.mark(abandoned.reference(), Status.ABANDONED, null);
        assertThat(node.receipt(later.txHash())).isEmpty();

        PayoutRebroadcaster.Round round = rebroadcaster.round();
        assertThat(round.filled()).containsExactly(abandoned.nonce());
        awaitReceipt(later);
        rebroadcaster.round();
        assertThat(status(later)).isEqualTo(Status.MINED);
        assertThat(chain.balanceOf(second.wallet())).isEqualTo(250);

        // The abandoned payout's owner repeats it: signed anew with another nonce, and paid once.
        PaymentRail.Transfer retried = rail.payOut(first.account(), Money.fen(200), abandoned.reference());
        assertThat(retried.completed()).isTrue();
        assertThat(payouts.find(abandoned.reference()).orElseThrow().nonce()).isGreaterThan(later.nonce());
        assertThat(chain.balanceOf(first.wallet())).isEqualTo(200);
    }

    @Test
    void aPayoutGivenUpThatWasMinedAfterAllIsNotPaidAgain() throws Exception {
        Seller seller = seller("abandoned-mined");
        Payout payout = signedOnly(seller, 120);
        node.sendRaw(payout.rawTx());
        awaitReceipt(payout);
        // What a broadcast that failed at this end but reached the node leaves behind.
        payouts.mark(payout.reference(), Status.ABANDONED, null);

        PaymentRail.Transfer transfer = rail.payOut(seller.account(), Money.fen(120), payout.reference());
        assertThat(transfer.completed()).isTrue();
        assertThat(transfer.railReference()).isEqualTo(payout.txHash());
        assertThat(status(payout)).isEqualTo(Status.MINED);
        assertThat(chain.balanceOf(seller.wallet())).isEqualTo(120);
    }

    @Test
    void aPayoutWhoseNonceWentToAnotherTransactionIsGivenUpAndSignedAgain() throws Exception {
        Seller seller = seller("nonce-taken");
        Payout payout = signedOnly(seller, 90);
        // Another transaction of the escrow takes the nonce (here: a filler sent behind the payouts' back).
        node.sendRaw(rail.signNonceFiller(payout.nonce()));
        for (int i = 0; i < 100 && node.minedNonce(rail.escrowAddress()) <= payout.nonce(); i++) {
            Thread.sleep(50);
        }
        assertThat(node.minedNonce(rail.escrowAddress())).isGreaterThan(payout.nonce());

        assertThat(rebroadcaster.round().abandoned()).isEqualTo(1);
        assertThat(status(payout)).isEqualTo(Status.ABANDONED);
        assertThat(chain.balanceOf(seller.wallet())).isZero();

        PaymentRail.Transfer retried = rail.payOut(seller.account(), Money.fen(90), payout.reference());
        assertThat(retried.completed()).isTrue();
        assertThat(retried.railReference()).isNotEqualTo(payout.txHash());
        assertThat(chain.balanceOf(seller.wallet())).isEqualTo(90);
    }

    private void awaitReceipt(Payout payout) throws InterruptedException {
        for (int i = 0; i < 100 && node.receipt(payout.txHash()).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(node.receipt(payout.txHash())).as("receipt of %s", payout.txHash()).isPresent();
    }
}
