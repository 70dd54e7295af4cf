package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.CertificateRenderer;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.certificate.Certificate;
import io.dcx.service.domain.certificate.CertificateVerification;
import io.dcx.service.domain.certificate.RegisteredFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registration certificates. A certificate states the chain's facts (read from the ledger when it is issued, not
 * from the service's database) and carries a public link that checks them against the ledger again: the verifier
 * reads with the regulator's read-only identity, so the answer depends on the chain alone.
 */
@ApplicationScoped
public class Certificates {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Ledger ledger;
    private final WorkQueries works;
    private final ChainIndex chainIndex;
    private final CertificateRenderer renderer;
    private final String publicUrl;
    private final Clock clock = Clock.systemUTC();

    public Certificates(Ledger ledger, WorkQueries works, ChainIndex chainIndex, CertificateRenderer renderer,
            @ConfigProperty(name = "dcx.public-url", defaultValue = "http://127.0.0.1:8080") String publicUrl) {
        this.ledger = ledger;
        this.works = works;
        this.chainIndex = chainIndex;
        this.renderer = renderer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The certificate of a registered work, as of now. */
    public Certificate issue(String workId) {
        Work work = works.byId(workId);
        RegisteredFacts facts = factsOnChain(work.id())
                .orElseThrow(() -> new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId));
        Long block = chainIndex.blockOf(facts.txId())
                .orElse(facts.txId().equals(work.txId()) ? work.blockNumber() : null);
        String hash = facts.certificateHash();
        return new Certificate(facts, block, verifyUrl(facts.workId(), facts.contentHash(), hash), clock.instant(),
                hash);
    }

    public CertificateRenderer.RenderedPdf pdf(String workId) {
        return renderer.render(issue(workId));
    }

    /**
     * Checks a certificate's claims against the ledger. Malformed input is refused (400); a well-formed claim about
     * an unknown work is simply not valid.
     */
    public CertificateVerification verify(String workId, String contentHash, String certificateHash) {
        if (workId == null || workId.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "query parameter workId is required");
        }
        if (contentHash == null) {
            throw new DcxException(ErrorCode.INVALID_CONTENT_HASH, "query parameter contentHash is required");
        }
        String claimedHash = ContentHash.parse(contentHash).hex();
        String claimedCertificate = null;
        if (certificateHash != null && !certificateHash.isBlank()) {
            claimedCertificate = certificateHash.strip().toLowerCase(Locale.ROOT);
            if (!HEX64.matcher(claimedCertificate).matches()) {
                throw new DcxException(ErrorCode.INVALID_REQUEST,
                        "certificateHash must be 64 hex characters (SHA-256)");
            }
        }
        String id = workId.strip();
        Optional<RegisteredFacts> chain = CHAIN_ID.matcher(id).matches() ? factsOnChain(id) : Optional.empty();
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (chain.isEmpty()) {
            reasons.add("WORK_NOT_FOUND");
        } else {
            RegisteredFacts facts = chain.get();
            if (!facts.contentHash().equals(claimedHash)) {
                reasons.add("CONTENT_HASH_MISMATCH");
            }
            if (claimedCertificate != null && !facts.certificateHash().equals(claimedCertificate)) {
                reasons.add("CERTIFICATE_HASH_MISMATCH");
            }
            switch (facts.status()) {
                case "REVOKED" -> reasons.add("WORK_REVOKED");
                case "DISPUTED" -> warnings.add("WORK_DISPUTED");
                case "FROZEN" -> warnings.add("WORK_FROZEN");
                default -> {
                }
            }
        }
        return new CertificateVerification(reasons.isEmpty(), reasons, warnings, id, chain.orElse(null),
                chain.map(RegisteredFacts::certificateHash).orElse(null), clock.instant());
    }

    String verifyUrl(String workId, String contentHash, String certificateHash) {
        return publicUrl + "/api/v1/certificates/verify?workId=" + URLEncoder.encode(workId, StandardCharsets.UTF_8)
                + "&contentHash=" + contentHash + "&certificateHash=" + certificateHash;
    }

    private Optional<RegisteredFacts> factsOnChain(String workId) {
        JsonNode n;
        try {
            n = ChainJson.parse(ledger.evaluate(LedgerIdentity.REGULATOR, "works:GetWork", workId));
        } catch (ContractRejectedException e) {
            if ("WORK_NOT_FOUND".equals(e.code()) || "INVALID_ARGUMENT".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        List<CreatorShare> creators = new ArrayList<>();
        for (JsonNode c : n.path("creators")) {
            creators.add(new CreatorShare(c.path("accountId").asText(), c.path("shareBps").asInt()));
        }
        return Optional.of(new RegisteredFacts(
                n.path("id").asText(),
                n.path("title").asText(),
                n.path("kind").asText(),
                creators,
                n.path("contentHash").asText(),
                n.path("fingerprint").asText(""),
                n.path("fingerprintKind").asText(""),
                n.path("metadataHash").asText(""),
                n.path("txId").asText(),
                Instant.parse(n.path("registeredAt").asText()),
                n.path("status").asText()));
    }
}
