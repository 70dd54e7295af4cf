package io.dcx.service.infrastructure.evm;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The EVM node behind the token rail, through web3j. The client is built on first use, so nothing connects while
 * the rail is off. Every failure to reach the node becomes PAYMENT_RAIL_UNAVAILABLE (503);
 * {@link NodeUnreachable} (a subclass of that answer) says the request certainly did not arrive (connection
 * refused), which is what lets a payout give up a signed transaction's nonce.
 */
@ApplicationScoped
public class EvmNode {
    private final EcnyConfig config;
    private volatile Web3j web3j;

    public EvmNode(EcnyConfig config) {
        this.config = config;
    }

    /** The node refused the connection: nothing was delivered. */
    public static final class NodeUnreachable extends DcxException {
        NodeUnreachable(String detail) {
            super(ErrorCode.PAYMENT_RAIL_UNAVAILABLE, detail);
        }
    }

    /** A JSON-RPC error answer (the node got the request and refused it). */
    public static final class NodeRefused extends RuntimeException {
        NodeRefused(String method, Response.Error error) {
            super(method + ": " + error.getMessage());
        }
    }

    @FunctionalInterface
    interface RpcCall<T extends Response<?>> {
        T send(Web3j web3j) throws IOException;
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

    <T extends Response<?>> T call(String method, RpcCall<T> call) {
        T response;
        try {
            response = call.send(client());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NodeUnreachable("the e-CNY node (" + config.rpcUrl() + ") is not reachable: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DcxException dcx) {
                throw dcx;
            }
            throw new DcxException(ErrorCode.PAYMENT_RAIL_UNAVAILABLE,
                    "the e-CNY node (" + config.rpcUrl() + ") did not answer " + method + ": " + e,
                    Map.of("rail", TokenPaymentRail.NAME));
        }
        if (response.hasError()) {
            throw new NodeRefused(method, response.getError());
        }
        return response;
    }

    public long blockNumber() {
        return call("eth_blockNumber", w -> w.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    /** The block's hash, or empty if the node has no block of that number (yet). */
    public Optional<String> blockHash(long number) {
        EthBlock.Block block = call("eth_getBlockByNumber",
                w -> w.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send())
                .getBlock();
        return Optional.ofNullable(block).map(EthBlock.Block::getHash);
    }

    /** Logs of {@code address} with these topics (null: any) in the block range, inclusive. */
    public List<Log> logs(String address, long fromBlock, long toBlock, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), address);
        for (String topic : topics) {
            if (topic == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(topic);
            }
        }
        EthLog answer = call("eth_getLogs", w -> w.ethGetLogs(filter).send());
        return answer.getLogs().stream().map(r -> (Log) r.get()).toList();
    }

    /** The account's next nonce counting transactions the node holds but has not mined. */
    public long pendingNonce(String address) {
        return call("eth_getTransactionCount",
                w -> w.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send())
                .getTransactionCount().longValueExact();
    }

    /** The account's next nonce counting only mined transactions. */
    public long minedNonce(String address) {
        return call("eth_getTransactionCount",
                w -> w.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send())
                .getTransactionCount().longValueExact();
    }

    /** Broadcasts a signed transaction; answers the hash the node reports. */
    public String sendRaw(String signedHex) {
        return call("eth_sendRawTransaction", w -> w.ethSendRawTransaction(signedHex).send()).getTransactionHash();
    }

    public Optional<TransactionReceipt> receipt(String txHash) {
        return call("eth_getTransactionReceipt", w -> w.ethGetTransactionReceipt(txHash).send())
                .getTransactionReceipt();
    }

    /** eth_call at the latest block; answers the raw return data. */
    public String ethCall(String from, String to, String data) {
        return call("eth_call", w -> w.ethCall(Transaction.createEthCallTransaction(from, to, data),
                DefaultBlockParameterName.LATEST).send()).getValue();
    }

    @PreDestroy
    void close() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }
}
