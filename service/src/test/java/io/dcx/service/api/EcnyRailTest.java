package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.dcx.service.application.money.Balances;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.Wallets;
import io.dcx.service.application.money.Withdrawal;
import io.dcx.service.application.port.JournalStore;
import io.dcx.service.application.port.PaymentRail;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.dcx.service.infrastructure.evm.TokenDepositWatcher;
import io.dcx.service.infrastructure.evm.TokenPaymentRail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The e-CNY token rail against a real ganache node ({@link EvmTestResource}): wallets, deposits credited after the
 * confirmations and only once, unmatched senders, payouts on chain, idempotent payouts, and a node that is down.
 * Accounts, wallets and chain keys are fresh per test, so assertions are about changes.
 */
@QuarkusTest
@QuarkusTestResource(value = EvmTestResource.class, restrictToAnnotatedClass = true)
class EcnyRailTest {
    private static final String[] TABLES = {"journal_entry", "deposit", "withdrawal", "money_hold", "ecny_payout",
        "ecny_transfer_in"};

    @Inject
    KycFixtures fixtures;
    @Inject
    Funds funds;
    @Inject
    Balances balances;
    @Inject
    JournalStore journal;
    @Inject
    TokenDepositWatcher watcher;
    @Inject
    TokenPaymentRail rail;
    @Inject
    Wallets wallets;

    EvmTestResource.Chain chain;

    @BeforeEach
    void needsTheNode() throws Exception {
        chain = EvmTestResource.requireChain();
        EvmTestResource.nodeSwitch.on();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, fixtures.rows(table));
        }
        return counts;
    }

    private void registerWallet(String address) {
        given().contentType("application/json").body(Map.of("address", address))
                .post("/api/v1/accounts/me/wallets").then().statusCode(201);
    }

    /** An approved account without the wallets an earlier run registered (fixed test users keep their accounts). */
    private String approvedWithoutWallets(String subject) {
        String account = fixtures.approved(subject);
        fixtures.execute("DELETE FROM ecny_wallet WHERE account_id = ?1", account);
        return account;
    }

    private long available(String subject) {
        return balances.of(fixtures.accountOf(subject)).available().fen();
    }

    @Test
    @TestSecurity(user = "ecny-wallets", roles = "trader")
    void walletsAreValidatedAndBelongToOneAccount() throws Exception {
        approvedWithoutWallets("ecny-wallets");
        fixtures.reset("ecny-wallets");
        String address = Keys.toChecksumAddress(Credentials.create(Keys.createEcKeyPair()).getAddress());
        given().contentType("application/json").body(Map.of("address", address))
                .post("/api/v1/accounts/me/wallets").then().statusCode(403).body("code", equalTo("KYC_REQUIRED"));

        approvedWithoutWallets("ecny-wallets");
        long before = fixtures.rows("ecny_wallet");
        String typo = address.substring(0, 41) + (Character.isUpperCase(address.charAt(41))
                ? Character.toLowerCase(address.charAt(41)) : Character.toUpperCase(address.charAt(41)));
        for (String bad : new String[] {"0x1234", "not an address", address.substring(2), "0x" + "0".repeat(40)}) {
            given().contentType("application/json").body(Map.of("address", bad)).post("/api/v1/accounts/me/wallets")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_WALLET_ADDRESS"));
        }
        if (!typo.equals(address) && !typo.substring(2).equals(typo.substring(2).toLowerCase())) {
            given().contentType("application/json").body(Map.of("address", typo)).post("/api/v1/accounts/me/wallets")
                    .then().statusCode(400).body("code", equalTo("INVALID_WALLET_ADDRESS"));
        }
        assertThat(fixtures.rows("ecny_wallet")).isEqualTo(before);

        registerWallet(address.toLowerCase());
        given().contentType("application/json").body(Map.of("address", address))
                .post("/api/v1/accounts/me/wallets").then().statusCode(200).body("address", equalTo(address));
        given().get("/api/v1/accounts/me/wallets").then().statusCode(200)
                .body("wallets[0].address", equalTo(address))
                .body("wallets[0].payout", equalTo(true))
                .body("escrowAddress", equalTo(Keys.toChecksumAddress(EvmTestResource.Chain.escrow())))
                .body("confirmations", equalTo(2));

        // Another account cannot take it.
        String other = KycFixtures.newSubject("ecny-other");
        fixtures.approved(other);
        assertThatThrownBy(() -> wallets.register(fixtures.actor(other), address))
                .isInstanceOf(DcxException.class)
                .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.WALLET_ALREADY_REGISTERED);
        assertThat(wallets.owner(address.toLowerCase()).orElseThrow().accountId())
                .isEqualTo(fixtures.accountOf("ecny-wallets"));
    }

    @Test
    @TestSecurity(user = "ecny-depositor", roles = "trader")
    void aDepositIsCreditedAfterTheConfirmationsAndOnlyOnce() throws Exception {
        approvedWithoutWallets("ecny-depositor");
        Credentials customer = chain.newCustomer();
        registerWallet(customer.getAddress());
        chain.mint(customer.getAddress(), 10_000);
        watcher.scan();
        long start = available("ecny-depositor");

        long sentAt = System.nanoTime();
        TransactionReceipt paid = chain.transfer(customer, EvmTestResource.Chain.escrow(), 2_500);
        watcher.scan();
        assertThat(available("ecny-depositor")).as("one confirmation is not enough").isEqualTo(start);

        chain.mine(1);
        TokenDepositWatcher.ScanResult scan = watcher.scan();
        long creditedAfterMs = (System.nanoTime() - sentAt) / 1_000_000;
        assertThat(scan.credited()).isGreaterThanOrEqualTo(1);
        assertThat(available("ecny-depositor")).isEqualTo(start + 2_500);
        assertThat(fixtures.count("SELECT count(*) FROM deposit WHERE rail = 'ecny' AND rail_reference = ?1",
                paid.getTransactionHash() + "#" + paid.getLogs().get(0).getLogIndex())).isEqualTo(1);
        System.out.printf("ecny deposit: credited %d ms after the transfer (2 confirmations, scans driven)%n",
                creditedAfterMs);

        // Scanning the same blocks again credits nothing.
        Map<String, Long> before = counts();
        watcher.rewind(chain.deployBlock);
        TokenDepositWatcher.ScanResult again = watcher.scan();
        assertThat(again.credited()).isZero();
        assertThat(again.toBlock()).isGreaterThanOrEqualTo(paid.getBlockNumber().longValueExact());
        assertThat(available("ecny-depositor")).isEqualTo(start + 2_500);
        assertThat(counts()).isEqualTo(before);
        assertThat(journal.balanceFromLines(BookAccount.available(fixtures.accountOf("ecny-depositor"))).fen())
                .isEqualTo(start + 2_500);
    }

    @Test
    void aTransferFromAnUnknownAddressIsRecordedAsUnmatched() throws Exception {
        Credentials stranger = chain.newCustomer();
        chain.mint(stranger.getAddress(), 700);
        watcher.scan();
        long deposits = fixtures.rows("deposit");
        TransactionReceipt paid = chain.transfer(stranger, EvmTestResource.Chain.escrow(), 700);
        chain.mine(1);
        watcher.scan();
        assertThat(fixtures.rows("deposit")).isEqualTo(deposits);
        assertThat(fixtures.text("SELECT status FROM ecny_transfer_in WHERE tx_hash = ?1", paid.getTransactionHash()))
                .isEqualTo("UNMATCHED");
        // An operator sees it, with a real Keycloak token.
        given().auth().oauth2(RealKeycloakTest.tokenFor("olivia"))
                .get("/api/v1/rails/ecny/transfers").then().statusCode(200)
                .body("txHash", hasItem(paid.getTransactionHash()))
                .body("find { it.txHash == '" + paid.getTransactionHash() + "' }.amountUnits", equalTo("700"))
                .body("find { it.txHash == '" + paid.getTransactionHash() + "' }.fromAddress",
                        equalTo(stranger.getAddress().toLowerCase()));
        given().auth().oauth2(RealKeycloakTest.tokenFor("bob")).get("/api/v1/rails/ecny/transfers")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ecny-withdrawer", roles = "trader")
    void aWithdrawalPaysTheWalletOnChainOnceForOneKey() throws Exception {
        approvedWithoutWallets("ecny-withdrawer");
        Credentials customer = chain.newCustomer();
        registerWallet(customer.getAddress());
        funds.deposit(fixtures.actor("ecny-withdrawer"), Money.fen(5_000));
        chain.mint(EvmTestResource.Chain.escrow(), 5_000);
        long start = available("ecny-withdrawer");
        long clearing = journal.balanceFromLines(BookAccount.railClearing("ecny")).fen();
        String key = "ecny-" + UUID.randomUUID();

        String tx = given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("amountFen", 1_200, "rail", "ecny"))
                .post("/api/v1/accounts/me/withdrawals").then().statusCode(201)
                .body("status", equalTo("COMPLETED"))
                .body("rail", equalTo("ecny"))
                .body("railReference", startsWith("0x"))
                .extract().path("railReference");
        assertThat(chain.balanceOf(customer.getAddress())).isEqualTo(1_200);
        assertThat(available("ecny-withdrawer")).isEqualTo(start - 1_200);
        assertThat(journal.balanceFromLines(BookAccount.railClearing("ecny")).fen()).isEqualTo(clearing + 1_200);

        given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("amountFen", 1_200, "rail", "ecny"))
                .post("/api/v1/accounts/me/withdrawals").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("railReference", equalTo(tx));
        assertThat(chain.balanceOf(customer.getAddress())).isEqualTo(1_200);
        assertThat(available("ecny-withdrawer")).isEqualTo(start - 1_200);

        // A retry after a crash that rolled the withdrawal back: the rail re-sends the stored transaction, no new one.
        String reference = "wd_retry_" + UUID.randomUUID();
        PaymentRail.Transfer first = rail.payOut(fixtures.accountOf("ecny-withdrawer"), Money.fen(300), reference);
        PaymentRail.Transfer second = rail.payOut(fixtures.accountOf("ecny-withdrawer"), Money.fen(300), reference);
        assertThat(first.completed()).isTrue();
        assertThat(second.railReference()).isEqualTo(first.railReference());
        assertThat(chain.balanceOf(customer.getAddress())).isEqualTo(1_500);

        given().contentType("application/json").body(Map.of("amountFen", 100, "rail", "swift"))
                .post("/api/v1/accounts/me/withdrawals").then().statusCode(400).body("code", equalTo("INVALID_RAIL"));
    }

    @Test
    @TestSecurity(user = "ecny-nowallet", roles = "trader")
    void aWithdrawalWithoutAWalletIsRefusedAndMovesNothing() {
        approvedWithoutWallets("ecny-nowallet");
        funds.deposit(fixtures.actor("ecny-nowallet"), Money.fen(1_000));
        Map<String, Long> before = counts();
        given().contentType("application/json").body(Map.of("amountFen", 100, "rail", "ecny"))
                .post("/api/v1/accounts/me/withdrawals").then().statusCode(422).body("code", equalTo("WALLET_REQUIRED"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "ecny-outage", roles = "trader")
    void aNodeThatIsDownAnswers503AndNothingMoves() throws Exception {
        approvedWithoutWallets("ecny-outage");
        Credentials customer = chain.newCustomer();
        registerWallet(customer.getAddress());
        funds.deposit(fixtures.actor("ecny-outage"), Money.fen(2_000));
        chain.mint(EvmTestResource.Chain.escrow(), 2_000);
        chain.mint(customer.getAddress(), 400);
        watcher.scan();
        long start = available("ecny-outage");
        Map<String, Long> before = counts();

        EvmTestResource.nodeSwitch.off();
        try {
            given().contentType("application/json").header("Idempotency-Key", "outage-" + UUID.randomUUID())
                    .body(Map.of("amountFen", 500, "rail", "ecny"))
                    .post("/api/v1/accounts/me/withdrawals").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("code", equalTo("PAYMENT_RAIL_UNAVAILABLE"));
            assertThatThrownBy(() -> watcher.scan()).isInstanceOf(DcxException.class)
                    .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.PAYMENT_RAIL_UNAVAILABLE);
            assertThatThrownBy(() -> funds.payOutSystem(fixtures.accountOf("ecny-outage"), Money.fen(10), "ecny",
                    "outage-" + UUID.randomUUID())).isInstanceOf(DcxException.class)
                    .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.PAYMENT_RAIL_UNAVAILABLE);
            // Meanwhile the customer pays in: nothing is lost, the scan after the outage picks it up.
            chain.transfer(customer, EvmTestResource.Chain.escrow(), 400);
            chain.mine(1);
            assertThat(available("ecny-outage")).isEqualTo(start);
            assertThat(balances.of(fixtures.accountOf("ecny-outage")).held().fen()).isZero();
            assertThat(counts()).isEqualTo(before);
            assertThat(chain.balanceOf(customer.getAddress())).isZero();
        } finally {
            EvmTestResource.nodeSwitch.on();
        }
        watcher.scan();
        assertThat(available("ecny-outage")).isEqualTo(start + 400);
        given().contentType("application/json").body(Map.of("amountFen", 500, "rail", "ecny"))
                .post("/api/v1/accounts/me/withdrawals").then().statusCode(201).body("status", equalTo("COMPLETED"));
        assertThat(chain.balanceOf(customer.getAddress())).isEqualTo(500);
    }

    @Test
    void payOutSystemPaysOncePerReference() throws Exception {
        String seller = KycFixtures.newSubject("ecny-seller");
        String account = fixtures.approved(seller);
        Credentials wallet = chain.newCustomer();
        funds.deposit(fixtures.actor(seller), Money.fen(3_000));
        chain.mint(EvmTestResource.Chain.escrow(), 3_000);
        fixtures.execute("INSERT INTO ecny_wallet (address, account_id, registered_at) VALUES (?1, ?2, now())",
                wallet.getAddress().toLowerCase(), account);
        String reference = "trade-" + UUID.randomUUID();

        Withdrawal first = funds.payOutSystem(account, Money.fen(1_000), "ecny", reference);
        assertThat(first.status()).isEqualTo(Withdrawal.Status.COMPLETED);
        assertThat(first.rail()).isEqualTo("ecny");
        assertThat(first.railReference()).startsWith("0x");
        Withdrawal second = funds.payOutSystem(account, Money.fen(1_000), "ecny", reference);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.railReference()).isEqualTo(first.railReference());
        assertThat(chain.balanceOf(wallet.getAddress())).isEqualTo(1_000);
        assertThat(balances.of(account).available().fen()).isEqualTo(2_000);
        assertThatThrownBy(() -> funds.payOutSystem(account, Money.fen(999), "ecny", reference))
                .isInstanceOf(DcxException.class)
                .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.HOLD_CONFLICT);
        assertThatThrownBy(() -> funds.payOutSystem(account, Money.fen(5_000), "ecny", "trade-" + UUID.randomUUID()))
                .isInstanceOf(DcxException.class)
                .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(chain.balanceOf(wallet.getAddress())).isEqualTo(1_000);
    }
}
