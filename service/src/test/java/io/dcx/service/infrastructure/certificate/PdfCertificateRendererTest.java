package io.dcx.service.infrastructure.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dcx.service.application.port.CertificateRenderer.RenderedPdf;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.certificate.Certificate;
import io.dcx.service.domain.certificate.RegisteredFacts;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** How the certificate PDF draws titles in scripts its bundled font lacks, and long lists of creators. */
class PdfCertificateRendererTest {
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** Braille: DejaVu Sans has these glyphs, Liberation Sans (bundled with PDFBox) does not. */
    private static final String BRAILLE = "⠃⠗⠁⠊⠇⠇⠑";

    private static Certificate certificate(String title, int creators) {
        List<CreatorShare> shares = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            shares.add(new CreatorShare(String.format("acc_%024x", i), 10_000 / creators));
        }
        RegisteredFacts facts = new RegisteredFacts("wk_renderertest", title, "TEXT", shares, "a".repeat(64), "",
                "none", "", "b".repeat(64), Instant.parse("2026-11-25T08:00:00Z"), "ACTIVE");
        return new Certificate(facts, 7L, "http://127.0.0.1:8080/api/v1/certificates/verify?workId=wk_renderertest",
                Instant.parse("2026-11-25T09:00:00Z"), facts.certificateHash());
    }

    private static PdfCertificateRenderer renderer(List<String> fontFiles, String fontDir) {
        return new PdfCertificateRenderer(Optional.of(fontFiles), List.of(fontDir));
    }

    private static String text(RenderedPdf pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long images(RenderedPdf pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            PDPage page = doc.getPage(0);
            long count = 0;
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().isImageXObject(name)) {
                    count++;
                }
            }
            return count;
        }
    }

    @Test
    void latinGreekAndCyrillicTitlesAreTextInTheBundledFont() throws IOException {
        RenderedPdf pdf = renderer(List.of(), "/nonexistent").render(certificate("Sunrise — Шанхай, Ωmega", 1));
        assertThat(pdf.titleRendering()).isEqualTo("TEXT");
        assertThat(text(pdf)).contains("Sunrise — Шанхай, Ωmega");
        assertThat(images(pdf)).isEqualTo(1); // the QR code only
    }

    @Test
    void charactersNoFontHasAreSpelledAsCodePointsAndThePdfSaysWhy() throws IOException {
        // U+10FFFD is a private-use code point of plane 16: no font has a glyph for it.
        RenderedPdf pdf = renderer(List.of(), "/nonexistent").render(certificate("Work \uDBFF\uDFFD 1", 1));
        assertThat(pdf.titleRendering()).isEqualTo("CODE_POINTS");
        assertThat(text(pdf)).contains("Work <U+10FFFD> 1").contains("no font with the title's characters");
    }

    @Test
    void aConfiguredTrueTypeFontIsEmbeddedForTheTitle() throws IOException {
        assumeTrue(Files.isRegularFile(DEJAVU), "DejaVu Sans is installed (Debian: fonts-dejavu-core)");
        RenderedPdf pdf = renderer(List.of(DEJAVU.toString()), "/nonexistent").render(certificate(BRAILLE, 1));
        assertThat(pdf.titleRendering()).isEqualTo("TEXT");
        assertThat(text(pdf)).contains(BRAILLE);
    }

    @Test
    void withoutAnEmbeddableFontASystemFontDrawsTheTitleAsAPicture() throws IOException {
        boolean java2dHasIt = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .anyMatch((Font f) -> f.canDisplayUpTo(BRAILLE) == -1);
        RenderedPdf pdf = renderer(List.of(), "/nonexistent").render(certificate(BRAILLE, 1));
        if (java2dHasIt) {
            assertThat(pdf.titleRendering()).isEqualTo("IMAGE");
            assertThat(images(pdf)).isEqualTo(2); // the title and the QR code
        } else {
            assertThat(pdf.titleRendering()).isEqualTo("CODE_POINTS");
        }
        assertThat(text(pdf)).doesNotContain(BRAILLE).contains("wk_renderertest");
    }

    @Test
    void manyCreatorsAreCutWithANote() throws IOException {
        String text = text(renderer(List.of(), "/nonexistent").render(certificate("Collective work", 20)));
        assertThat(text).contains(String.format("acc_%024x", 7)).doesNotContain(String.format("acc_%024x", 8))
                .contains("and 12 more (listed in the JSON certificate)");
    }
}
