package io.dcx.service.api;

import com.sun.net.httpserver.HttpServer;
import io.dcx.service.infrastructure.evm.JdkHttpService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;

/**
 * A real EVM node for the token rail's tests: deploys ECnyToken from the compiled artifacts
 * ({@code DCX_TEST_EVM_ARTIFACTS}) on {@code DCX_TEST_EVM_URL} (ganache started by ./dcx test, deterministic
 * accounts: (0) issues, (1) is the escrow), and points the service at it through {@link NodeSwitch}, a plain HTTP
 * forwarder the tests can turn off to take the node away. Without the variables the rail stays off and the tests
 * skip, except under CI=true, where this fails.
 */
public class EvmTestResource implements QuarkusTestResourceLifecycleManager {
    static final long CHAIN_ID = 1337;
    static final String ISSUER_KEY = "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";
    static final String ESCROW_KEY = "0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1";

    public static volatile Chain chain;
    static volatile NodeSwitch nodeSwitch;

    public static boolean available() {
        return chain != null;
    }

    /**
     * The chain, for a test's {@code @BeforeEach}; skips the test when there is no node (under CI=true the resource
     * has failed already).
     */
    public static Chain requireChain() {
        Assumptions.assumeTrue(available(),
                "DCX_TEST_EVM_URL / DCX_TEST_EVM_ARTIFACTS not set: run through ./dcx test (under CI=true this fails)");
        return chain;
    }

    @Override
    public Map<String, String> start() {
        String url = System.getenv("DCX_TEST_EVM_URL");
        String artifacts = System.getenv("DCX_TEST_EVM_ARTIFACTS");
        if (url == null || url.isBlank() || artifacts == null || artifacts.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: DCX_TEST_EVM_URL and DCX_TEST_EVM_ARTIFACTS are not set;"
                        + " ./dcx test starts ganache and sets them");
            }
            return Map.of();
        }
        try {
            Chain c = new Chain(url);
            String bin = Files.readString(Path.of(artifacts, "ECnyToken.bin")).strip();
            TransactionReceipt deployed = c.send(Credentials.create(ISSUER_KEY), null, "0x" + bin, BigInteger.ZERO);
            c.token = deployed.getContractAddress();
            c.deployBlock = deployed.getBlockNumber().longValueExact();
            NodeSwitch forwarder = new NodeSwitch(url);
            forwarder.on();
            chain = c;
            nodeSwitch = forwarder;
            return Map.of("dcx.ecny.enabled", "true",
                    "dcx.ecny.rpc-url", forwarder.url(),
                    "dcx.ecny.chain-id", Long.toString(CHAIN_ID),
                    "dcx.ecny.token-address", c.token,
                    "dcx.ecny.escrow-key", ESCROW_KEY,
                    "dcx.ecny.start-block", Long.toString(c.deployBlock),
                    "dcx.ecny.confirmations", "2");
        } catch (IOException e) {
            throw new IllegalStateException("could not deploy ECnyToken on " + url, e);
        }
    }

    @Override
    public void stop() {
        if (nodeSwitch != null) {
            nodeSwitch.off();
        }
    }

    /** Direct access to the node (not through the switch): deploy, mint, transfer, mine, read balances. */
    public static final class Chain {
        final JdkHttpService service;
        public final Web3j web3j;
        String token;
        long deployBlock;

        Chain(String url) {
            this.service = new JdkHttpService(url, Duration.ofSeconds(10));
            this.web3j = Web3j.build(service);
        }

        public static String escrow() {
            return Credentials.create(ESCROW_KEY).getAddress();
        }

        TransactionReceipt send(Credentials from, String to, String data, BigInteger wei) throws IOException {
            BigInteger nonce = web3j.ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            RawTransaction raw = to == null
                    ? RawTransaction.createContractTransaction(nonce, BigInteger.valueOf(2_000_000_000L),
                            BigInteger.valueOf(3_000_000), wei, data)
                    : RawTransaction.createTransaction(nonce, BigInteger.valueOf(2_000_000_000L),
                            BigInteger.valueOf(200_000), to, wei, data);
            String hex = Numeric.toHexString(TransactionEncoder.signMessage(raw, CHAIN_ID, from));
            var sent = web3j.ethSendRawTransaction(hex).send();
            if (sent.hasError()) {
                throw new IOException(sent.getError().getMessage());
            }
            for (int i = 0; i < 100; i++) {
                var receipt = web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
                sleep(100);
            }
            throw new IOException("no receipt for " + sent.getTransactionHash());
        }

        /** A fresh customer key with 1 ETH for gas. */
        public Credentials newCustomer() throws Exception {
            Credentials customer = Credentials.create(Keys.createEcKeyPair());
            send(Credentials.create(ISSUER_KEY), customer.getAddress(), "0x", new BigInteger("1000000000000000000"));
            return customer;
        }

        public TransactionReceipt mint(String to, long fen) throws IOException {
            return send(Credentials.create(ISSUER_KEY), token, FunctionEncoder.encode(new Function("mint",
                    List.of(new Address(to), new Uint256(fen)), List.of())), BigInteger.ZERO);
        }

        TransactionReceipt transfer(Credentials from, String to, long fen) throws IOException {
            return send(from, token, FunctionEncoder.encode(new Function("transfer",
                    List.of(new Address(to), new Uint256(fen)), List.of())), BigInteger.ZERO);
        }

        public long balanceOf(String who) throws IOException {
            Function f = new Function("balanceOf", List.of(new Address(who)), List.of(new TypeReference<Uint256>() {
            }));
            String out = web3j.ethCall(Transaction.createEthCallTransaction(null, token, FunctionEncoder.encode(f)),
                    DefaultBlockParameterName.LATEST).send().getValue();
            return ((BigInteger) FunctionReturnDecoder.decode(out, f.getOutputParameters()).get(0).getValue())
                    .longValueExact();
        }

        long head() throws IOException {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        }

        void mine(int blocks) throws IOException {
            for (int i = 0; i < blocks; i++) {
                new Request<>("evm_mine", List.of(), service, VoidResponse.class).send();
            }
        }
    }

    /**
     * Forwards JSON-RPC POSTs to the node. {@link #off} closes the port (connections refused: the node is down for
     * the service); {@link #on} opens it again on the same port.
     */
    static final class NodeSwitch {
        private final URI target;
        private final int port;
        private final HttpClient http = HttpClient.newHttpClient();
        private HttpServer server;

        NodeSwitch(String target) throws IOException {
            this.target = URI.create(target);
            try (ServerSocket probe = new ServerSocket(0)) {
                this.port = probe.getLocalPort();
            }
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        synchronized void on() throws IOException {
            if (server != null) {
                return;
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(target)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes())).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        synchronized void off() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
