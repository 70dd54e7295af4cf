package io.dcx.service.infrastructure.anchor;

import io.dcx.service.application.anchor.AnchoringConfig;
import io.dcx.service.application.port.AnchorChain;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.infrastructure.evm.JdkHttpService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** DcxAnchor through web3j (no generated wrappers): offline-signed transactions from the anchoring key, eth_call reads. */
@ApplicationScoped
public class EvmAnchorChain implements AnchorChain {
    static final Event ANCHORED = new Event("Anchored", List.of(new TypeReference<Uint256>(true) {
    }, new TypeReference<Bytes32>() {
    }, new TypeReference<Uint64>() {
    }, new TypeReference<Uint64>() {
    }, new TypeReference<Uint32>() {
    }));

    private final AnchoringConfig config;
    private volatile Web3j web3j;

    public EvmAnchorChain(AnchoringConfig config) {
        this.config = config;
    }

    @FunctionalInterface
    interface RpcCall<T extends Response<?>> {
        T send(Web3j web3j) throws IOException;
    }

    @Override
    public String contractAddress() {
        return config.contractAddress().filter(a -> !a.isBlank()).map(a -> a.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new DcxException(ErrorCode.ANCHORING_DISABLED,
                        "no anchoring contract is configured (dcx.anchoring.contract-address)"));
    }

    @Override
    public long chainId() {
        return config.chainId();
    }

    @Override
    public long nextSeq() {
        Function f = new Function("nextSeq", List.of(), List.of(new TypeReference<Uint64>() {
        }));
        List<Type> out = read(f);
        return ((BigInteger) out.get(0).getValue()).longValueExact();
    }

    @Override
    public Signed sign(String rootHex, long fromSeq, long toSeq, int count) {
        Credentials key = credentials();
        long nonce = call("eth_getTransactionCount",
                w -> w.ethGetTransactionCount(key.getAddress(), DefaultBlockParameterName.PENDING).send())
                .getTransactionCount().longValueExact();
        Function anchor = new Function("anchor", List.of(new Bytes32(HexFormat.of().parseHex(rootHex)),
                new Uint64(fromSeq), new Uint64(toSeq), new Uint32(count)), List.of());
        RawTransaction raw = RawTransaction.createTransaction(BigInteger.valueOf(nonce),
                BigInteger.valueOf(config.gasPriceWei()), BigInteger.valueOf(config.gasLimit()), contractAddress(),
                BigInteger.ZERO, FunctionEncoder.encode(anchor));
        byte[] signed = TransactionEncoder.signMessage(raw, config.chainId(), key);
        return new Signed(Numeric.toHexString(Hash.sha3(signed)), Numeric.toHexString(signed));
    }

    @Override
    public void broadcast(String signedTx) {
        var sent = call0("eth_sendRawTransaction", w -> w.ethSendRawTransaction(signedTx).send());
        if (sent.hasError()) {
            String message = String.valueOf(sent.getError().getMessage()).toLowerCase(java.util.Locale.ROOT);
            // The same bytes again: the node has them already, or they are mined (their nonce is used).
            if (!message.contains("already") && !message.contains("known") && !message.contains("nonce")) {
                throw unavailable("the node refused the anchor transaction: " + sent.getError().getMessage());
            }
        }
    }

    @Override
    public Optional<Receipt> receipt(String txHash) {
        Optional<TransactionReceipt> found = call("eth_getTransactionReceipt",
                w -> w.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TransactionReceipt r = found.get();
        long block = r.getBlockNumber().longValueExact();
        EthBlock.Block header = call("eth_getBlockByNumber", w -> w.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(r.getBlockNumber()), false).send()).getBlock();
        Instant time = header == null ? null : Instant.ofEpochSecond(header.getTimestamp().longValueExact());
        Long index = null;
        String topic = EventEncoder.encode(ANCHORED);
        for (Log log : r.getLogs()) {
            if (log.getAddress().equalsIgnoreCase(contractAddress()) && !log.getTopics().isEmpty()
                    && log.getTopics().get(0).equalsIgnoreCase(topic)) {
                index = Numeric.toBigInt(log.getTopics().get(1)).longValueExact();
            }
        }
        return Optional.of(new Receipt(r.isStatusOK() && index != null, block, time, index));
    }

    @Override
    public Optional<OnChain> anchorAt(long index) {
        Function f = new Function("anchorAt", List.of(new Uint256(index)), List.of(new TypeReference<Bytes32>() {
        }, new TypeReference<Uint64>() {
        }, new TypeReference<Uint64>() {
        }, new TypeReference<Uint32>() {
        }, new TypeReference<Uint64>() {
        }));
        List<Type> out = read(f);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OnChain(HexFormat.of().formatHex((byte[]) out.get(0).getValue()),
                ((BigInteger) out.get(1).getValue()).longValueExact(), ((BigInteger) out.get(2).getValue()).longValueExact(),
                ((BigInteger) out.get(3).getValue()).intValueExact(),
                Instant.ofEpochSecond(((BigInteger) out.get(4).getValue()).longValueExact())));
    }

    private List<Type> read(Function f) {
        var answer = call0("eth_call", w -> w.ethCall(Transaction.createEthCallTransaction(null, contractAddress(),
                FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST).send());
        if (answer.hasError() || answer.isReverted()) {
            return List.of();
        }
        return FunctionReturnDecoder.decode(answer.getValue(), f.getOutputParameters());
    }

    private Credentials credentials() {
        String key = config.key().filter(k -> !k.isBlank()).orElseThrow(() -> new DcxException(
                ErrorCode.ANCHORING_DISABLED, "no anchoring key is configured (DCX_ANCHORING_KEY)"));
        return Credentials.create(key);
    }

    private Web3j client() {
        Web3j current = web3j;
        if (current == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = Web3j.build(new JdkHttpService(config.rpcUrl(), config.rpcTimeout()));
                }
                current = web3j;
            }
        }
        return current;
    }

    private <T extends Response<?>> T call(String method, RpcCall<T> rpc) {
        T response = call0(method, rpc);
        if (response.hasError()) {
            throw unavailable(method + ": " + response.getError().getMessage());
        }
        return response;
    }

    private <T extends Response<?>> T call0(String method, RpcCall<T> rpc) {
        try {
            return rpc.send(client());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DcxException dcx) {
                throw dcx;
            }
            throw unavailable("the anchoring node (" + config.rpcUrl() + ") did not answer " + method + ": " + e);
        }
    }

    private DcxException unavailable(String detail) {
        return new DcxException(ErrorCode.ANCHOR_CHAIN_UNAVAILABLE, detail, Map.of("rpcUrl", config.rpcUrl()));
    }

    @PreDestroy
    void close() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }
}
