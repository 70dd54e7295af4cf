package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The derivation graph: derivatives registered with their parents (through the API or by other clients of the
 * chain) and the lineage query over them, each work once at its shortest distance, bounded in depth.
 */
@QuarkusTest
class LineageResourceTest {

    @Inject
    RightsFixtures fixtures;

    @Inject
    EntityManager em;

    private static JsonPath lineage(String workId) {
        return given().get("/api/v1/works/" + workId + "/lineage").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> depths(JsonPath lineage, String direction) {
        List<Map<String, Object>> nodes = lineage.getList(direction);
        return nodes.stream().collect(Collectors.toMap(n -> (String) n.get("id"), n -> (Integer) n.get("depth")));
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void aDiamondShowsEachWorkOnceAtItsShortestDistance() {
        // A <- B <- C, and D derives from both A and C.
        RightsFixtures.ChainWork a = fixtures.workOnChain("alice", "Original");
        RightsFixtures.ChainWork b = fixtures.workOnChain("dave", "Remix", a.id());
        RightsFixtures.ChainWork c = fixtures.workOnChain("alice", "Remix of the remix", b.id());
        RightsFixtures.ChainWork d = fixtures.workOnChain("dave", "Mash-up", a.id(), c.id());
        fixtures.awaitProjected(d.blockNumber());

        JsonPath ofC = lineage(c.id());
        assertThat(ofC.getString("work.id")).isEqualTo(c.id());
        assertThat(ofC.getString("work.title")).isEqualTo("Remix of the remix");
        assertThat(depths(ofC, "ancestors")).isEqualTo(Map.of(b.id(), 1, a.id(), 2));
        assertThat(depths(ofC, "descendants")).isEqualTo(Map.of(d.id(), 1));
        assertThat(ofC.getList("ancestors.title")).containsExactly("Remix", "Original");
        assertThat(ofC.getBoolean("truncated")).isFalse();
        assertThat(ofC.getInt("maxDepth")).isEqualTo(20);

        JsonPath ofA = lineage(a.id());
        assertThat(ofA.getList("ancestors")).isEmpty();
        assertThat(depths(ofA, "descendants")).isEqualTo(Map.of(b.id(), 1, d.id(), 1, c.id(), 2));
        assertThat(ofA.getList("descendants.depth", Integer.class)).isSorted();

        JsonPath ofD = lineage(d.id());
        assertThat(depths(ofD, "ancestors")).isEqualTo(Map.of(a.id(), 1, c.id(), 1, b.id(), 2));
        assertThat(ofD.getList("descendants")).isEmpty();
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aDerivativeRegisteredThroughTheApiNamesItsParent() {
        String original = RightsFixtures.registerWork("Sketch");
        long height = fixtures.height();
        String child = given()
                .multiPart("file", "derivative.bin", RightsFixtures.uniqueBytes(), "application/octet-stream")
                .multiPart(new MultiPartSpecBuilder("Painting after the sketch").controlName("title")
                        .charset("UTF-8").build())
                .multiPart("kind", "OTHER")
                .multiPart(new MultiPartSpecBuilder("{\"parents\":[\"" + original + "\"]}")
                        .controlName("metadata").charset("UTF-8").build())
                .post("/api/v1/works").then().statusCode(201)
                .extract().path("id");
        // The edge comes from the chain event, through the projector.
        fixtures.awaitProjected(height);
        RightsFixtures.await(() -> !lineage(child).getList("ancestors").isEmpty(), "the parent edge");

        JsonPath ofDerivative = lineage(child);
        assertThat(depths(ofDerivative, "ancestors")).isEqualTo(Map.of(original, 1));
        assertThat(ofDerivative.getList("ancestors.title")).containsExactly("Sketch");
        assertThat(depths(lineage(original), "descendants")).isEqualTo(Map.of(child, 1));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void aLongChainIsCutAtTwentyGenerationsAndSaysSo() {
        // 23 generations in one works:RegisterWorks batch (event WorksRegistered): each names the one before.
        String creator = fixtures.account("alice");
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            batch.add(i == 0
                    ? fixtures.workRequest(creator, "Generation 0")
                    : fixtures.workRequest(creator, "Generation " + i, batch.get(i - 1).path("id").asText()));
        }
        List<String> ids = fixtures.worksOnChainInOneBatch("alice", batch);

        JsonPath ofLast = lineage(ids.get(22));
        assertThat(ofLast.getList("ancestors.depth", Integer.class))
                .isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(ofLast.getList("ancestors.id")).isEqualTo(
                IntStream.rangeClosed(2, 21).map(i -> 22 - i + 1).mapToObj(ids::get).toList());
        assertThat(ofLast.getBoolean("truncated")).isTrue();

        JsonPath ofFirst = lineage(ids.get(0));
        assertThat(ofFirst.getList("descendants")).hasSize(20);
        assertThat(ofFirst.getBoolean("truncated")).isTrue();

        JsonPath ofMiddle = lineage(ids.get(11));
        assertThat(ofMiddle.getList("ancestors")).hasSize(11);
        assertThat(ofMiddle.getList("descendants")).hasSize(11);
        assertThat(ofMiddle.getBoolean("truncated")).isFalse();
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void aCycleInTheEdgesIsWalkedOnce() {
        // The chain cannot make a cycle (parents exist before their children); the walk must not rely on that.
        RightsFixtures.ChainWork x = fixtures.workOnChain("alice", "Cycle X");
        RightsFixtures.ChainWork y = fixtures.workOnChain("alice", "Cycle Y");
        edges("INSERT INTO work_parent (work_id, parent_id, block_number) VALUES (?1, ?2, 0), (?2, ?1, 0)",
                x.id(), y.id());
        try {
            JsonPath ofX = lineage(x.id());
            assertThat(depths(ofX, "ancestors")).isEqualTo(Map.of(y.id(), 1));
            assertThat(depths(ofX, "descendants")).isEqualTo(Map.of(y.id(), 1));
            assertThat(ofX.getBoolean("truncated")).isFalse();
        } finally {
            edges("DELETE FROM work_parent WHERE work_id IN (?1, ?2)", x.id(), y.id());
        }
    }

    private void edges(String sql, String a, String b) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql)
                .setParameter(1, a)
                .setParameter(2, b)
                .executeUpdate());
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void unknownWorksAndMissingTokensAreProblems() {
        long height = fixtures.height();
        given().get("/api/v1/works/wk_doesnotexist/lineage").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("WORK_NOT_FOUND"));
        given().get("/api/v1/works/bad%20id/lineage").then().statusCode(404).body("code", equalTo("WORK_NOT_FOUND"));
        RightsFixtures.ChainWork alone = fixtures.workOnChain("dave", "No family");
        given().get("/api/v1/works/" + alone.id() + "/lineage").then().statusCode(200)
                .body("ancestors", hasSize(0))
                .body("descendants", hasSize(0));
        assertThat(fixtures.height()).isEqualTo(height + 1);
    }

    @Test
    void lineageNeedsAToken() {
        given().get("/api/v1/works/wk_any/lineage").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
