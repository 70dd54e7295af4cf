package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.Work;
import java.time.Instant;
import java.util.List;

/**
 * A registered work as the API shows it. {@code registeredAt} is the chain transaction's timestamp.
 * {@code fingerprintNote} (only in the answer to a registration) says why a work has no perceptual fingerprint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkResponse(
        String id,
        String contentHash,
        String fingerprint,
        String fingerprintKind,
        String status,
        String title,
        String kind,
        String registrant,
        List<CreatorShare> creators,
        String metadataHash,
        @JsonRawValue String metadata,
        String contentType,
        Long sizeBytes,
        String txId,
        long blockNumber,
        Instant registeredAt,
        String fingerprintNote) {

    public static WorkResponse of(Work w) {
        return of(w, null);
    }

    public static WorkResponse of(Work w, String fingerprintNote) {
        return new WorkResponse(w.id(), w.contentHash(), w.fingerprint(), w.fingerprintKind(), w.status(), w.title(),
                w.kind(), w.registrant(), w.creators(), w.metadataHash(), w.metadataJson(), w.contentType(),
                w.sizeBytes(), w.txId(), w.blockNumber(), w.registeredAt(), fingerprintNote);
    }
}
