package io.dcx.service.api.dto;

import io.dcx.service.domain.ProvenanceEntry;
import java.util.List;

/** The chain history of a work, oldest first. */
public record ProvenanceResponse(String workId, List<ProvenanceEntry> entries) {
}
