package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Registration certificates: the JSON form, the PDF (parsed back with PDFBox, its QR code decoded with ZXing), a
 * Chinese title, and the public verify link, which checks against the ledger and needs no token.
 */
@QuarkusTest
class CertificateResourceTest {
    private static final String CHINESE_TITLE = "春江花月夜 (a study)";

    @Inject
    RightsFixtures fixtures;

    @Inject
    EntityManager em;

    /** Registers a work with {@code title} through the API, answering its id. */
    private static String register(String title) {
        return given()
                .multiPart("file", "work.bin", RightsFixtures.uniqueBytes(), "application/octet-stream")
                .multiPart(new MultiPartSpecBuilder(title).controlName("title").charset("UTF-8").build())
                .multiPart("kind", "OTHER")
                .post("/api/v1/works").then().statusCode(201)
                .extract().path("id");
    }

    private static JsonPath certificateJson(String workId) {
        return given().accept("application/json").get("/api/v1/works/" + workId + "/certificate")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** The certificate hash as its Javadoc defines it, computed here independently of the service's code. */
    private static String expectedCertificateHash(JsonPath c) throws Exception {
        List<Map<String, Object>> creators = c.getList("creators");
        StringBuilder list = new StringBuilder();
        for (Map<String, Object> creator : creators) {
            if (!list.isEmpty()) {
                list.append(',');
            }
            list.append(creator.get("accountId")).append(':').append(creator.get("shareBps"));
        }
        String canonical = "dcx-certificate-v1\nworkId=" + c.getString("workId") + "\ntitle=" + c.getString("title")
                + "\nkind=" + c.getString("kind") + "\ncreators=" + list + "\ncontentHash="
                + c.getString("contentHash") + "\nfingerprint=" + c.getString("fingerprint") + "\nfingerprintKind="
                + c.getString("fingerprintKind") + "\nmetadataHash=" + c.getString("metadataHash") + "\ntxId="
                + c.getString("txId") + "\nregisteredAt=" + c.getString("registeredAt") + "\n";
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the QR code among the first page's images (a title may be a picture too, without CJK fonts). */
    static String qrTextOf(PDDocument doc) throws Exception {
        var resources = doc.getPage(0).getResources();
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                BufferedImage qr = image.getImage();
                int margin = Math.max(16, qr.getWidth() / 8);
                BufferedImage framed = new BufferedImage(qr.getWidth() + 2 * margin, qr.getHeight() + 2 * margin,
                        BufferedImage.TYPE_INT_RGB);
                var g = framed.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
                g.drawImage(qr, margin, margin, null);
                g.dispose();
                try {
                    return decodeQr(framed);
                } catch (com.google.zxing.NotFoundException notAQrCode) {
                    // another image: keep looking
                }
            }
        }
        throw new AssertionError("no image on the certificate's first page is a QR code");
    }

    static String decodeQr(BufferedImage page) throws Exception {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))), hints).getText();
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void theJsonCertificateStatesTheChainFactsAndItsHash() throws Exception {
        String workId = register("Certified photograph");
        JsonPath work = given().get("/api/v1/works/" + workId).then().statusCode(200).extract().jsonPath();

        JsonPath c = certificateJson(workId);
        assertThat(c.getString("workId")).isEqualTo(workId);
        assertThat(c.getString("title")).isEqualTo("Certified photograph");
        assertThat(c.getString("kind")).isEqualTo("OTHER");
        assertThat(c.getString("contentHash")).isEqualTo(work.getString("contentHash"));
        assertThat(c.getString("txId")).isEqualTo(work.getString("txId"));
        assertThat(c.getLong("blockNumber")).isEqualTo(work.getLong("blockNumber"));
        assertThat(c.getString("registeredAt")).isEqualTo(work.getString("registeredAt"));
        assertThat(c.getList("creators.accountId")).containsExactly(fixtures.account("alice"));
        assertThat(c.getString("status")).isEqualTo("ACTIVE");
        assertThat(c.getString("issuedAt")).isNotBlank();
        assertThat(c.getString("certificateHash")).isEqualTo(expectedCertificateHash(c));
        assertThat(c.getString("verifyUrl")).isEqualTo("http://127.0.0.1:8080/api/v1/certificates/verify?workId="
                + workId + "&contentHash=" + c.getString("contentHash") + "&certificateHash="
                + c.getString("certificateHash"));

        // Without an Accept header (or with */*) the answer is JSON too.
        given().get("/api/v1/works/" + workId + "/certificate").then().statusCode(200)
                .contentType("application/json").body("workId", equalTo(workId));
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void thePdfCarriesTheFactsAndAQrCodeOfTheVerifyLink() throws Exception {
        RightsFixtures.ChainWork work = fixtures.workOnChain("dave", "Certified on chain");
        JsonPath c = certificateJson(work.id());

        Response response = given().accept("application/pdf").get("/api/v1/works/" + work.id() + "/certificate");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("inline; filename=\"certificate-" + work.id()))
                .header("Dcx-Title-Rendering", equalTo("TEXT"));
        byte[] pdf = response.asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(work.id())
                    .contains("Certified on chain")
                    .contains(work.txId())
                    .contains(work.contentHash())
                    .contains(Long.toString(work.blockNumber()))
                    .contains(c.getString("certificateHash"))
                    .contains(fixtures.account("dave"));
            // The QR code is the page's image: decode its own pixels (with a quiet zone), not a render of the whole
            // page, where the binarizer's view of it depends on the text around it and on the fonts installed.
            assertThat(qrTextOf(doc)).isEqualTo(c.getString("verifyUrl"));
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo(work.id());
        }

        // The .pdf link needs no Accept header and answers the same document (the issue time aside).
        Response direct = given().get("/api/v1/works/" + work.id() + "/certificate.pdf");
        direct.then().statusCode(200).contentType("application/pdf");
        try (PDDocument doc = Loader.loadPDF(direct.asByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(work.txId()).contains(work.contentHash());
        }
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aChineseTitleIsShownWithAFontThatHasItsCharactersOrSaysWhyNot() throws Exception {
        String workId = register(CHINESE_TITLE);
        Response response = given().get("/api/v1/works/" + workId + "/certificate.pdf");
        response.then().statusCode(200).contentType("application/pdf");
        String rendering = response.header("Dcx-Title-Rendering");

        try (PDDocument doc = Loader.loadPDF(response.asByteArray())) {
            // Whatever the fonts, the document information carries the title as Unicode text.
            assertThat(doc.getDocumentInformation().getTitle()).contains(CHINESE_TITLE);
            String text = new PDFTextStripper().getText(doc);
            if (trueTypeFontWith("春江花月夜")) {
                assertThat(rendering).isEqualTo("TEXT");
                assertThat(text).contains("春江花月夜");
            } else {
                assertThat(rendering).isIn("IMAGE", "CODE_POINTS");
                assertThat(text).doesNotContain("春江花月夜");
                if (rendering.equals("CODE_POINTS")) {
                    assertThat(text).contains("<U+6625><U+6C5F><U+82B1><U+6708><U+591C> (a study)")
                            .contains("no font with the title's characters");
                }
            }
            // The rest of the certificate is there either way.
            assertThat(text).contains(workId);
        }
        given().accept("application/json").get("/api/v1/works/" + workId + "/certificate").then()
                .statusCode(200).body("title", equalTo(CHINESE_TITLE));
    }

    /** Whether any TrueType font the service may use (under /usr/share/fonts) has all these characters. */
    private static boolean trueTypeFontWith(String text) throws IOException {
        Path fonts = Path.of("/usr/share/fonts");
        if (!Files.isDirectory(fonts)) {
            return false;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fonts, 6)) {
            files = walk.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(ttf|ttc)")).toList();
        }
        for (Path file : files) {
            try {
                if (file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                    try (TrueTypeCollection collection = new TrueTypeCollection(file.toFile())) {
                        boolean[] found = {false};
                        collection.processAllFonts(font -> found[0] |= covers(font, text));
                        if (found[0]) {
                            return true;
                        }
                    }
                } else {
                    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(
                            new File(file.toString())))) {
                        if (covers(font, text)) {
                            return true;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not a font the service could embed either
            }
        }
        return false;
    }

    private static boolean covers(TrueTypeFont font, String text) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup(false);
        return cmap != null && text.codePoints().allMatch(cp -> cmap.getGlyphId(cp) > 0);
    }

    @Test
    void theVerifyLinkIsPublicAndChecksAgainstTheLedger() throws Exception {
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Verified publicly");
        long height = fixtures.height();

        // A certificate's own link, exactly as printed: valid.
        String certificateHash = given().auth().none().queryParam("workId", work.id())
                .queryParam("contentHash", work.contentHash())
                .get("/api/v1/certificates/verify").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("reasons", emptyIterable())
                .body("source", equalTo("ledger"))
                .body("chain.workId", equalTo(work.id()))
                .body("chain.contentHash", equalTo(work.contentHash()))
                .body("chain.txId", equalTo(work.txId()))
                .body("chain.status", equalTo("ACTIVE"))
                .extract().path("certificateHash");
        given().queryParam("workId", work.id()).queryParam("contentHash", work.contentHash().toUpperCase())
                .queryParam("certificateHash", certificateHash)
                .get("/api/v1/certificates/verify").then().statusCode(200).body("valid", equalTo(true));

        // Tampered facts: not valid, and it says which check failed.
        String tampered = (work.contentHash().charAt(0) == 'a' ? "b" : "a") + work.contentHash().substring(1);
        given().queryParam("workId", work.id()).queryParam("contentHash", tampered)
                .get("/api/v1/certificates/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("reasons", equalTo(List.of("CONTENT_HASH_MISMATCH")))
                .body("chain.contentHash", equalTo(work.contentHash()));
        given().queryParam("workId", work.id()).queryParam("contentHash", work.contentHash())
                .queryParam("certificateHash", "0".repeat(64))
                .get("/api/v1/certificates/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("reasons", equalTo(List.of("CERTIFICATE_HASH_MISMATCH")));
        given().queryParam("workId", "wk_doesnotexist").queryParam("contentHash", work.contentHash())
                .get("/api/v1/certificates/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("reasons", equalTo(List.of("WORK_NOT_FOUND")))
                .body("chain", nullValue());

        // Malformed questions are problems.
        given().queryParam("workId", work.id()).queryParam("contentHash", "not-a-hash")
                .get("/api/v1/certificates/verify").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_CONTENT_HASH"));
        given().queryParam("contentHash", work.contentHash())
                .get("/api/v1/certificates/verify").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("workId", work.id())
                .get("/api/v1/certificates/verify").then().statusCode(400)
                .body("code", equalTo("INVALID_CONTENT_HASH"));
        given().queryParam("workId", work.id()).queryParam("contentHash", work.contentHash())
                .queryParam("certificateHash", "xyz")
                .get("/api/v1/certificates/verify").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));

        // Certificates themselves are not public.
        given().get("/api/v1/works/" + work.id() + "/certificate").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/works/" + work.id() + "/certificate.pdf").then().statusCode(401);
        assertThat(fixtures.height()).isEqualTo(height);
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void verificationTrustsTheLedgerNotTheServicesDatabase() {
        RightsFixtures.ChainWork work = fixtures.workOnChain("dave", "Tamper-proof");
        String forged = RightsFixtures.sha256(RightsFixtures.uniqueBytes());
        setReadModelContentHash(work.id(), forged);
        try {
            given().get("/api/v1/works/" + work.id()).then().statusCode(200).body("contentHash", equalTo(forged));
            // The database now claims another hash; the verifier and the certificate still say what the chain says.
            given().queryParam("workId", work.id()).queryParam("contentHash", work.contentHash())
                    .get("/api/v1/certificates/verify").then().statusCode(200).body("valid", equalTo(true));
            given().queryParam("workId", work.id()).queryParam("contentHash", forged)
                    .get("/api/v1/certificates/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("reasons", hasItem("CONTENT_HASH_MISMATCH"));
            given().accept("application/json").get("/api/v1/works/" + work.id() + "/certificate").then()
                    .statusCode(200).body("contentHash", equalTo(work.contentHash()));
        } finally {
            setReadModelContentHash(work.id(), work.contentHash());
        }
    }

    private void setReadModelContentHash(String workId, String hash) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE work SET content_hash = ?1 WHERE id = ?2")
                .setParameter(1, hash)
                .setParameter(2, workId)
                .executeUpdate());
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void unknownWorksHaveNoCertificate() {
        given().accept("application/json").get("/api/v1/works/wk_doesnotexist/certificate").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("WORK_NOT_FOUND"));
        given().get("/api/v1/works/wk_doesnotexist/certificate.pdf").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
        // Neither JSON nor PDF acceptable: 406, still as a problem.
        given().accept("text/html").get("/api/v1/works/wk_doesnotexist/certificate").then().statusCode(406)
                .contentType("application/problem+json")
                .body("status", equalTo(406));
    }
}
