package io.dcx.service.api;

import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.ImageFingerprinter;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Images for the registration tests, drawn with Java2D: a gradient background with overlapping shapes, strokes and
 * a little noise (never a flat colour, which has no perceptual hash), and the copier's edits (resize, recompress).
 * Each call of {@link #freshScene()} draws a new random scene, far from every other scene of the run.
 */
final class TestImages {
    private static final SecureRandom SEEDS = new SecureRandom();

    private TestImages() {
    }

    /**
     * How far apart (in bits of the perceptual hash) every fresh scene of a run is from every other. Random scenes of
     * simple shapes land within the registration threshold (12 bits) of each other about once in 2,000 pairs, which
     * turned an unrelated upload into a near-duplicate review now and then; 24 bits leaves room for the copier's edits.
     */
    private static final int MIN_DISTANCE = 24;
    private static final ImageFingerprinter FINGERPRINTER = new ImageFingerprinter();
    private static final List<Fingerprint> ISSUED = new ArrayList<>();

    static BufferedImage freshScene() {
        synchronized (ISSUED) {
            for (int attempt = 0; attempt < 500; attempt++) {
                BufferedImage scene = scene(SEEDS.nextLong());
                Fingerprint fp = FINGERPRINTER.fingerprint(scene).orElseThrow();
                if (ISSUED.stream().allMatch(other -> other.distance(fp) > MIN_DISTANCE)) {
                    ISSUED.add(fp);
                    return scene;
                }
            }
            throw new IllegalStateException("no scene " + MIN_DISTANCE + " bits away from the " + ISSUED.size()
                    + " issued before");
        }
    }

    static BufferedImage scene(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int w = 640;
        int h = 480;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(random.nextInt(w), random.nextInt(h), color(random), random.nextInt(w),
                random.nextInt(h), color(random)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 14; i++) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f + random.nextFloat() * 0.5f));
            g.setColor(color(random));
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int sw = 40 + random.nextInt(w / 2);
            int sh = 40 + random.nextInt(h / 2);
            switch (random.nextInt(4)) {
                case 0 -> g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
                case 1 -> g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
                case 2 -> {
                    Polygon polygon = new Polygon();
                    for (int k = 0; k < 5; k++) {
                        polygon.addPoint(x + random.nextInt(sw) - sw / 2, y + random.nextInt(sh) - sh / 2);
                    }
                    g.fillPolygon(polygon);
                }
                default -> {
                    g.setStroke(new BasicStroke(4 + random.nextInt(12)));
                    g.drawLine(x, y, random.nextInt(w), random.nextInt(h));
                }
            }
        }
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(9) - 4;
                image.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + n) << 16) | (clamp(((rgb >> 8) & 0xff) + n) << 8)
                        | clamp((rgb & 0xff) + n));
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Color color(SplittableRandom random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The copier's edit: scaled to {@code width} (same aspect) and saved as a JPEG of the given quality. */
    static byte[] resizedJpeg(BufferedImage image, int width, float quality) {
        int height = image.getHeight() * width / image.getWidth();
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(small, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
