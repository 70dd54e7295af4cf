package io.dcx.service.application.port;

import io.dcx.service.domain.certificate.Certificate;

/** Turns a registration certificate into a printable PDF with a QR code of its verify link. */
public interface CertificateRenderer {
    RenderedPdf render(Certificate certificate);

    /**
     * The PDF, and how its title was drawn: {@code TEXT} (a font that has every character of the title is
     * embedded), {@code IMAGE} (no embeddable font has them but a system font does: the title is a picture) or
     * {@code CODE_POINTS} (no font on this server has them: the title is spelled as Unicode code points, and the
     * PDF says so).
     */
    record RenderedPdf(byte[] bytes, String titleRendering) {
    }
}
