package io.dcx.service.application;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.WorkKind;
import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.ImageFingerprinter;
import io.dcx.service.domain.fingerprint.TextFingerprinter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The perceptual fingerprint of an uploaded file, by the kind its registrant declared: images get the DCT hash,
 * texts the SimHash, every other kind none (registered by exact content hash only, and the API says so).
 *
 * <p>A file declared IMAGE must be an image: bytes no image reader recognises, or that cannot be decoded, are
 * refused ({@link ErrorCode#NOT_AN_IMAGE}), and so are images beyond {@link ImageFingerprinter#MAX_PIXELS}
 * ({@link ErrorCode#IMAGE_TOO_LARGE}): registering those without a fingerprint would let a blown-up copy of
 * someone's image slip past the near-duplicate check. A real image that is too small or featureless to fingerprint
 * (a flat colour) is registered by exact hash, with a note.
 */
@ApplicationScoped
public class ContentFingerprints {
    private final ImageFingerprinter images = new ImageFingerprinter();
    private final TextFingerprinter texts = new TextFingerprinter();

    /** A fingerprint, or none and why. */
    public record Result(Optional<Fingerprint> fingerprint, String note) {
        static Result of(Fingerprint fingerprint) {
            return new Result(Optional.of(fingerprint), null);
        }

        static Result none(String note) {
            return new Result(Optional.empty(), note);
        }
    }

    public Result of(WorkKind kind, Path file) {
        try {
            return switch (kind) {
                case IMAGE -> image(file);
                case TEXT -> texts.fingerprint(Files.readAllBytes(file)).map(Result::of).orElseGet(() -> Result.none(
                        "the text is too short (fewer than " + TextFingerprinter.MIN_SHINGLES
                                + " two-token shingles) or does not read as text for a similarity hash;"
                                + " registered by exact content hash only"));
                default -> Result.none(kind.name() + " works are registered by exact content hash only");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private Result image(Path file) throws IOException {
        Dimensions dimensions = dimensions(file).orElseThrow(ContentFingerprints::notAnImage);
        if (dimensions.pixels() > ImageFingerprinter.MAX_PIXELS) {
            throw new DcxException(ErrorCode.IMAGE_TOO_LARGE, String.format(Locale.ROOT,
                    "the image has %d x %d pixels; images up to %d pixels are accepted", dimensions.width(),
                    dimensions.height(), ImageFingerprinter.MAX_PIXELS),
                    Map.of("maxPixels", ImageFingerprinter.MAX_PIXELS));
        }
        Optional<Fingerprint> fingerprint;
        try (InputStream in = Files.newInputStream(file)) {
            fingerprint = images.fingerprint(in);
        }
        if (fingerprint.isPresent()) {
            return Result.of(fingerprint.get());
        }
        if (dimensions.width() >= ImageFingerprinter.MIN_SIDE && dimensions.height() >= ImageFingerprinter.MIN_SIDE
                && !decodes(file)) {
            throw notAnImage();
        }
        return Result.none("the image is too small (under " + ImageFingerprinter.MIN_SIDE + " pixels on a side) or"
                + " has too little structure for a perceptual hash; registered by exact content hash only");
    }

    private record Dimensions(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    /** The size of the first image from its header, without decoding pixels; empty if no reader knows the bytes. */
    private static Optional<Dimensions> dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
            } catch (IOException | RuntimeException unreadableHeader) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    /** Whether the first image decodes (heavily subsampled, so this is cheap whatever its size). */
    private static boolean decodes(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / 64);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return image != null;
            } catch (IOException | RuntimeException corrupt) {
                return false;
            } finally {
                reader.dispose();
            }
        }
    }

    private static DcxException notAnImage() {
        return new DcxException(ErrorCode.NOT_AN_IMAGE,
                "kind IMAGE needs a decodable PNG, JPEG, GIF or BMP image; these bytes are not one");
    }
}
