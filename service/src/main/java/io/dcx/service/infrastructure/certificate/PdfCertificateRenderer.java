package io.dcx.service.infrastructure.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.dcx.service.application.port.CertificateRenderer;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.certificate.Certificate;
import io.dcx.service.domain.certificate.RegisteredFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Renders a registration certificate as a one-page A4 PDF with PDFBox: the chain facts as text (so they can be
 * extracted and searched), and a QR code of the verify link drawn from a ZXing bit matrix.
 *
 * <p>Text is set in Liberation Sans, which PDFBox ships, embedded as a subset. Titles may be in any script: a title
 * Liberation Sans has glyphs for (Latin, Greek, Cyrillic) is written with it. Otherwise the renderer looks for a TrueType font that has every character of the title, first in the files of
 * {@code dcx.certificate.font-files}, then in every {@code .ttf}/{@code .ttc} under {@code dcx.certificate.font-dirs}
 * (Debian puts fonts-wqy-microhei, fonts-arphic-uming and fonts-droid-fallback there), and embeds the glyphs it
 * uses (a subset). If no embeddable font has them but Java2D has one (for example an OpenType CJK font with CFF
 * outlines, which PDFBox cannot embed), the title is drawn as a picture. If no font on the server has them, the
 * title is spelled as Unicode code points and the PDF says why; the JSON certificate always carries the title as
 * text, and the PDF's document information has it too.
 */
@ApplicationScoped
public class PdfCertificateRenderer implements CertificateRenderer {
    private static final Logger LOG = Logger.getLogger(PdfCertificateRenderer.class);
    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 120;
    private static final float QR_SIZE = 150;
    private static final int MAX_CREATOR_LINES = 8;
    private static final String BUNDLED_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final List<Path> fontFiles;
    private final List<Path> fontDirs;

    public PdfCertificateRenderer(
            @ConfigProperty(name = "dcx.certificate.font-files") Optional<List<String>> fontFiles,
            @ConfigProperty(name = "dcx.certificate.font-dirs", defaultValue = "/usr/share/fonts")
                    List<String> fontDirs) {
        this.fontFiles = fontFiles.orElse(List.of()).stream().map(Path::of).toList();
        this.fontDirs = fontDirs.stream().map(Path::of).toList();
    }

    @Override
    public RenderedPdf render(Certificate certificate) {
        RegisteredFacts facts = certificate.facts();
        List<Closeable> open = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            // Liberation Sans (SIL OFL, shipped inside PDFBox), embedded as a subset: the PDF looks the same in every
            // viewer, and no system font lookup is needed for Latin, Greek and Cyrillic text.
            PDFont regular = bundledSans(doc);
            PDFont bold = regular;
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            info(doc, certificate);

            String rendering;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float width = page.getMediaBox().getWidth() - 2 * MARGIN;
                float y = page.getMediaBox().getHeight() - MARGIN;
                y = heading(cs, bold, 18, MARGIN, y, "Certificate of Copyright Registration") - 6;
                y = text(cs, regular, 10, MARGIN, y,
                        "dcx digital-asset board. The facts below are recorded on the consortium ledger.") - 14;

                float valueX = MARGIN + LABEL_WIDTH;
                float valueWidth = width - LABEL_WIDTH;
                y = row(cs, bold, regular, y, "Work id", facts.workId(), valueWidth);
                heading(cs, bold, 10, MARGIN, y, "Title");
                TitleDrawing title = drawTitle(doc, cs, facts.title(), valueX, y, valueWidth, regular, open);
                rendering = title.rendering();
                y = title.nextY() - 4;
                y = row(cs, bold, regular, y, "Kind", facts.kind(), valueWidth);
                y = rows(cs, bold, regular, y, "Creators", creators(facts.creators()), valueWidth);
                y = row(cs, bold, regular, y, "Content hash", facts.contentHash(), valueWidth);
                y = row(cs, bold, regular, y, "Fingerprint", facts.fingerprint().isEmpty()
                        ? "(none, " + facts.fingerprintKind() + ")"
                        : facts.fingerprint() + " (" + facts.fingerprintKind() + ")", valueWidth);
                y = row(cs, bold, regular, y, "Metadata hash",
                        facts.metadataHash().isEmpty() ? "(no metadata)" : facts.metadataHash(), valueWidth);
                y = row(cs, bold, regular, y, "Transaction id", facts.txId(), valueWidth);
                y = row(cs, bold, regular, y, "Block number",
                        certificate.blockNumber() == null ? "(not yet indexed)" : certificate.blockNumber().toString(),
                        valueWidth);
                y = row(cs, bold, regular, y, "Registered at", TIME.format(facts.registeredAt())
                        + " (transaction time on chain)", valueWidth);
                y = row(cs, bold, regular, y, "Status", facts.status(), valueWidth);
                y = row(cs, bold, regular, y, "Issued at", TIME.format(certificate.issuedAt()), valueWidth);
                y = row(cs, bold, regular, y, "Certificate hash", certificate.certificateHash(), valueWidth) - 10;

                PDImageXObject qr = LosslessFactory.createFromImage(doc, qrImage(certificate.verifyUrl()));
                cs.drawImage(qr, MARGIN, y - QR_SIZE, QR_SIZE, QR_SIZE);
                float noteX = MARGIN + QR_SIZE + 14;
                float noteY = heading(cs, bold, 10, noteX, y - 12, "Verify this certificate against the ledger");
                noteY = paragraph(cs, regular, 9, noteX, noteY, width - QR_SIZE - 14,
                        "Scan the code or open the link below. The check reads the chain, not the exchange's "
                                + "database, and compares the work id, the content hash and the certificate hash, "
                                + "which is SHA-256 over the attested facts.");
                paragraph(cs, regular, 7, noteX, noteY - 4, width - QR_SIZE - 14, certificate.verifyUrl());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new RenderedPdf(out.toByteArray(), rendering);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the certificate of " + facts.workId(), e);
        } finally {
            for (Closeable c : open) {
                try {
                    c.close();
                } catch (IOException e) {
                    LOG.debugf("closing a font file: %s", e.getMessage());
                }
            }
        }
    }

    private static void info(PDDocument doc, Certificate certificate) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Copyright registration certificate: " + certificate.facts().title());
        info.setSubject(certificate.facts().workId());
        info.setKeywords(certificate.facts().contentHash() + " " + certificate.facts().txId());
        info.setCreator("dcx");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        issued.setTimeInMillis(certificate.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
    }

    /**
     * One line per creator: the pseudonymous account id and the share of royalties. A work may have many creators;
     * past {@link #MAX_CREATOR_LINES} the page says how many more there are (the JSON certificate lists them all).
     */
    private static List<String> creators(List<CreatorShare> creators) {
        List<String> lines = new ArrayList<>(creators.stream()
                .limit(MAX_CREATOR_LINES)
                .map(c -> c.accountId() + "  (" + String.format(Locale.ROOT, "%.2f%%", c.shareBps() / 100.0) + ")")
                .toList());
        if (creators.size() > MAX_CREATOR_LINES) {
            lines.add("and " + (creators.size() - MAX_CREATOR_LINES) + " more (listed in the JSON certificate)");
        }
        return lines;
    }

    // ---- title -----------------------------------------------------------------------------------------------------

    private record TitleDrawing(String rendering, float nextY) {
    }

    private TitleDrawing drawTitle(PDDocument doc, PDPageContentStream cs, String title, float x, float y,
            float width, PDFont latin, List<Closeable> open) throws IOException {
        if (encodable(latin, title)) {
            return new TitleDrawing("TEXT", paragraph(cs, latin, 12, x, y, width, title));
        }
        PDFont embedded = embeddableFontFor(doc, title, open);
        if (embedded != null) {
            return new TitleDrawing("TEXT", paragraph(cs, embedded, 12, x, y, width, title));
        }
        Font awt = awtFontFor(title);
        if (awt != null) {
            BufferedImage picture = picture(title, awt);
            float scale = 12f / awt.getSize();
            float w = Math.min(width, picture.getWidth() * scale);
            float h = picture.getHeight() * scale * (w / (picture.getWidth() * scale));
            cs.drawImage(LosslessFactory.createFromImage(doc, picture), x, y - h + 10, w, h);
            return new TitleDrawing("IMAGE", y - h - 2);
        }
        String spelled = title.codePoints()
                .mapToObj(cp -> cp < 0x80 ? Character.toString(cp) : String.format(Locale.ROOT, "<U+%04X>", cp))
                .collect(Collectors.joining());
        float next = paragraph(cs, latin, 9, x, y, width, spelled);
        next = paragraph(cs, latin, 8, x, next, width, "(This server has no font with the title's characters, so "
                + "they are given as Unicode code points; the JSON certificate has the title as text.)");
        return new TitleDrawing("CODE_POINTS", next);
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The first TrueType font that has a glyph for every character of {@code text}, embedded as a subset. */
    private PDFont embeddableFontFor(PDDocument doc, String text, List<Closeable> open) {
        for (Path file : candidateFontFiles()) {
            try {
                List<TrueTypeFont> faces = new ArrayList<>();
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".ttc")) {
                    TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                    open.add(collection);
                    collection.processAllFonts(faces::add);
                } else {
                    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                    open.add(font);
                    faces.add(font);
                }
                for (TrueTypeFont face : faces) {
                    if (covers(face, text)) {
                        PDFont loaded = PDType0Font.load(doc, face, true);
                        if (encodable(loaded, text)) {
                            return loaded;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not a usable TrueType font (CFF outlines, no embedding permission, damaged): try the next one.
                LOG.debugf("font %s not usable for the certificate: %s", file, e.getMessage());
            }
        }
        return null;
    }

    private static boolean covers(TrueTypeFont face, String text) throws IOException {
        CmapLookup cmap = face.getUnicodeCmapLookup(false);
        if (cmap == null) {
            return false;
        }
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || cmap.getGlyphId(cp) > 0);
    }

    private List<Path> candidateFontFiles() {
        List<Path> files = new ArrayList<>(fontFiles);
        for (Path dir : fontDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir, 6)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> {
                            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                            return n.endsWith(".ttf") || n.endsWith(".ttc");
                        })
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                LOG.debugf("cannot list fonts in %s: %s", dir, e.getMessage());
            }
        }
        return files;
    }

    private static Font awtFontFor(String text) {
        try {
            for (Font font : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
                if (font.canDisplayUpTo(text) == -1) {
                    return font.deriveFont(Font.PLAIN, 48f);
                }
            }
        } catch (RuntimeException | Error e) {
            // No font configuration at all on this machine: there is nothing Java2D could draw with.
            LOG.debugf("Java2D fonts unavailable: %s", e.getMessage());
        }
        return null;
    }

    private static BufferedImage picture(String text, Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        FontMetrics metrics = g.getFontMetrics(font);
        int w = Math.max(1, metrics.stringWidth(text) + 8);
        int h = metrics.getHeight() + 4;
        g.dispose();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 4, metrics.getAscent() + 2);
        g.dispose();
        return image;
    }

    // ---- layout ----------------------------------------------------------------------------------------------------

    private static float row(PDPageContentStream cs, PDFont labelFont, PDFont valueFont, float y, String label,
            String value, float valueWidth) throws IOException {
        return rows(cs, labelFont, valueFont, y, label, List.of(value), valueWidth);
    }

    private static float rows(PDPageContentStream cs, PDFont labelFont, PDFont valueFont, float y, String label,
            List<String> values, float valueWidth) throws IOException {
        heading(cs, labelFont, 10, MARGIN, y, label);
        for (String value : values) {
            y = paragraph(cs, valueFont, 10, MARGIN + LABEL_WIDTH, y, valueWidth, value);
        }
        return y - 4;
    }

    /** One line in a bold look (the glyphs filled and stroked); answers the y of the next line. */
    private static float heading(PDPageContentStream cs, PDFont font, float size, float x, float y, String line)
            throws IOException {
        cs.setRenderingMode(RenderingMode.FILL_STROKE);
        cs.setLineWidth(size / 30f);
        float next = text(cs, font, size, x, y, line);
        cs.setRenderingMode(RenderingMode.FILL);
        return next;
    }

    private static PDFont bundledSans(PDDocument doc) throws IOException {
        try (InputStream ttf = PDDocument.class.getResourceAsStream(BUNDLED_SANS)) {
            if (ttf == null) {
                throw new IOException("PDFBox no longer ships " + BUNDLED_SANS);
            }
            return PDType0Font.load(doc, ttf, true);
        }
    }

    /** One line of text at (x, y); answers the y of the next line. */
    private static float text(PDPageContentStream cs, PDFont font, float size, float x, float y, String line)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(line);
        cs.endText();
        return y - size * 1.35f;
    }

    /** Text wrapped to {@code width} (at spaces where it can, else anywhere); answers the y of the next line. */
    private static float paragraph(PDPageContentStream cs, PDFont font, float size, float x, float y, float width,
            String text) throws IOException {
        for (String line : wrap(font, size, width, text)) {
            y = text(cs, font, size, x, y, line);
        }
        return y;
    }

    static List<String> wrap(PDFont font, float size, float width, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            int end = start;
            int lastSpace = -1;
            while (end < cps.length) {
                String candidate = new String(cps, start, end - start + 1);
                if (font.getStringWidth(candidate) / 1000f * size > width && end > start) {
                    break;
                }
                if (cps[end] == ' ') {
                    lastSpace = end;
                }
                end++;
            }
            if (end < cps.length && lastSpace > start) {
                end = lastSpace + 1;
            }
            lines.add(new String(cps, start, end - start).strip());
            start = end;
        }
        return lines;
    }

    /** The QR code of {@code url}: error correction M, a quiet zone of 4 modules, 4 pixels per module. */
    static BufferedImage qrImage(String url) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the verify link as a QR code", e);
        }
        int scale = 4;
        BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
