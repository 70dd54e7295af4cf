package io.dcx.service.domain.fingerprint;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Varied synthetic test images drawn with Java2D from a seed (photo-like smooth fields, gradients, shapes, textures,
 * noise and lettering), and the edits a copier makes to an image (resize, recompress, crop, brightness, contrast,
 * watermark, rotation).
 *
 * <p>Lettering is drawn as pen strokes, not with fonts: which fonts a machine has (and so how a string renders)
 * differs from machine to machine, and the measured rates must not.
 */
final class SyntheticImages {
    private SyntheticImages() {
    }

    /** A scene from a seed; sizes vary from 320x240 to 1024x768 with assorted aspect ratios. */
    static BufferedImage scene(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        int[][] sizes = {{640, 480}, {480, 640}, {800, 600}, {1024, 768}, {512, 512}, {1024, 576}, {576, 1024},
                {320, 240}, {960, 640}, {768, 768}};
        int[] size = sizes[random.nextInt(sizes.length)];
        int w = size[0];
        int h = size[1];
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);

        // Background: a photo-like smooth field (value noise), a linear or a radial gradient.
        switch (random.nextInt(3)) {
            case 0 -> g.drawImage(smoothField(random, w, h), 0, 0, null);
            case 1 -> {
                g.setPaint(new GradientPaint(random.nextInt(w), random.nextInt(h), color(random),
                        random.nextInt(w), random.nextInt(h), color(random)));
                g.fillRect(0, 0, w, h);
            }
            default -> {
                g.setPaint(new RadialGradientPaint(new Point2D.Float(random.nextInt(w), random.nextInt(h)),
                        Math.max(w, h) * (0.3f + random.nextFloat() * 0.7f), new float[] {0f, 0.5f, 1f},
                        new Color[] {color(random), color(random), color(random)},
                        MultipleGradientPaint.CycleMethod.REFLECT));
                g.fillRect(0, 0, w, h);
            }
        }
        // A second smooth field blended in, so scenes are not pure geometry.
        if (random.nextBoolean()) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.2f + random.nextFloat() * 0.4f));
            g.drawImage(smoothField(random, w, h), 0, 0, null);
            g.setComposite(AlphaComposite.SrcOver);
        }
        // Shapes: ellipses, rectangles, polygons, lines; some translucent, some with gradients.
        int shapes = 3 + random.nextInt(12);
        for (int i = 0; i < shapes; i++) {
            float alpha = random.nextInt(3) == 0 ? 0.3f + random.nextFloat() * 0.5f : 1f;
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int sw = w / 20 + random.nextInt(w / 2);
            int sh = h / 20 + random.nextInt(h / 2);
            if (random.nextInt(4) == 0) {
                g.setPaint(new GradientPaint(x, y, color(random), x + sw, y + sh, color(random)));
            } else {
                g.setColor(color(random));
            }
            switch (random.nextInt(5)) {
                case 0 -> g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
                case 1 -> g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
                case 2 -> {
                    Polygon polygon = new Polygon();
                    int corners = 3 + random.nextInt(5);
                    for (int k = 0; k < corners; k++) {
                        polygon.addPoint(x + random.nextInt(sw) - sw / 2, y + random.nextInt(sh) - sh / 2);
                    }
                    g.fillPolygon(polygon);
                }
                case 3 -> {
                    g.setStroke(new BasicStroke(2 + random.nextInt(Math.max(3, w / 60))));
                    g.drawLine(x, y, random.nextInt(w), random.nextInt(h));
                }
                default -> texture(g, random, x - sw / 2, y - sh / 2, sw, sh);
            }
        }
        g.setComposite(AlphaComposite.SrcOver);
        // Lettering, as on posters and covers.
        int texts = random.nextInt(4);
        for (int i = 0; i < texts; i++) {
            g.setColor(color(random));
            int letterSize = h / 30 + random.nextInt(h / 8);
            lettering(g, random, random.nextInt(w * 3 / 4), h / 10 + random.nextInt(h * 9 / 10), letterSize,
                    3 + random.nextInt(10));
        }
        g.dispose();
        // Sensor-like noise.
        double sigma = random.nextInt(3) == 0 ? 0 : 1 + random.nextDouble() * 6;
        if (sigma > 0) {
            addNoise(image, random, sigma);
        }
        return image;
    }

    /**
     * A line of pseudo-characters ({@code count} of them, each {@code size} high, baseline at y): each character is
     * two to four pen strokes (bars, diagonals, hooks and bowls), which reads as writing at a glance.
     */
    static void lettering(Graphics2D g, SplittableRandom random, int x, int y, int size, int count) {
        Graphics2D pen = (Graphics2D) g.create();
        pen.setStroke(new BasicStroke(Math.max(1f, size / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int advance = size * 3 / 4;
        for (int c = 0; c < count; c++) {
            int left = x + c * advance;
            int top = y - size;
            int strokes = 2 + random.nextInt(3);
            for (int s = 0; s < strokes; s++) {
                int x0 = left + random.nextInt(Math.max(1, advance * 2 / 3));
                int y0 = top + random.nextInt(Math.max(1, size));
                switch (random.nextInt(4)) {
                    case 0 -> pen.drawLine(x0, top, x0, y);                                   // bar
                    case 1 -> pen.drawLine(left, y0, left + advance * 2 / 3, y0);             // crossbar
                    case 2 -> pen.drawLine(x0, top, left + random.nextInt(Math.max(1, advance)), y); // diagonal
                    default -> pen.drawArc(left, y0 - size / 4, advance * 2 / 3, size / 2,
                            random.nextInt(360), 120 + random.nextInt(240));                  // bowl or hook
                }
            }
        }
        pen.dispose();
    }

    private static Color color(SplittableRandom random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    /** Value noise: a coarse random grid per channel, smoothly upscaled (bicubic), like out-of-focus photo areas. */
    private static BufferedImage smoothField(SplittableRandom random, int w, int h) {
        int gw = 2 + random.nextInt(7);
        int gh = 2 + random.nextInt(7);
        BufferedImage grid = new BufferedImage(gw, gh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                grid.setRGB(x, y, color(random).getRGB());
            }
        }
        BufferedImage field = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = field.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(grid, 0, 0, w, h, null);
        g.dispose();
        return field;
    }

    /** Stripes, a checkerboard or dots inside a rectangle. */
    private static void texture(Graphics2D g, SplittableRandom random, int x, int y, int w, int h) {
        Graphics2D t = (Graphics2D) g.create();
        t.clipRect(x, y, w, h);
        Color a = color(random);
        Color b = color(random);
        int period = 4 + random.nextInt(24);
        switch (random.nextInt(3)) {
            case 0 -> {
                t.rotate(random.nextDouble() * Math.PI, x + w / 2.0, y + h / 2.0);
                int reach = w + h;
                for (int i = -reach; i < reach; i += period) {
                    t.setColor((i / period) % 2 == 0 ? a : b);
                    t.fillRect(x + i, y - reach, period / 2 + 1, 3 * reach);
                }
            }
            case 1 -> {
                for (int yy = y; yy < y + h; yy += period) {
                    for (int xx = x; xx < x + w; xx += period) {
                        t.setColor(((xx - x) / period + (yy - y) / period) % 2 == 0 ? a : b);
                        t.fillRect(xx, yy, period, period);
                    }
                }
            }
            default -> {
                t.setColor(a);
                t.fillRect(x, y, w, h);
                t.setColor(b);
                for (int yy = y; yy < y + h; yy += period) {
                    for (int xx = x; xx < x + w; xx += period) {
                        t.fillOval(xx, yy, period / 2 + 1, period / 2 + 1);
                    }
                }
            }
        }
        t.dispose();
    }

    private static void addNoise(BufferedImage image, SplittableRandom random, double sigma) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int n = (int) Math.round(gaussian(random) * sigma);
                row[x] = (clamp(((rgb >> 16) & 0xff) + n) << 16) | (clamp(((rgb >> 8) & 0xff) + n) << 8)
                        | clamp((rgb & 0xff) + n);
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    // ---- edits ----

    /** A named edit of an image. */
    record Edit(String name, UnaryOperator<BufferedImage> apply) {
    }

    static BufferedImage scale(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        if (factor < 1) {
            // What image tools do when shrinking: area averaging, not nearest neighbour.
            java.awt.Image scaled = image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.drawImage(scaled, 0, 0, null);
            g.dispose();
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage jpegRoundTrip(BufferedImage image, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg(image, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the given share off each of the four borders. */
    static BufferedImage cropBorders(BufferedImage image, double share) {
        return crop(image, share, share, share, share);
    }

    static BufferedImage crop(BufferedImage image, double left, double top, double right, double bottom) {
        int w = image.getWidth();
        int h = image.getHeight();
        int x0 = (int) Math.round(w * left);
        int y0 = (int) Math.round(h * top);
        int x1 = w - (int) Math.round(w * right);
        int y1 = h - (int) Math.round(h * bottom);
        BufferedImage out = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, -x0, -y0, null);
        g.dispose();
        return out;
    }

    /** Per-channel linear map {@code v * gain + offset}, clamped to 0..255. */
    static BufferedImage levels(BufferedImage image, double gain, double offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                row[x] = (map((rgb >> 16) & 0xff, gain, offset) << 16) | (map((rgb >> 8) & 0xff, gain, offset) << 8)
                        | map(rgb & 0xff, gain, offset);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static int map(int v, double gain, double offset) {
        return clamp((int) Math.round(v * gain + offset));
    }

    static BufferedImage brightness(BufferedImage image, double share) {
        return levels(image, 1, 255 * share);
    }

    /** Contrast around mid-grey: {@code (v - 128) * factor + 128}. */
    static BufferedImage contrast(BufferedImage image, double factor) {
        return levels(image, factor, 128 * (1 - factor));
    }

    /**
     * A light watermark: semi-transparent white lettering (ten characters, a twentieth of the height) and a round
     * logo near the lower right corner, the same marks on every image.
     */
    static BufferedImage watermark(BufferedImage image) {
        BufferedImage out = copy(image);
        int w = out.getWidth();
        int h = out.getHeight();
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
        g.setColor(Color.WHITE);
        int size = Math.max(10, h / 20);
        int characters = 10;
        int textWidth = characters * size * 3 / 4;
        lettering(g, new SplittableRandom(2024), w - textWidth - w / 40, h - h / 40, size, characters);
        g.fillOval(w - textWidth - w / 40 - size * 2, h - h / 40 - size, size, size);
        g.dispose();
        return out;
    }

    /** Rotation about the centre, keeping the size (corners filled with black, as most tools do). */
    static BufferedImage rotate(BufferedImage image, double degrees) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0), null);
        g.dispose();
        return out;
    }

    static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
