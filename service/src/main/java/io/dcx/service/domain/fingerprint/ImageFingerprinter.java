package io.dcx.service.domain.fingerprint;

import java.awt.image.BufferedImage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The {@link FingerprintKind#IMAGE_DCT64} perceptual hash: 64 bits that stay close (small Hamming distance) when an
 * image is resized, recompressed, slightly cropped, made brighter or given more contrast, or lightly watermarked,
 * and are far apart for different images.
 *
 * <p>Algorithm (fixed: changing it would make stored fingerprints incomparable, so a change needs a new kind):
 * <ol>
 *   <li>decode the first frame with ImageIO (PNG, JPEG, GIF, BMP), compositing transparency onto white;</li>
 *   <li>luma {@code 0.299 R + 0.587 G + 0.114 B};</li>
 *   <li>area-average (box filter with exact fractional pixel coverage) down or up to 32x32;</li>
 *   <li>subtract the mean and multiply by a Tukey window ({@value #TAPER} of each axis tapered with a raised cosine,
 *       i.e. the outer eighth on each side fades to zero; the centre is untouched);</li>
 *   <li>2-D DCT-II (orthonormal) of the 32x32 block;</li>
 *   <li>take the first 64 AC coefficients in zig-zag order (anti-diagonals {@code u + v = 1..10}, each by
 *       increasing row, the last one without (10, 0)): the 64 lowest frequencies; the DC term is left out, it
 *       carries only mean brightness;</li>
 *   <li>bit 63 - i is set when coefficient i is above the median of the 64 (so every hash has exactly 32 bits set,
 *       and distances between image hashes are always even).</li>
 * </ol>
 * Thresholding at the median makes the hash independent of brightness and (linear) contrast; using only the lowest
 * frequencies of a 32x32 reduction makes it insensitive to scale, compression noise and small local changes. The
 * window is there for crops and small rotations: without it, content near the border (which a crop removes and a
 * rotation fills with black corners) weighs as much as the centre. Measured on the 200 synthetic scenes of
 * {@code FingerprintQualityTest}: the window cut the mean distance of a copy cropped by 5% at each border from about
 * 10.5 to 7.0 and of a copy rotated by 1 degree from 6 to 1.7, while distinct images stayed as far apart (a Hann
 * window did better on crops but brought distinct images 4 times as often within 10 bits; zig-zag order did better
 * than the 8x8 block at rows and columns 1..8; 16x16, 24x24 or 64x64 reductions instead of 32x32 changed little).
 *
 * <p>Decompression bombs: the image's size is read from its header before any pixel is decoded, and images above
 * {@link #MAX_PIXELS} are refused. Larger images than about a megapixel are decoded with source subsampling (every
 * n-th pixel of every n-th row), and the reduction to 32x32 reads one row at a time, so memory stays small whatever
 * the input size.
 *
 * <p>Thread-safe and stateless.
 */
public final class ImageFingerprinter {
    /** Images with more pixels than this (50 megapixels) are not decoded at all. */
    public static final long MAX_PIXELS = 50_000_000L;
    /**
     * The formats read (ImageIO names). The JDK also reads WBMP, whose header is so weak that other binary files
     * (an MP4 or an ICO starts with zero bytes too) pass for one, and TIFF; neither is taken.
     */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg", "gif", "bmp");
    /** Images narrower or lower than this carry too little to fingerprint. */
    public static final int MIN_SIDE = 8;

    static final int SIZE = 32;
    /** Pixels a large image is subsampled to while decoding (about one megapixel). */
    private static final long DECODE_PIXELS = 1L << 20;
    /** Standard deviation of the 32x32 luma (0..255) below which an image is featureless (flat). */
    private static final double MIN_STRUCTURE = 1.0;
    /** Share of each axis (both ends together) that the Tukey window tapers. */
    static final double TAPER = 0.5;
    private static final double[] WINDOW = tukeyWindow(SIZE, TAPER);
    /** How many of the lowest DCT rows and columns the zig-zag selection reaches (u, v = 0..10). */
    private static final int KEEP = 11;
    private static final double[][] DCT = dctMatrix(SIZE);

    /**
     * Fingerprints an encoded image. The stream is read but not closed.
     *
     * @return the fingerprint, or empty if the bytes are not a decodable PNG/JPEG/GIF/BMP image, the image is larger
     *         than {@link #MAX_PIXELS} or smaller than {@link #MIN_SIDE} on a side, or it is flat (no structure)
     * @throws UncheckedIOException if reading the stream itself fails (not if its content is not an image)
     */
    public Optional<Fingerprint> fingerprint(InputStream imageBytes) {
        TrackingInputStream in = new TrackingInputStream(imageBytes);
        Optional<BufferedImage> image;
        try {
            image = decode(in);
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt or truncated content as IIOException or as runtime exceptions from codecs.
            image = Optional.empty();
        }
        // ImageIO swallows some read failures (probing for a reader treats them as "not this format"): whatever
        // path the failure took, a stream that failed is an I/O error, not content that is no image.
        if (in.failure != null) {
            throw new UncheckedIOException(in.failure);
        }
        return image.flatMap(this::fingerprint);
    }

    /** Fingerprints an already decoded image (same algorithm as for encoded bytes, without the size guard). */
    public Optional<Fingerprint> fingerprint(BufferedImage image) {
        if (image.getWidth() < MIN_SIDE || image.getHeight() < MIN_SIDE) {
            return Optional.empty();
        }
        double[][] small = areaResize(lumaRows(image), image.getWidth(), image.getHeight(), SIZE, SIZE);
        if (standardDeviation(small) < MIN_STRUCTURE) {
            return Optional.empty();
        }
        return Optional.of(new Fingerprint(FingerprintKind.IMAGE_DCT64, hash(dct2(windowed(small)))));
    }

    private static Optional<BufferedImage> decode(InputStream in) throws IOException {
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            ImageReader reader = null;
            for (Iterator<ImageReader> readers = ImageIO.getImageReaders(iis); readers.hasNext(); ) {
                ImageReader candidate = readers.next();
                if (reader == null && FORMATS.contains(candidate.getFormatName().toLowerCase(Locale.ROOT))) {
                    reader = candidate;
                } else {
                    candidate.dispose();
                }
            }
            if (reader == null) {
                return Optional.empty();
            }
            try {
                reader.setInput(iis, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < MIN_SIDE || height < MIN_SIDE || width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Decoding step: keep about {@link #DECODE_PIXELS} pixels (every step-th pixel of every step-th row), but at
     * least 32 on the short side, so the 32x32 reduction still averages several samples per cell.
     */
    static int subsampling(long width, long height) {
        int byArea = (int) Math.sqrt((double) width * height / DECODE_PIXELS);
        int byShortSide = (int) (Math.min(width, height) / SIZE);
        return Math.max(1, Math.min(byArea, byShortSide));
    }

    /** Fills a row of luma values. */
    interface Rows {
        void row(int y, double[] out);
    }

    /** Luma row by row ({@code 0.299 R + 0.587 G + 0.114 B}); transparent pixels are composited onto white. */
    static Rows lumaRows(BufferedImage image) {
        int[] argb = new int[image.getWidth()];
        return (y, out) -> {
            image.getRGB(0, y, argb.length, 1, argb, 0, argb.length);
            for (int x = 0; x < argb.length; x++) {
                int p = argb[x];
                double a = (p >>> 24) / 255.0;
                double luma = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
                out[x] = luma * a + 255.0 * (1 - a);
            }
        };
    }

    /** {@link #areaResize(Rows, int, int, int, int)} of a row-major array. */
    static double[][] areaResize(double[] src, int w, int h, int outW, int outH) {
        return areaResize((y, out) -> System.arraycopy(src, y * w, out, 0, w), w, h, outW, outH);
    }

    /**
     * Box-filter resampling: each output pixel is the mean of the input area it covers, partial pixels weighted by
     * the covered fraction. Separable (rows, then columns), reading one input row at a time, so the memory is
     * {@code w + outW h} values whatever the image size. Works for up- and down-scaling.
     */
    static double[][] areaResize(Rows rows, int w, int h, int outW, int outH) {
        double[][] horizontal = new double[h][outW];
        double[][] wx = weights(w, outW);
        double[] src = new double[w];
        for (int y = 0; y < h; y++) {
            rows.row(y, src);
            for (int ox = 0; ox < outW; ox++) {
                double[] weights = wx[ox];
                int first = (int) weights[0];
                double sum = 0;
                for (int k = 1; k < weights.length; k++) {
                    sum += weights[k] * src[first + k - 1];
                }
                horizontal[y][ox] = sum;
            }
        }
        double[][] out = new double[outH][outW];
        double[][] wy = weights(h, outH);
        for (int oy = 0; oy < outH; oy++) {
            double[] weights = wy[oy];
            int first = (int) weights[0];
            for (int k = 1; k < weights.length; k++) {
                double weight = weights[k];
                double[] line = horizontal[first + k - 1];
                for (int ox = 0; ox < outW; ox++) {
                    out[oy][ox] += weight * line[ox];
                }
            }
        }
        return out;
    }

    /**
     * For each output cell: {first input index, weight of input first, weight of first+1, ...}; weights are the
     * covered fractions of each input pixel, normalised to sum to 1.
     */
    private static double[][] weights(int in, int out) {
        double[][] all = new double[out][];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double start = o * scale;
            double end = (o + 1) * scale;
            int first = (int) Math.floor(start);
            int last = Math.min(in - 1, (int) Math.ceil(end) - 1);
            double[] weights = new double[last - first + 2];
            weights[0] = first;
            for (int i = first; i <= last; i++) {
                weights[i - first + 1] = (Math.min(end, i + 1) - Math.max(start, i)) / scale;
            }
            all[o] = weights;
        }
        return all;
    }

    private static double standardDeviation(double[][] block) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] row : block) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }

    /** The block minus its mean, times the window in both directions. */
    static double[][] windowed(double[][] block) {
        double mean = 0;
        for (double[] row : block) {
            for (double v : row) {
                mean += v;
            }
        }
        mean /= SIZE * SIZE;
        double[][] out = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                out[y][x] = (block[y][x] - mean) * WINDOW[y] * WINDOW[x];
            }
        }
        return out;
    }

    /** Tukey (tapered cosine) window sampled at pixel centres: 1 in the middle, raised-cosine tapers at the ends. */
    private static double[] tukeyWindow(int n, double taper) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 0.5) / n;
            double edge = Math.min(x, 1 - x);
            w[i] = edge < taper / 2 ? 0.5 * (1 - Math.cos(2 * Math.PI * edge / taper)) : 1;
        }
        return w;
    }

    /** Orthonormal DCT-II basis: {@code m[k][n] = c(k) cos(pi (2n + 1) k / 2N)}. */
    private static double[][] dctMatrix(int n) {
        double[][] m = new double[n][n];
        for (int k = 0; k < n; k++) {
            double c = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int i = 0; i < n; i++) {
                m[k][i] = c * Math.cos(Math.PI * (2 * i + 1) * k / (2.0 * n));
            }
        }
        return m;
    }

    /** 2-D DCT-II as {@code D X D^T}; only the {@value #KEEP} lowest rows and columns (all the hash needs). */
    static double[][] dct2(double[][] x) {
        int n = x.length;
        int keep = KEEP;
        double[][] rows = new double[n][keep];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < keep; v++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += x[i][j] * DCT[v][j];
                }
                rows[i][v] = s;
            }
        }
        double[][] out = new double[keep][keep];
        for (int u = 0; u < keep; u++) {
            for (int v = 0; v < keep; v++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += DCT[u][i] * rows[i][v];
                }
                out[u][v] = s;
            }
        }
        return out;
    }

    private static long hash(double[][] dct) {
        double[] coefficients = new double[64];
        int k = 0;
        for (int diagonal = 1; k < 64; diagonal++) {
            for (int u = 0; u <= diagonal && k < 64; u++) {
                coefficients[k++] = dct[u][diagonal - u];
            }
        }
        double[] sorted = coefficients.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (coefficients[i] > median) {
                bits |= 1L << (63 - i);
            }
        }
        return bits;
    }

    /** Remembers an IOException of the underlying stream, to tell a broken stream from content that is no image. */
    private static final class TrackingInputStream extends FilterInputStream {
        IOException failure;

        TrackingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
