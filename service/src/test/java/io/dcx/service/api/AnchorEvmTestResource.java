package io.dcx.service.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.web3j.crypto.Credentials;

/**
 * The anchoring contract on the test EVM node: deploys a fresh DcxAnchor from ganache's deterministic account (2)
 * (the anchoring key, as in ./dcx up) on {@code DCX_TEST_EVM_URL} and turns anchoring on. Without the variables
 * anchoring stays off and the tests skip, except under CI=true, where this fails.
 */
public class AnchorEvmTestResource implements QuarkusTestResourceLifecycleManager {
    static final String ANCHOR_KEY = "0x6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c";

    static volatile EvmTestResource.Chain chain;
    static volatile String contract;
    static volatile String rpcUrl;

    static boolean available() {
        return contract != null;
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
            EvmTestResource.Chain c = new EvmTestResource.Chain(url);
            String bin = Files.readString(Path.of(artifacts, "DcxAnchor.bin")).strip();
            String address = c.send(Credentials.create(ANCHOR_KEY), null, "0x" + bin, BigInteger.ZERO)
                    .getContractAddress();
            chain = c;
            rpcUrl = url;
            contract = address;
            return Map.of("dcx.anchoring.enabled", "true",
                    "dcx.anchoring.rpc-url", url,
                    "dcx.anchoring.chain-id", Long.toString(EvmTestResource.CHAIN_ID),
                    "dcx.anchoring.contract-address", address,
                    "dcx.anchoring.key", ANCHOR_KEY);
        } catch (IOException e) {
            throw new IllegalStateException("could not deploy DcxAnchor on " + url, e);
        }
    }

    @Override
    public void stop() {
        contract = null;
    }
}
