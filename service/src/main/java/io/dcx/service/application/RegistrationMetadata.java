package io.dcx.service.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.CreatorShares;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.WorkId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional {@code metadata} part of a registration, read: its canonical JSON (hashed into the work's
 * {@code metadataHash}) and the members the service acts on.
 *
 * <pre>{@code
 * {"description": "...",                                   // optional string
 *  "creators": [{"accountId": "acc_..", "shareBps": 6000}], // optional; default: the registrant alone, 10000
 *  "parents": ["wk_.."],                                    // optional; works this one derives from
 *  "licenceDefaults": {...},                                // optional object, free form
 *  ...}                                                     // any other members are kept as they are
 * }</pre>
 *
 * @param canonicalJson keys sorted, no spaces; null when there was no metadata
 */
public record RegistrationMetadata(String canonicalJson, List<CreatorShare> creators, List<String> parents) {
    /** Larger metadata is refused: it is descriptive, not a place for content. */
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_PARENTS = 100;
    public static final int MAX_DESCRIPTION = 10_000;

    public RegistrationMetadata {
        creators = List.copyOf(creators);
        parents = List.copyOf(parents);
    }

    /**
     * Reads and checks the metadata of a registration by {@code registrant}.
     *
     * @throws DcxException MALFORMED_JSON, INVALID_METADATA (400) or INVALID_SHARES (422)
     */
    public static RegistrationMetadata parse(String json, AccountId registrant) {
        if (json == null || json.isBlank()) {
            return new RegistrationMetadata(null, CreatorShares.soleCreator(registrant), List.of());
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DcxException(ErrorCode.INVALID_METADATA, "metadata is larger than " + MAX_BYTES + " bytes");
        }
        String canonical = ChainJson.canonicalMetadata(json);
        JsonNode root = ChainJson.parse(canonical.getBytes(StandardCharsets.UTF_8));

        JsonNode description = root.get("description");
        if (description != null && !description.isNull()) {
            if (!description.isTextual()) {
                throw new DcxException(ErrorCode.INVALID_METADATA, "metadata.description must be a string");
            }
            if (description.asText().length() > MAX_DESCRIPTION) {
                throw new DcxException(ErrorCode.INVALID_METADATA,
                        "metadata.description is longer than " + MAX_DESCRIPTION + " characters");
            }
        }
        JsonNode licenceDefaults = root.get("licenceDefaults");
        if (licenceDefaults != null && !licenceDefaults.isNull() && !licenceDefaults.isObject()) {
            throw new DcxException(ErrorCode.INVALID_METADATA, "metadata.licenceDefaults must be an object");
        }
        return new RegistrationMetadata(canonical, creators(root.get("creators"), registrant),
                parents(root.get("parents")));
    }

    private static List<CreatorShare> creators(JsonNode node, AccountId registrant) {
        if (node == null || node.isNull()) {
            return CreatorShares.soleCreator(registrant);
        }
        if (!node.isArray()) {
            throw shares("metadata.creators must be an array of {\"accountId\", \"shareBps\"}");
        }
        List<CreatorShare> creators = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isObject() || !entry.path("accountId").isTextual()) {
                throw shares("each creator is an object with a string accountId and an integer shareBps");
            }
            JsonNode share = entry.path("shareBps");
            if (!share.isIntegralNumber() || !share.canConvertToInt()) {
                throw shares("the shareBps of " + entry.path("accountId").asText()
                        + " must be an integer number of basis points");
            }
            creators.add(new CreatorShare(entry.path("accountId").asText(), share.intValue()));
        }
        return CreatorShares.check(creators, registrant);
    }

    private static List<String> parents(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DcxException(ErrorCode.INVALID_METADATA, "metadata.parents must be an array of work ids");
        }
        if (node.size() > MAX_PARENTS) {
            throw new DcxException(ErrorCode.INVALID_METADATA,
                    "metadata.parents may name at most " + MAX_PARENTS + " works");
        }
        List<String> parents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode parent : node) {
            if (!parent.isTextual()) {
                throw new DcxException(ErrorCode.INVALID_METADATA, "metadata.parents must be an array of work ids");
            }
            String id = parent.asText();
            try {
                new WorkId(id);
            } catch (DcxException malformed) {
                throw parentNotFound(id);
            }
            if (!seen.add(id)) {
                throw new DcxException(ErrorCode.INVALID_METADATA, "metadata.parents names work " + id + " twice");
            }
            parents.add(id);
        }
        return parents;
    }

    static DcxException parentNotFound(String id) {
        return new DcxException(ErrorCode.PARENT_NOT_FOUND, "parent work " + id + " does not exist",
                Map.of("parentWorkId", id));
    }

    private static DcxException shares(String detail) {
        return new DcxException(ErrorCode.INVALID_SHARES, detail);
    }
}
