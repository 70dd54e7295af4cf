package io.dcx.service.api;

/**
 * {@link TestImages} for tests outside this package (the browser tests): PNG bytes of a fresh scene, far from
 * every other scene of the run, and the copier's edit of one.
 */
public final class ConsoleTestImages {
    private ConsoleTestImages() {
    }

    /** A new 640 x 480 PNG, never a near-duplicate of another fresh one. */
    public static byte[] freshPng() {
        return TestImages.png(TestImages.freshScene());
    }

    /** {@code png} scaled to {@code width} pixels wide and saved as a JPEG: a near-duplicate of it. */
    public static byte[] resizedJpeg(byte[] png, int width) {
        return TestImages.resizedJpeg(TestImages.decode(png), width, 0.85f);
    }
}
