package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.dcx.service.domain.Work;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Uploads that are refused: each answers its 4xx as problem+json and leaves nothing behind: no block, no work row,
 * no review row, no stored file. {@code %test} sets {@code dcx.upload.max-bytes} to 1 MiB.
 */
@QuarkusTest
class WorkUploadRefusalTest {
    static final int MAX_BYTES = 1024 * 1024;

    @Inject
    RegistrationFixtures fixtures;

    @TestHTTPResource("/api/v1/works")
    URI works;

    private static ValidatableResponse upload(byte[] bytes, String kind, String metadata) {
        var request = given().multiPart("file", "upload.bin", bytes, "application/octet-stream")
                .multiPart("title", "Refused")
                .multiPart("kind", kind);
        if (metadata != null) {
            request = request.multiPart("metadata", metadata);
        }
        return request.when().post("/api/v1/works").then().contentType("application/problem+json");
    }

    private void assertNothingWritten(RegistrationFixtures.Footprint before, byte[]... uploads) {
        assertThat(fixtures.footprint()).isEqualTo(before);
        for (byte[] upload : uploads) {
            assertThat(fixtures.stored(upload)).isFalse();
        }
    }

    private static byte[] image() {
        return TestImages.png(TestImages.freshScene());
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void wrongSharesAreRefused() {
        String alice = fixtures.account("alice").value();
        String dave = fixtures.account("dave").value();
        byte[] png = image();
        RegistrationFixtures.Footprint before = fixtures.footprint();

        String[] wrong = {
            "{\"creators\":[{\"accountId\":\"" + alice + "\",\"shareBps\":6000},{\"accountId\":\"" + dave
                    + "\",\"shareBps\":3000}]}",                                            // 9000
            "{\"creators\":[{\"accountId\":\"" + alice + "\",\"shareBps\":6000},{\"accountId\":\"" + dave
                    + "\",\"shareBps\":5000}]}",                                            // 11000
            "{\"creators\":[{\"accountId\":\"" + dave + "\",\"shareBps\":10000}]}",          // not the registrant
            "{\"creators\":[{\"accountId\":\"" + alice + "\",\"shareBps\":5000},{\"accountId\":\"" + alice
                    + "\",\"shareBps\":5000}]}",                                            // twice
            "{\"creators\":[{\"accountId\":\"" + alice + "\",\"shareBps\":10001},{\"accountId\":\"" + dave
                    + "\",\"shareBps\":-1}]}",                                              // out of range
            "{\"creators\":[{\"accountId\":\"" + alice + "\",\"shareBps\":\"10000\"}]}",     // not a number
            "{\"creators\":[]}",
            "{\"creators\":\"" + alice + "\"}",
        };
        for (String metadata : wrong) {
            upload(png, "IMAGE", metadata).statusCode(422).body("code", equalTo("INVALID_SHARES"));
        }
        StringBuilder many = new StringBuilder("{\"creators\":[{\"accountId\":\"" + alice + "\",\"shareBps\":9980}");
        for (int i = 0; i < 20; i++) {
            many.append(",{\"accountId\":\"acc_other").append(i).append("\",\"shareBps\":1}");
        }
        upload(png, "IMAGE", many.append("]}").toString()).statusCode(422)
                .body("code", equalTo("INVALID_SHARES")).body("detail", containsString("at most 20"));
        assertNothingWritten(before, png);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void anUnknownParentIsRefusedByName() {
        byte[] png = image();
        RegistrationFixtures.Footprint before = fixtures.footprint();
        upload(png, "IMAGE", "{\"parents\":[\"wk_doesnotexist\"]}").statusCode(422)
                .body("code", equalTo("PARENT_NOT_FOUND"))
                .body("parentWorkId", equalTo("wk_doesnotexist"))
                .body("detail", containsString("wk_doesnotexist"));
        upload(png, "IMAGE", "{\"parents\":[\"not a work id\"]}").statusCode(422)
                .body("code", equalTo("PARENT_NOT_FOUND"));
        upload(png, "IMAGE", "{\"parents\":\"wk_x\"}").statusCode(400).body("code", equalTo("INVALID_METADATA"));
        assertNothingWritten(before, png);
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void aRefusedNearCopyOpensNoReview() {
        BufferedImage scene = TestImages.freshScene();
        fixtures.registered("alice", TestImages.png(scene), "Original", "IMAGE", null, "image/png");
        byte[] copy = TestImages.resizedJpeg(scene, 200, 0.7f);
        RegistrationFixtures.Footprint before = fixtures.footprint();
        upload(copy, "IMAGE", "{\"parents\":[\"wk_doesnotexist\"]}").statusCode(422);
        upload(copy, "IMAGE", "{\"creators\":[]}").statusCode(422);
        upload(copy, "IMAGE", "{\"broken").statusCode(400);
        assertNothingWritten(before, copy);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void brokenMetadataIsRefused() {
        byte[] png = image();
        RegistrationFixtures.Footprint before = fixtures.footprint();
        upload(png, "IMAGE", "{\"creators\": [").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        upload(png, "IMAGE", "\"just a string\"").statusCode(400).body("code", equalTo("INVALID_METADATA"));
        upload(png, "IMAGE", "{\"licenceDefaults\": 7}").statusCode(400).body("code", equalTo("INVALID_METADATA"));
        upload(png, "IMAGE", "{\"description\": []}").statusCode(400).body("code", equalTo("INVALID_METADATA"));
        assertNothingWritten(before, png);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void largeMetadataWithinItsLimitIsAccepted() {
        // Vert.x' default form attribute limit is 2 KiB; metadata may be up to 64 KiB.
        String note = "x".repeat(20_000);
        given().multiPart("file", "a.png", image(), "image/png").multiPart("title", "Long notes")
                .multiPart("kind", "IMAGE").multiPart("metadata", "{\"notes\":\"" + note + "\"}")
                .post("/api/v1/works").then().statusCode(201);
        given().multiPart("file", "a.png", image(), "image/png").multiPart("title", "Too long notes")
                .multiPart("kind", "IMAGE").multiPart("metadata", "{\"notes\":\"" + "x".repeat(70_000) + "\"}")
                .post("/api/v1/works").then().statusCode(400).body("code", equalTo("INVALID_METADATA"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void emptyFilesAndNonImagesAreRefused() {
        RegistrationFixtures.Footprint before = fixtures.footprint();
        upload(new byte[0], "IMAGE", null).statusCode(400).body("code", equalTo("EMPTY_FILE"));
        upload(new byte[0], "VIDEO", null).statusCode(400).body("code", equalTo("EMPTY_FILE"));

        byte[] text = ("this is no image " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        upload(text, "IMAGE", null).statusCode(422).body("code", equalTo("NOT_AN_IMAGE"));
        byte[] png = image();
        byte[] truncated = Arrays.copyOf(png, png.length / 3);
        upload(truncated, "IMAGE", null).statusCode(422).body("code", equalTo("NOT_AN_IMAGE"));
        assertNothingWritten(before, text, truncated);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aFileOverTheLimitIs413() throws Exception {
        RegistrationFixtures.Footprint before = fixtures.footprint();
        // Just over the limit: the body fits the form allowance, the file part itself is too large.
        byte[] justOver = randomBytes(MAX_BYTES + 1);
        upload(justOver, "VIDEO", null).statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("maxBytes", equalTo(MAX_BYTES));
        // Exactly the limit is fine.
        byte[] exactly = randomBytes(MAX_BYTES);
        given().multiPart("file", "v.mp4", exactly, "video/mp4").multiPart("title", "Exactly 1 MiB")
                .multiPart("kind", "VIDEO").post("/api/v1/works").then().statusCode(201);
        assertThat(fixtures.stored(exactly)).isTrue();
        before = fixtures.footprint();

        // Far over, with a Content-Length: refused before the body is read.
        byte[] farOver = randomBytes(3 * MAX_BYTES);
        HttpResponse<String> declared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                multipart(farOver, false), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(declared.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");

        // Far over, chunked (no Content-Length): cut off at quarkus.http.limits.max-body-size (2M in %test) by
        // Quarkus REST, which answers a bare 413 itself.
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                multipart(farOver, true), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);

        assertNothingWritten(before, justOver, farOver);
    }

    private HttpRequest multipart(byte[] file, boolean chunked) throws Exception {
        String boundary = "dcx" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHuge\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nVIDEO\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return HttpRequest.newBuilder(works)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(publisher)
                .build();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void anExactDuplicateOfAnotherCreatorsWorkIs409NotAReview() {
        byte[] png = image();
        Work daves = fixtures.registered("dave", png, "Dave's", "IMAGE", null, "image/png");
        RegistrationFixtures.Footprint before = fixtures.footprint();
        upload(png, "IMAGE", null).statusCode(409)
                .body("code", equalTo("DUPLICATE_CONTENT"))
                .body("existingWorkId", equalTo(daves.id()));
        assertThat(fixtures.footprint()).isEqualTo(before);
    }
}
