package io.dcx.service.domain.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFingerprinterTest {
    private static final ImageFingerprinter IMAGE = new ImageFingerprinter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A picture computed pixel by pixel (no Java2D rendering, so identical on every JDK and platform). */
    static BufferedImage computed(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x / (double) w;
                double v = y / (double) h;
                int r = (int) (127 + 120 * Math.sin(6 * u + 2 * v));
                int g = (int) (127 + 120 * Math.cos(5 * v - 3 * u * u));
                int b = ((x / 40 + y / 40) % 2 == 0) ? 200 : 60;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("writer for %s", format).isTrue();
        return out.toByteArray();
    }

    private static Optional<Fingerprint> fingerprint(byte[] bytes) {
        return IMAGE.fingerprint(new ByteArrayInputStream(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void decodesEveryFormatAndTheFormatBarelyMatters(String format) throws IOException {
        BufferedImage image = computed(400, 300);
        Fingerprint png = fingerprint(encode(image, "png")).orElseThrow();
        Fingerprint other = fingerprint(encode(image, format)).orElseThrow();
        assertThat(other.kind()).isEqualTo(FingerprintKind.IMAGE_DCT64);
        assertThat(other.distance(png)).isLessThanOrEqualTo(4);
        assertThat(Long.bitCount(other.bits())).as("median threshold: half the bits set").isEqualTo(32);
    }

    @Test
    void bytesAndTheDecodedImageGiveTheSameFingerprint() throws IOException {
        BufferedImage image = computed(640, 480);
        assertThat(fingerprint(encode(image, "png"))).isEqualTo(IMAGE.fingerprint(image));
    }

    @Test
    void distinctImagesAreFarApartAndEditedCopiesClose() {
        BufferedImage a = SyntheticImages.scene(1);
        Fingerprint original = IMAGE.fingerprint(a).orElseThrow();
        Fingerprint other = IMAGE.fingerprint(SyntheticImages.scene(2)).orElseThrow();
        assertThat(original.distance(other)).isGreaterThan(16);
        assertThat(IMAGE.fingerprint(SyntheticImages.scale(a, 0.5)).orElseThrow().distance(original))
                .isLessThanOrEqualTo(4);
        assertThat(fingerprint(SyntheticImages.jpeg(a, 0.5f)).orElseThrow().distance(original)).isLessThanOrEqualTo(4);
        assertThat(IMAGE.fingerprint(SyntheticImages.watermark(a)).orElseThrow().distance(original))
                .isLessThanOrEqualTo(6);
    }

    @Test
    void notAnImageHasNoFingerprint() {
        assertThat(fingerprint(new byte[0])).isEmpty();
        assertThat(fingerprint("just some text, not an image".getBytes())).isEmpty();
        byte[] noise = new byte[10_000];
        new java.util.SplittableRandom(5).nextBytes(noise);
        assertThat(fingerprint(noise)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wbmp", "tiff"})
    void otherFormatsTheJdkReadsAreNotTaken(String format) throws IOException {
        BufferedImage image = computed(200, 200);
        if (format.equals("wbmp")) {
            BufferedImage binary = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_BINARY);
            binary.getGraphics().drawImage(image, 0, 0, null);
            image = binary;
        }
        assertThat(fingerprint(encode(image, format))).isEmpty();
        // What made WBMP dangerous: an MP4 starts like one (zero bytes, then small numbers).
        byte[] mp4Like = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        assertThat(fingerprint(java.util.Arrays.copyOf(mp4Like, 4096))).isEmpty();
    }

    @Test
    void aTruncatedPngHasNoFingerprint() throws IOException {
        byte[] png = encode(computed(300, 200), "png");
        assertThat(fingerprint(java.util.Arrays.copyOf(png, png.length / 3))).isEmpty();
    }

    @Test
    void flatAndTinyImagesHaveNoFingerprint() throws IOException {
        BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new java.awt.Color(40, 120, 200));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        assertThat(fingerprint(encode(flat, "png"))).isEmpty();
        assertThat(fingerprint(encode(computed(6, 100), "png"))).isEmpty();
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() throws IOException {
        // A valid PNG that claims 100,000 x 100,000 pixels (10 gigapixels, 40 GB decoded) in a few hundred bytes.
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        assertThat(bomb.length).isLessThan(1_000);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        org.assertj.core.api.Assertions.assertThat(
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> fingerprint(bomb))).isEmpty();
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(200L << 20);
        // Just over the limit is refused as well; the limit itself is large enough for real photographs.
        assertThat(fingerprint(pngHeaderOnly(10_000, 5_001))).isEmpty();
        assertThat(ImageFingerprinter.MAX_PIXELS).isGreaterThanOrEqualTo(48_000_000L);
    }

    @Test
    void largeImagesAreSubsampledWhileDecodingAndKeepTheirFingerprint() throws IOException {
        BufferedImage large = computed(3000, 2000);
        BufferedImage small = computed(750, 500);
        Fingerprint fromLarge = fingerprint(encode(large, "png")).orElseThrow();
        assertThat(fromLarge.distance(IMAGE.fingerprint(small).orElseThrow())).isLessThanOrEqualTo(4);
        assertThat(fromLarge.distance(IMAGE.fingerprint(large).orElseThrow())).isLessThanOrEqualTo(4);
    }

    @Test
    void subsamplingKeepsAboutAMegapixelAndAtLeast32PixelsOnTheShortSide() {
        assertThat(ImageFingerprinter.subsampling(1024, 1024)).isEqualTo(1);
        assertThat(ImageFingerprinter.subsampling(6000, 4000)).isEqualTo(4);
        assertThat(ImageFingerprinter.subsampling(7000, 7000)).isEqualTo(6);
        // Panoramas: the area asks for 6 and the short side (400 / 32) allows it; 40 pixels high allow no step.
        assertThat(ImageFingerprinter.subsampling(100_000, 400)).isEqualTo(6);
        assertThat(ImageFingerprinter.subsampling(1_000_000, 40)).isEqualTo(1);
    }

    @Test
    void aPanoramaIsFingerprinted() throws IOException {
        assertThat(fingerprint(encode(computed(12_000, 150), "png"))).isPresent();
    }

    @Test
    void transparencyIsCompositedOntoWhite() throws IOException {
        BufferedImage argb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        BufferedImage onWhite = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        BufferedImage picture = computed(300, 200);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                boolean clear = x > 150;
                argb.setRGB(x, y, clear ? 0x00000000 : 0xff000000 | picture.getRGB(x, y));
                onWhite.setRGB(x, y, clear ? 0xffffff : picture.getRGB(x, y));
            }
        }
        assertThat(fingerprint(encode(argb, "png"))).isEqualTo(IMAGE.fingerprint(onWhite));
    }

    @Test
    void aFailingStreamIsAnIoErrorNotAMissingImage() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> IMAGE.fingerprint(broken)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk gone");
    }

    @Test
    void theStreamIsNotClosed() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(encode(computed(100, 100), "png")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(IMAGE.fingerprint(in)).isPresent();
        assertThat(closed[0]).isFalse();
    }

    @Test
    void areaResizeAveragesExactly() {
        // 3x1 into 2x1: each output pixel covers 1.5 input pixels.
        double[][] out = ImageFingerprinter.areaResize(new double[] {0, 30, 90}, 3, 1, 2, 1);
        assertThat(out[0][0]).isCloseTo((0 + 0.5 * 30) / 1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out[0][1]).isCloseTo((0.5 * 30 + 90) / 1.5, org.assertj.core.data.Offset.offset(1e-9));
        // Upscaling repeats pixels (piecewise constant), the mean is kept.
        double[][] up = ImageFingerprinter.areaResize(new double[] {10, 20}, 2, 1, 4, 2);
        assertThat(up[1]).containsExactly(10, 10, 20, 20);
    }

    @Test
    void theAlgorithmIsFrozen() throws IOException {
        // Stored fingerprints are compared with new ones for ever: this value must never change. If this fails,
        // the algorithm changed and needs a new FingerprintKind rather than a new expected value.
        assertThat(IMAGE.fingerprint(computed(640, 480)).map(Fingerprint::hex)).contains(FROZEN);
        assertThat(fingerprint(encode(computed(640, 480), "png")).map(Fingerprint::hex)).contains(FROZEN);
    }

    private static final String FROZEN = "7906431b878cf4f6";

    /** A PNG with the given size in its header and a single compressed row of data (the rest is missing). */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(8);   // bit depth
        header.writeByte(0);   // greyscale
        header.writeByte(0);
        header.writeByte(0);
        header.writeByte(0);
        chunk(data, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[width + 1]);
        deflater.finish();
        byte[] compressed = new byte[1 << 16];
        int n = deflater.deflate(compressed);
        chunk(data, "IDAT", java.util.Arrays.copyOf(compressed, n));
        chunk(data, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        out.writeInt(body.length);
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(name);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
