package io.dcx.service.domain.certificate;

import io.dcx.service.domain.CreatorShare;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the chain says about a work's registration (works:GetWork): the facts a certificate attests, plus the work's
 * current status (which may change, so it is not part of the certificate hash).
 */
public record RegisteredFacts(
        String workId,
        String title,
        String kind,
        List<CreatorShare> creators,
        String contentHash,
        String fingerprint,
        String fingerprintKind,
        String metadataHash,
        String txId,
        Instant registeredAt,
        String status) {

    public RegisteredFacts {
        creators = List.copyOf(creators);
    }

    /**
     * The certificate hash: SHA-256, as lowercase hex, of the UTF-8 text made of these lines, each ending in a line
     * feed: {@code dcx-certificate-v1}, then {@code workId=}, {@code title=}, {@code kind=}, {@code creators=}
     * (each {@code accountId:shareBps}, comma separated, in chain order), {@code contentHash=}, {@code fingerprint=},
     * {@code fingerprintKind=}, {@code metadataHash=}, {@code txId=}, {@code registeredAt=} (ISO-8601 instant), each
     * followed by the chain's value. None of the values can contain a line feed (titles have no control
     * characters), so anyone holding the chain facts can recompute it; a change of any attested fact changes it.
     */
    public String certificateHash() {
        String creatorList = creators.stream()
                .map(c -> c.accountId() + ":" + c.shareBps())
                .collect(Collectors.joining(","));
        String canonical = "dcx-certificate-v1\n"
                + "workId=" + workId + "\n"
                + "title=" + title + "\n"
                + "kind=" + kind + "\n"
                + "creators=" + creatorList + "\n"
                + "contentHash=" + contentHash + "\n"
                + "fingerprint=" + fingerprint + "\n"
                + "fingerprintKind=" + fingerprintKind + "\n"
                + "metadataHash=" + metadataHash + "\n"
                + "txId=" + txId + "\n"
                + "registeredAt=" + registeredAt + "\n";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
