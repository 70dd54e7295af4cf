package io.dcx.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * verify-proof against a stand-in JSON-RPC node that answers {@code anchorAt} with a chosen root (the real contract
 * on ganache is exercised by the service's AnchoringTest): a three-leaf tree built by hand, VALID for the right
 * proof, INVALID for a flipped sibling byte, another content hash, a wrong position or another contract, ERROR
 * (exit 2) for an unreadable proof.
 */
class VerifyProofCommandTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String CONTRACT = "0x" + "ab".repeat(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer node;
    private final AtomicReference<String> root = new AtomicReference<>();
    private final AtomicReference<String> lastCall = new AtomicReference<>();
    private String[] canonical;
    private byte[][] leaf;

    @BeforeEach
    void startNode() throws Exception {
        canonical = new String[] {
            "dcx-leaf-v1|work|w1|" + "11".repeat(32) + "|tx1|3",
            "dcx-leaf-v1|work|w2|" + "22".repeat(32) + "|tx2|4",
            "dcx-leaf-v1|trade|t1|w1-1|acc-b|" + "33".repeat(32) + "|tx3|5"};
        leaf = new byte[3][];
        for (int i = 0; i < 3; i++) {
            leaf[i] = VerifyProofCommand.leafHash(canonical[i]);
        }
        // Three leaves: ((l0, l1), l2) - the odd third is promoted.
        root.set(HEX.formatHex(VerifyProofCommand.node(VerifyProofCommand.node(leaf[0], leaf[1]), leaf[2])));
        node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastCall.set(request);
            // anchorAt(0): root, fromSeq 10, toSeq 12, count 3, anchoredAt 1700000000; any other index reverts.
            String answer = request.contains(VerifyProofCommand.ANCHOR_AT + "0".repeat(64))
                    ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + root.get() + "%064x%064x%064x%064x"
                            .formatted(10, 12, 3, 1_700_000_000L) + "\"}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"execution reverted\"}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        node.start();
    }

    @AfterEach
    void stopNode() {
        node.stop(0);
    }

    private ObjectNode proofOfLeaf1() {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("format", "dcx-proof-v1");
        ObjectNode l = proof.putObject("leaf");
        l.put("kind", "work");
        l.put("seq", 11);
        ObjectNode fields = l.putObject("fields");
        fields.put("workId", "w2");
        fields.put("contentHash", "22".repeat(32));
        fields.put("txId", "tx2");
        fields.put("blockNumber", 4);
        l.put("canonical", canonical[1]);
        l.put("hash", HEX.formatHex(leaf[1]));
        proof.put("leafIndex", 1);
        proof.put("leafCount", 3);
        ArrayNode path = proof.putArray("path");
        path.addObject().put("side", "left").put("hash", HEX.formatHex(leaf[0]));
        path.addObject().put("side", "right").put("hash", HEX.formatHex(leaf[2]));
        proof.put("root", root.get());
        ObjectNode anchor = proof.putObject("anchor");
        anchor.put("index", 0);
        anchor.put("contract", CONTRACT);
        return proof;
    }

    record Run(int exit, String out) {
    }

    private Run run(String proofJson, String contract) throws Exception {
        Path file = Files.createTempFile("proof", ".json");
        Files.writeString(file, proofJson);
        StringWriter out = new StringWriter();
        CommandLine cli = DcxTools.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("verify-proof", "--rpc", "http://127.0.0.1:" + node.getAddress().getPort(),
                "--contract", contract, file.toString());
        return new Run(exit, out.toString());
    }

    @Test
    void aProofThatFoldsToTheRootOnChainIsValid() throws Exception {
        Run ok = run(proofOfLeaf1().toString(), CONTRACT);
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().startsWith("VALID"), ok.out());
        assertTrue(lastCall.get().contains("\"to\":\"" + CONTRACT + "\""), lastCall.get());
        // The contract address is compared without regard to case (EIP-55 checksums).
        assertEquals(0, run(proofOfLeaf1().toString(), CONTRACT.toUpperCase().replace("0X", "0x")).exit());
    }

    @Test
    void tamperedProofsAreInvalid() throws Exception {
        ObjectNode sibling = proofOfLeaf1();
        String h = sibling.path("path").get(0).path("hash").asText();
        ((ObjectNode) sibling.path("path").get(0)).put("hash", (h.charAt(0) == 'f' ? "e" : "f") + h.substring(1));
        assertInvalid(run(sibling.toString(), CONTRACT), "the path folds to");

        ObjectNode content = proofOfLeaf1();
        ((ObjectNode) content.path("leaf").path("fields")).put("contentHash", "44".repeat(32));
        assertInvalid(run(content.toString(), CONTRACT), "canonical text does not match");
        ((ObjectNode) content.path("leaf")).remove(List.of("canonical", "hash"));
        assertInvalid(run(content.toString(), CONTRACT), "the path folds to");

        ObjectNode position = proofOfLeaf1();
        position.put("leafIndex", 0);
        position.remove("leaf");
        position.set("leaf", proofOfLeaf1().path("leaf").deepCopy());
        ((ObjectNode) position.path("leaf")).put("seq", 10);
        assertInvalid(run(position.toString(), CONTRACT), "the path folds to");

        ObjectNode shortPath = proofOfLeaf1();
        ((ArrayNode) shortPath.path("path")).remove(1);
        assertInvalid(run(shortPath.toString(), CONTRACT), "does not fit");

        ObjectNode noAnchor = proofOfLeaf1();
        ((ObjectNode) noAnchor.path("anchor")).put("index", 1);
        assertInvalid(run(noAnchor.toString(), CONTRACT), "no anchor 1");

        assertInvalid(run(proofOfLeaf1().toString(), "0x" + "cd".repeat(20)), "names contract");

        root.set("00".repeat(32));
        assertInvalid(run(proofOfLeaf1().toString(), CONTRACT), "the path folds to");
    }

    @Test
    void unreadableInputIsAnErrorNotAVerdict() throws Exception {
        Run garbage = run("{not json", CONTRACT);
        assertEquals(2, garbage.exit(), garbage.out());
        assertTrue(garbage.out().startsWith("ERROR"), garbage.out());
        assertEquals(2, run(proofOfLeaf1().toString(), "not-an-address").exit());
    }

    @Test
    void foldPromotesTheOddNodeAndRefusesPathsOfTheWrongLength() {
        byte[] r = VerifyProofCommand.fold(leaf[2], 2, 3, List.of(VerifyProofCommand.node(leaf[0], leaf[1])));
        assertEquals(root.get(), HEX.formatHex(r));
        assertNull(VerifyProofCommand.fold(leaf[2], 2, 3, List.of()));
        assertNull(VerifyProofCommand.fold(leaf[0], 3, 3, List.of()));
        assertEquals(HEX.formatHex(leaf[0]), HEX.formatHex(VerifyProofCommand.fold(leaf[0], 0, 1, List.of())));
    }

    private static void assertInvalid(Run run, String reason) {
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().startsWith("INVALID: ") && run.out().contains(reason), run.out());
    }
}
