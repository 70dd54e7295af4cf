package io.dcx.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The standalone proof verifier: checks a dcx inclusion proof ("dcx-proof-v1", from GET /api/v1/audit/proofs/{id})
 * against the DcxAnchor contract on an EVM chain, with no access to the service or its database. It trusts only
 * the RPC endpoint and the contract address given on the command line, never the proof's own claims about them:
 * <ol>
 *   <li>rebuilds the leaf's canonical text from the proof's fields and hashes it (SHA-256 of 0x00 || text);</li>
 *   <li>reads {@code anchorAt(index)} from the contract (eth_call): the root, the leaf range and the count;</li>
 *   <li>folds the sibling path from the leaf's position and the on-chain count (SHA-256 of 0x01 || left || right,
 *       positional pairs, an odd last node promoted), and compares the result with the on-chain root.</li>
 * </ol>
 * Exit 0 and "VALID" when the root matches; 1 and "INVALID: reason" when the proof does not hold; 2 and
 * "ERROR: reason" when it cannot be checked (unreadable proof, node unreachable).
 */
@Command(
        name = "verify-proof",
        mixinStandardHelpOptions = true,
        description = {
                "Verify a dcx inclusion proof against the anchoring contract on an EVM chain (no service needed).",
                "Prints VALID (exit 0), INVALID: <reason> (exit 1) or ERROR: <reason> (exit 2)."})
public final class VerifyProofCommand implements Callable<Integer> {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int ERROR = 2;
    static final String FORMAT = "dcx-proof-v1";
    static final String LEAF_VERSION = "dcx-leaf-v1";
    /** Selector of {@code anchorAt(uint256)}: the first 4 bytes of its Keccak-256 (solc methodIdentifiers). */
    static final String ANCHOR_AT = "16994960";
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern FIELD = Pattern.compile("[\\x21-\\x7e&&[^|]]{1,200}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "The EVM node's JSON-RPC endpoint.")
    String rpc;

    @Option(names = "--contract", required = true, paramLabel = "ADDRESS",
            description = "The DcxAnchor contract (trusted; the proof's own contract field must match it).")
    String contract;

    @Option(names = "--proof-url", paramLabel = "URL",
            description = "Fetch the proof from this URL (e.g. http://host/api/v1/audit/proofs/<workId>).")
    String proofUrl;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token for --proof-url (default: the DCX_TOKEN environment variable).")
    String token;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROOF_JSON", description = "The proof file.")
    Path proofFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A proof that does not hold. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode proof;
        try {
            if (!ADDRESS.matcher(contract).matches()) {
                throw new IllegalArgumentException("--contract is not an address: " + contract);
            }
            proof = readProof();
        } catch (IOException | IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ERROR: interrupted");
            return ERROR;
        }
        try {
            String summary = verify(proof);
            out.println("VALID");
            out.println(summary);
            return VALID;
        } catch (Invalid e) {
            out.println("INVALID: " + e.getMessage());
            return INVALID;
        } catch (IOException e) {
            err.println("ERROR: " + e.getMessage());
            return ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ERROR: interrupted");
            return ERROR;
        }
    }

    private JsonNode readProof() throws IOException, InterruptedException {
        if ((proofFile == null) == (proofUrl == null)) {
            throw new IllegalArgumentException("give exactly one of PROOF_JSON and --proof-url");
        }
        if (proofFile != null) {
            return JSON.readTree(Files.readString(proofFile, StandardCharsets.UTF_8));
        }
        String bearer = token != null ? token : System.getenv("DCX_TOKEN");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proofUrl)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null && !bearer.isBlank()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> answer = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + proofUrl + " answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Checks the proof; answers a one-line summary, or throws Invalid with the reason. */
    String verify(JsonNode proof) throws Invalid, IOException, InterruptedException {
        if (!FORMAT.equals(proof.path("format").asText())) {
            throw new Invalid("not a " + FORMAT + " proof (format " + proof.path("format") + ")");
        }
        JsonNode anchor = proof.path("anchor");
        if (!contract.equalsIgnoreCase(anchor.path("contract").asText())) {
            throw new Invalid("the proof names contract " + anchor.path("contract").asText() + ", not " + contract);
        }
        String canonical = canonical(proof.path("leaf"));
        if (proof.path("leaf").has("canonical") && !canonical.equals(proof.path("leaf").path("canonical").asText())) {
            throw new Invalid("the leaf's canonical text does not match its fields");
        }
        byte[] leafHash = leafHash(canonical);
        if (proof.path("leaf").has("hash") && !HEX.formatHex(leafHash).equals(proof.path("leaf").path("hash").asText())) {
            throw new Invalid("the leaf's hash does not match its fields");
        }
        long index = requireNumber(anchor, "index");
        long leafIndex = requireNumber(proof, "leafIndex");
        List<byte[]> siblings = new ArrayList<>();
        for (JsonNode step : proof.path("path")) {
            String hash = step.path("hash").asText();
            if (!HASH.matcher(hash).matches()) {
                throw new Invalid("a sibling is not a 64-character lowercase hex hash: " + hash);
            }
            siblings.add(HEX.parseHex(hash));
        }
        OnChain onChain = anchorAt(index);
        if (onChain == null) {
            throw new Invalid("the contract has no anchor " + index);
        }
        if (proof.path("leaf").has("seq") && proof.path("leaf").path("seq").asLong() != onChain.fromSeq + leafIndex) {
            throw new Invalid("leaf " + proof.path("leaf").path("seq").asLong() + " is not at position " + leafIndex
                    + " of anchor " + index + " (leaves " + onChain.fromSeq + ".." + onChain.toSeq + ")");
        }
        byte[] root = fold(leafHash, leafIndex, onChain.count, siblings);
        if (root == null) {
            throw new Invalid("the path does not fit position " + leafIndex + " of " + onChain.count + " leaves");
        }
        if (!HEX.formatHex(root).equals(onChain.root)) {
            throw new Invalid("the path folds to " + HEX.formatHex(root) + ", but anchor " + index + " on chain is "
                    + onChain.root);
        }
        return "leaf " + (leafIndex + 1) + " of " + onChain.count + " in anchor " + index + " (root " + onChain.root
                + ", anchored at " + java.time.Instant.ofEpochSecond(onChain.anchoredAt) + ") at " + contract;
    }

    /** The leaf's canonical text, rebuilt from its kind and fields (service/AUDIT.md, "Anchoring and proofs"). */
    static String canonical(JsonNode leaf) throws Invalid {
        JsonNode f = leaf.path("fields");
        List<String> parts = new ArrayList<>();
        parts.add(LEAF_VERSION);
        String kind = leaf.path("kind").asText();
        List<String> names = switch (kind) {
            case "work" -> List.of("workId", "contentHash", "txId", "blockNumber");
            case "trade" -> List.of("tradeId", "assetId", "buyerId", "termsHash", "txId", "blockNumber");
            default -> throw new Invalid("unknown leaf kind '" + kind + "'");
        };
        parts.add(kind);
        for (String name : names) {
            JsonNode value = f.get(name);
            String text = value == null || value.isNull() ? null : value.asText();
            if (text == null || !FIELD.matcher(text).matches()) {
                throw new Invalid("leaf field " + name + " is missing or not a plain value");
            }
            parts.add(text);
        }
        return String.join("|", parts);
    }

    static byte[] leafHash(String canonical) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(canonical.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root the leaf at {@code index} of {@code count} leaves has with these siblings; null if they do not fit. */
    static byte[] fold(byte[] leafHash, long index, long count, List<byte[]> siblings) {
        if (count < 1 || index < 0 || index >= count) {
            return null;
        }
        byte[] running = leafHash;
        int used = 0;
        long i = index;
        long width = count;
        while (width > 1) {
            long sibling = i ^ 1;
            if (sibling < width) {
                if (used == siblings.size()) {
                    return null;
                }
                byte[] other = siblings.get(used++);
                running = sibling < i ? node(other, running) : node(running, other);
            }
            i /= 2;
            width = (width + 1) / 2;
        }
        return used == siblings.size() ? running : null;
    }

    record OnChain(String root, long fromSeq, long toSeq, long count, long anchoredAt) {
    }

    /** {@code anchorAt(index)} by eth_call; null when the contract reverts (no such anchor). */
    OnChain anchorAt(long index) throws IOException, InterruptedException {
        String data = "0x" + ANCHOR_AT + "%064x".formatted(index);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"" + contract
                + "\",\"data\":\"" + data + "\"},\"latest\"]}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(rpc)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the node " + rpc + " answered HTTP " + answer.statusCode());
        }
        JsonNode reply = JSON.readTree(answer.body());
        if (reply.has("error")) {
            String message = reply.path("error").path("message").asText().toLowerCase(Locale.ROOT);
            if (message.contains("revert")) {
                return null;
            }
            throw new IOException("eth_call: " + reply.path("error").path("message").asText());
        }
        String result = reply.path("result").asText().replaceFirst("^0x", "");
        if (result.length() < 5 * 64) {
            return null; // no code at the address, or not a DcxAnchor
        }
        return new OnChain(result.substring(0, 64), word(result, 1).longValueExact(), word(result, 2).longValueExact(),
                word(result, 3).longValueExact(), word(result, 4).longValueExact());
    }

    private static BigInteger word(String hex, int n) {
        return new BigInteger(hex.substring(n * 64, (n + 1) * 64), 16);
    }

    private static long requireNumber(JsonNode node, String name) throws Invalid {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
            throw new Invalid(name + " is missing or not a non-negative number");
        }
        return value.asLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
