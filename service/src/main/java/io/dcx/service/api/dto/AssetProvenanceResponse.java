package io.dcx.service.api.dto;

import io.dcx.service.domain.asset.AssetHistoryEntry;
import java.util.List;

/** The chain history of an asset, oldest first (newest last). */
public record AssetProvenanceResponse(String assetId, String workId, List<AssetHistoryEntry> entries) {
}
