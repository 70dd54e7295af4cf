package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.anchor.AnchorLeafRecorder;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AnchorChain;
import io.dcx.service.application.port.AnchorStore;
import io.dcx.service.domain.anchor.AnchorLeaf;
import io.dcx.service.domain.anchor.MerkleTree;
import io.dcx.tools.DcxTools;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import io.dcx.service.domain.RandomIds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Anchoring against a real ganache node ({@link AnchorEvmTestResource}): works registered and a trade settled on the
 * chain become leaves, an operator anchors them, the proofs verify with the standalone verifier (its command class in
 * process, and once as a process), tampered proofs fail, and a work registered after the anchor is ANCHOR_PENDING.
 */
@QuarkusTest
@QuarkusTestResource(value = AnchorEvmTestResource.class, restrictToAnnotatedClass = true)
class AnchoringTest {
    private static final String TERMS = "cd".repeat(32);

    @Inject
    RightsFixtures fixtures;
    @Inject
    AnchorLeafRecorder recorder;
    @Inject
    AnchorStore store;
    @Inject
    AnchorChain chain;

    @BeforeEach
    void needsTheNode() {
        Assumptions.assumeTrue(AnchorEvmTestResource.available(),
                "DCX_TEST_EVM_URL / DCX_TEST_EVM_ARTIFACTS not set: run through ./dcx test (under CI=true this fails)");
    }

    private void awaitLeaves(long block) {
        RightsFixtures.await(() -> recorder.appliedThrough() >= block, "the anchoring leaves up to block " + block);
    }

    record Verdict(int exit, String out) {
    }

    private static Verdict verify(String proofJson, String contract) throws Exception {
        Path file = Files.createTempFile("proof", ".json");
        Files.writeString(file, proofJson);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DcxTools());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("verify-proof", "--rpc", AnchorEvmTestResource.rpcUrl, "--contract", contract,
                file.toString());
        return new Verdict(exit, out.toString());
    }

    private static String proof(String workId) {
        return given().get("/api/v1/audit/proofs/" + workId).then().statusCode(200)
                .contentType("application/json").extract().asString();
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void anchoredProofsVerifyOnChainAndTamperedOnesFail() throws Exception {
        List<RightsFixtures.ChainWork> works = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            works.add(fixtures.workOnChain("alice", "Anchored work " + i));
        }
        String workId = works.get(0).id();
        fixtures.editionsOnChain(workId, "alice", 1, 5000);
        String assetId = workId + "-1";
        String tradeId = RandomIds.next("tr_");
        String buyer = fixtures.account("anchor-buyer-" + RandomIds.next(""));
        fixtures.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", assetId, tradeId, fixtures.account("alice"),
                buyer, TERMS);
        CommittedTransaction settled = fixtures.submit(LedgerIdentity.EXCHANGE, "assets:SettleTrade", assetId, tradeId,
                buyer, TERMS);
        awaitLeaves(settled.blockNumber());
        AnchorStore.StoredLeaf tradeLeaf = QuarkusTransaction.requiringNew()
                .call(() -> store.leaf(AnchorLeaf.Kind.TRADE, tradeId)).orElseThrow();
        assertThat(tradeLeaf.canonical()).isEqualTo(AnchorLeaf.trade(tradeId, assetId, buyer, TERMS, settled.txId(),
                settled.blockNumber()).canonical());

        given().get("/api/v1/audit/proofs/" + workId).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ANCHOR_PENDING"));

        JsonNode run = RightsFixtures.JSON.readTree(given().post("/api/v1/audit/anchors").then().statusCode(201)
                .body("anchored", equalTo(true)).body("anchor.status", equalTo("ANCHORED"))
                .body("pendingLeaves", equalTo(0)).extract().asString());
        long index = run.path("anchor").path("index").asLong();
        assertThat(run.path("anchor").path("toSeq").asLong()).isGreaterThanOrEqualTo(tradeLeaf.seq());
        AnchorChain.OnChain onChain = chain.anchorAt(index).orElseThrow();
        assertThat(onChain.root()).isEqualTo(run.path("anchor").path("root").asText());
        assertThat(onChain.count()).isEqualTo(run.path("anchor").path("count").asInt());
        // Nothing new: a second run anchors nothing.
        given().post("/api/v1/audit/anchors").then().statusCode(200).body("anchored", equalTo(false));

        String contract = AnchorEvmTestResource.contract;
        for (RightsFixtures.ChainWork work : works) {
            String json = proof(work.id());
            JsonNode p = RightsFixtures.JSON.readTree(json);
            assertThat(p.path("leaf").path("fields").path("contentHash").asText()).isEqualTo(work.contentHash());
            assertThat(p.path("leaf").path("fields").path("txId").asText()).isEqualTo(work.txId());
            assertThat(p.path("anchor").path("index").asLong()).isEqualTo(index);
            assertThat(p.path("anchor").path("evmTxHash").asText()).startsWith("0x");
            assertThat(p.path("root").asText()).isEqualTo(onChain.root());
            Verdict ok = verify(json, contract);
            assertThat(ok.exit()).as(ok.out()).isZero();
            assertThat(ok.out()).startsWith("VALID");
        }

        String json = proof(workId);
        ObjectNode p = (ObjectNode) RightsFixtures.JSON.readTree(json);
        // One byte of a sibling.
        if (p.path("path").size() > 0) {
            ObjectNode sibling = (ObjectNode) p.path("path").get(0);
            String h = sibling.path("hash").asText();
            sibling.put("hash", (h.charAt(0) == '0' ? "1" : "0") + h.substring(1));
            Verdict bad = verify(p.toString(), contract);
            assertThat(bad.exit()).as(bad.out()).isEqualTo(1);
            assertThat(bad.out()).startsWith("INVALID");
        }
        // Another content hash, with the canonical text and hash made to match it (a consistent lie).
        ObjectNode lie = (ObjectNode) RightsFixtures.JSON.readTree(json);
        ((ObjectNode) lie.path("leaf").path("fields")).put("contentHash", "ee".repeat(32));
        ((ObjectNode) lie.path("leaf")).remove(List.of("canonical", "hash"));
        Verdict lied = verify(lie.toString(), contract);
        assertThat(lied.exit()).as(lied.out()).isEqualTo(1);
        assertThat(lied.out()).contains("INVALID: the path folds to");
        // The right proof against another contract (the proof names the one it claims; the verifier trusts only its own).
        ObjectNode elsewhere = (ObjectNode) RightsFixtures.JSON.readTree(json);
        ((ObjectNode) elsewhere.path("anchor")).put("contract", "0x" + "1".repeat(40));
        assertThat(verify(elsewhere.toString(), "0x" + "1".repeat(40)).exit()).isEqualTo(1);

        // Once as a separate process, with nothing but the proof file and the chain.
        Path file = Files.createTempFile("proof", ".json");
        Files.writeString(file, json);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DcxTools.class.getName(), "verify-proof", "--rpc",
                AnchorEvmTestResource.rpcUrl, "--contract", contract, file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).startsWith("VALID");

        // A work registered after the anchor is pending until the next one.
        RightsFixtures.ChainWork later = fixtures.workOnChain("alice", "After the anchor");
        awaitLeaves(later.blockNumber());
        given().get("/api/v1/audit/proofs/" + later.id()).then().statusCode(409).body("code", equalTo("ANCHOR_PENDING"));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void anAnchorStoredButNeverBroadcastIsFinishedByTheNextRun() throws Exception {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Anchored after a crash");
        awaitLeaves(work.blockNumber());
        // What a run does up to the crash: sign the anchor and store it SENT; the broadcast never happens.
        long fromSeq = chain.nextSeq();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long toSeq = store.lastSeq();
            List<AnchorStore.StoredLeaf> leaves = store.leaves(fromSeq, toSeq);
            String root = new MerkleTree(leaves.stream().map(l -> java.util.HexFormat.of().parseHex(l.leafHash()))
                    .toList()).rootHex();
            AnchorChain.Signed signed = chain.sign(root, fromSeq, toSeq, leaves.size());
            return store.insertSent(new AnchorStore.NewAnchor(chain.contractAddress(), chain.chainId(), root, fromSeq,
                    toSeq, leaves.size(), signed.txHash(), signed.signedTx(), "test-crash", java.time.Instant.now()));
        });
        assertThat(chain.receipt(QuarkusTransaction.requiringNew().call(() -> store.byId(id)).orElseThrow()
                .evmTxHash())).isEmpty();

        given().post("/api/v1/audit/anchors").then().statusCode(201)
                .body("anchor.id", equalTo((int) id)).body("anchor.status", equalTo("ANCHORED"));
        AnchorStore.Anchor anchored = QuarkusTransaction.requiringNew().call(() -> store.byId(id)).orElseThrow();
        assertThat(chain.anchorAt(anchored.anchorIndex()).orElseThrow().root()).isEqualTo(anchored.root());
        assertThat(chain.nextSeq()).isEqualTo(anchored.toSeq() + 1);
        Verdict ok = verify(proof(work.id()), AnchorEvmTestResource.contract);
        assertThat(ok.exit()).as(ok.out()).isZero();
        // The same bytes once more change nothing on chain (the nonce is used).
        chain.broadcast(anchored.signedTx());
        assertThat(chain.nextSeq()).isEqualTo(anchored.toSeq() + 1);
    }

    @Test
    void realKeycloakOperatorAnchorsAndRegulatorReadsTheProof() throws Exception {
        Assumptions.assumeTrue(System.getenv("DCX_TEST_OIDC_URL") != null || "true".equals(System.getenv("CI")),
                "DCX_TEST_OIDC_URL not set");
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Anchored with real tokens");
        awaitLeaves(work.blockNumber());
        String rita = RealKeycloakTest.tokenFor("rita");
        given().auth().oauth2(rita).post("/api/v1/audit/anchors").then().statusCode(403);
        given().auth().oauth2(RealKeycloakTest.tokenFor("olivia")).post("/api/v1/audit/anchors").then()
                .statusCode(201).body("anchor.status", equalTo("ANCHORED"));
        String json = given().auth().oauth2(rita).get("/api/v1/audit/proofs/" + work.id()).then().statusCode(200)
                .extract().asString();
        assertThat(verify(json, AnchorEvmTestResource.contract).exit()).isZero();
        given().auth().oauth2(RealKeycloakTest.tokenFor("bob")).get("/api/v1/audit/proofs/" + work.id()).then()
                .statusCode(200);
    }
}
