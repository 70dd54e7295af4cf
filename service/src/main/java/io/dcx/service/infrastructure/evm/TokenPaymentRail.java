package io.dcx.service.infrastructure.evm;

import io.dcx.service.application.money.Wallet;
import io.dcx.service.application.money.Wallets;
import io.dcx.service.application.port.PaymentRail;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import io.dcx.service.infrastructure.evm.EcnyPayoutStore.Payout;
import io.dcx.service.infrastructure.evm.EcnyPayoutStore.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The e-CNY token rail ({@code ecny}): customers pay in by transferring tokens from a registered wallet to the
 * exchange's escrow address (credited by {@link TokenDepositWatcher}); payouts transfer tokens from the escrow to
 * the account's first registered wallet. Its cash is mirrored in {@code rail:ecny:clearing}.
 *
 * <p>A payout never pays twice for one reference (the withdrawal id). The transfer is signed offline with an
 * explicit nonce and committed to {@code ecny_payout} before it is broadcast; a second call with the same
 * reference, after a crash or a rolled-back withdrawal, re-sends that very transaction (same nonce, same hash), so
 * at most one of them can ever be mined. A payout signed in this call whose broadcast was refused at the
 * connection (certainly not delivered) is ABANDONED, which frees its nonce for the next payout; before an ABANDONED
 * payout is signed again, its first transaction is looked up once more, in case it was mined after all.
 * {@link PayoutRebroadcaster} sends payouts the node lost again and fills gaps in the escrow's nonces.
 */
@ApplicationScoped
public class TokenPaymentRail implements PaymentRail {
    public static final String NAME = "ecny";
    private static final Logger LOG = Logger.getLogger(TokenPaymentRail.class);

    private final EcnyConfig config;
    private final EvmNode node;
    private final EcnyPayoutStore payouts;
    private final Wallets wallets;

    public TokenPaymentRail(EcnyConfig config, EvmNode node, EcnyPayoutStore payouts, Wallets wallets) {
        this.config = config;
        this.node = node;
        this.payouts = payouts;
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Deposits on this rail are not requested: they arrive on chain and the watcher credits them. */
    @Override
    public Transfer collect(String accountId, Money amount, String reference) {
        throw new DcxException(ErrorCode.INVALID_RAIL, "deposits on the ecny rail arrive on chain: transfer eCNY from a"
                + " registered wallet to the escrow " + (config.enabled() ? escrowAddress() : "(rail not enabled)"));
    }

    @Override
    public Transfer payOut(String accountId, Money amount, String reference) {
        requireEnabled();
        Optional<Payout> earlier = payouts.find(reference);
        Payout payout;
        boolean fresh;
        if (earlier.isPresent() && earlier.get().status() == Status.ABANDONED) {
            // Given up as undelivered, or its nonce went to another transaction: if it was mined after all, that is
            // the payment; signing a second one would pay twice.
            Optional<Transfer> mined = outcomeOf(earlier.get());
            if (mined.isPresent()) {
                return mined.get();
            }
        }
        if (earlier.isPresent() && earlier.get().status() != Status.ABANDONED) {
            payout = earlier.get();
            if (!payout.accountId().equals(accountId) || payout.amountFen() != amount.fen()) {
                throw new DcxException(ErrorCode.HOLD_CONFLICT, "payout " + reference
                        + " was signed for another account or amount");
            }
            if (payout.status() == Status.MINED) {
                return new Transfer(payout.txHash(), true, null);
            }
            if (payout.status() == Status.REVERTED) {
                return new Transfer(payout.txHash(), false, "the token transfer reverted on chain");
            }
            fresh = false;
        } else {
            Wallet wallet = wallets.payoutWallet(accountId).orElseThrow(() -> new DcxException(
                    ErrorCode.WALLET_REQUIRED, "register a wallet (POST /api/v1/accounts/me/wallets) to be paid"
                            + " on the ecny rail"));
            String escrow = escrowAddress();
            long nodeNonce = node.pendingNonce(escrow);
            payout = payouts.prepare(reference, accountId, wallet.address(), amount.fen(), escrow, nodeNonce,
                    nonce -> sign(nonce, wallet.address(), amount.fen()));
            fresh = true;
        }
        return broadcastAndWait(payout, fresh);
    }

    /** The transfer as mined, marked so, or empty if the node has no receipt for it. */
    Optional<Transfer> outcomeOf(Payout payout) {
        Optional<TransactionReceipt> receipt = node.receipt(payout.txHash());
        if (receipt.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = receipt.get().isStatusOK();
        payouts.mark(payout.reference(), ok ? Status.MINED : Status.REVERTED,
                receipt.get().getBlockNumber().longValueExact());
        return Optional.of(ok ? new Transfer(payout.txHash(), true, null)
                : new Transfer(payout.txHash(), false, "the token transfer reverted on chain"));
    }

    private Transfer broadcastAndWait(Payout payout, boolean fresh) {
        try {
            node.sendRaw(payout.rawTx());
        } catch (EvmNode.NodeUnreachable e) {
            if (fresh) {
                payouts.mark(payout.reference(), Status.ABANDONED, null);
                throw e;
            }
            // Signed and perhaps delivered before: it may still be mined, so the caller must not give up on it.
            // PayoutRebroadcaster sends it again once the node is back.
            throw new DcxException(ErrorCode.PAYMENT_RAIL_UNAVAILABLE, e.detail()
                    + "; payout " + payout.txHash() + " is signed and will be sent again",
                    Map.of("rail", NAME, "txHash", payout.txHash()));
        } catch (EvmNode.NodeRefused e) {
            // "already known" / "nonce too low": an earlier broadcast of this transaction (or of the one that used
            // its nonce) arrived; the receipt decides. Anything else, for a transaction signed just now, means the
            // node will not take it: give its nonce back and fail the payout.
            String message = e.getMessage().toLowerCase(Locale.ROOT);
            boolean seenBefore = message.contains("known") || message.contains("nonce too low")
                    || message.contains("already");
            if (!seenBefore && fresh) {
                payouts.mark(payout.reference(), Status.ABANDONED, null);
                return new Transfer(payout.txHash(), false, "the node refused the transfer: " + e.getMessage());
            }
            if (!seenBefore) {
                LOG.warnf("re-broadcast of payout %s (%s) refused: %s", payout.reference(), payout.txHash(),
                        e.getMessage());
            }
        }
        if (payout.status() == Status.SIGNED) {
            payouts.mark(payout.reference(), Status.SENT, null);
        }
        // The request that signed the payout waits for it (a node mining at once answers in milliseconds); a
        // repeat only looks once: PayoutRebroadcaster sees it through, and the settlement recovery, which repeats
        // payouts one trade after another, must not wait on each.
        long deadline = System.nanoTime() + (fresh ? config.receiptTimeout().toNanos() : 0);
        while (true) {
            Optional<Transfer> mined = outcomeOf(payout);
            if (mined.isPresent()) {
                return mined.get();
            }
            if (System.nanoTime() > deadline) {
                throw new DcxException(ErrorCode.PAYMENT_RAIL_UNAVAILABLE, "payout " + payout.txHash()
                        + " was sent but is not mined yet; repeating the request resumes it",
                        Map.of("rail", NAME, "txHash", payout.txHash()));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DcxException(ErrorCode.PAYMENT_RAIL_UNAVAILABLE, "interrupted waiting for " + payout.txHash());
            }
        }
    }

    EcnyPayoutStore.Signed sign(long nonce, String to, long fen) {
        Function transfer = new Function("transfer", List.of(new Address(to), new Uint256(BigInteger.valueOf(fen))),
                List.of());
        RawTransaction raw = RawTransaction.createTransaction(BigInteger.valueOf(nonce),
                BigInteger.valueOf(config.gasPriceWei()), BigInteger.valueOf(config.gasLimit()), tokenAddress(),
                BigInteger.ZERO, FunctionEncoder.encode(transfer));
        String hex = Numeric.toHexString(TransactionEncoder.signMessage(raw, config.chainId(), credentials()));
        return new EcnyPayoutStore.Signed(Hash.sha3(hex), hex);
    }

    /**
     * A transaction that does nothing but use up {@code nonce}: no value, to the escrow itself. It fills a gap
     * in the escrow's nonces, which would otherwise keep every later payout from being mined.
     */
    String signNonceFiller(long nonce) {
        RawTransaction raw = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce),
                BigInteger.valueOf(config.gasPriceWei()), BigInteger.valueOf(21_000), escrowAddress(), BigInteger.ZERO);
        return Numeric.toHexString(TransactionEncoder.signMessage(raw, config.chainId(), credentials()));
    }

    void requireEnabled() {
        if (!config.enabled()) {
            throw new DcxException(ErrorCode.PAYMENT_RAIL_UNAVAILABLE, "the ecny rail is not enabled (dcx.ecny.enabled)",
                    Map.of("rail", NAME));
        }
    }

    private Credentials credentials() {
        String key = config.escrowKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "dcx.ecny.escrow-key is not set (DCX_ECNY_ESCROW_KEY)"));
        return Credentials.create(key);
    }

    /** The escrow's address, lower case. */
    public String escrowAddress() {
        return credentials().getAddress().toLowerCase(Locale.ROOT);
    }

    /** The token contract's address, lower case. */
    public String tokenAddress() {
        return config.tokenAddress().filter(a -> !a.isBlank()).orElseThrow(() -> new IllegalStateException(
                "dcx.ecny.token-address is not set (DCX_ECNY_TOKEN_ADDRESS)")).toLowerCase(Locale.ROOT);
    }
}
