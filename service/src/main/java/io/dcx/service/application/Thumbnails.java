package io.dcx.service.application;

import io.dcx.service.application.port.ContentStore;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.WorkKind;
import io.dcx.service.domain.fingerprint.ImageFingerprinter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small previews of IMAGE works for the console (a creator's works, the board's listings, near-duplicate warnings):
 * a JPEG at most {@link #MAX_SIDE} pixels on its longer side, aspect kept, made from the stored file. A work's
 * content never changes (it is addressed by its hash), so a thumbnail is made once and kept in a small in-memory
 * cache; clients may cache it too (its ETag is the content hash). Any authenticated role may read one: the
 * thumbnail is what the board shows, not the file (that stays with its creators, {@link ContentQuery}).
 */
@ApplicationScoped
public class Thumbnails {
    public static final int MAX_SIDE = 320;
    private static final int CACHE_ENTRIES = 256;

    private final WorkQueries works;
    private final ContentStore contentStore;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    public Thumbnails(WorkQueries works, ContentStore contentStore) {
        this.works = works;
        this.contentStore = contentStore;
    }

    /** A JPEG preview and the content hash it was made from. */
    public record Thumbnail(byte[] jpeg, String contentHash) {
    }

    public Thumbnail of(String workId) {
        Work work = works.byId(workId);
        if (!WorkKind.IMAGE.name().equals(work.kind())) {
            throw new DcxException(ErrorCode.NO_THUMBNAIL,
                    "work " + workId + " is " + work.kind() + "; thumbnails are made for IMAGE works only");
        }
        synchronized (cache) {
            byte[] cached = cache.get(work.contentHash());
            if (cached != null) {
                return new Thumbnail(cached, work.contentHash());
            }
        }
        byte[] jpeg;
        try (InputStream in = contentStore.open(new ContentHash(work.contentHash()))
                .orElseThrow(() -> new DcxException(ErrorCode.CONTENT_NOT_FOUND,
                        "the file of work " + workId + " is not held by this service"))) {
            jpeg = jpeg(scaled(decode(in).orElseThrow(() -> new DcxException(ErrorCode.NO_THUMBNAIL,
                    "the stored file of work " + workId + " does not decode as an image"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file of work " + workId, e);
        }
        synchronized (cache) {
            cache.put(work.contentHash(), jpeg);
        }
        return new Thumbnail(jpeg, work.contentHash());
    }

    /**
     * Decodes the first image, subsampled while reading so that a large image never fills memory: the decoded
     * picture is at most about twice the thumbnail's size on its longer side.
     */
    static Optional<BufferedImage> decode(InputStream bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > ImageFingerprinter.MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.ofNullable(reader.read(0, param));
            } catch (IOException | RuntimeException corrupt) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    /** Scales down to at most MAX_SIDE on the longer side (never up), on white where the image is transparent. */
    static BufferedImage scaled(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = source;
        // Halve in steps first: one bilinear step from far larger sizes aliases badly.
        while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, tw, th);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
