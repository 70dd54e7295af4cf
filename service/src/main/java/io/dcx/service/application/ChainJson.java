package io.dcx.service.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the contract's JSON records. The contract's record shapes are documented on the chaincode's
 * contract classes; unknown fields are ignored so the contract may add fields freely.
 */
public final class ChainJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ChainJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the contract answered with invalid JSON", e);
        }
    }

    /** Parses client metadata: it must be a JSON object. Answers its canonical form (keys sorted, no spaces). */
    public static String canonicalMetadata(String metadataJson) {
        JsonNode node;
        try {
            node = MAPPER.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw new DcxException(ErrorCode.MALFORMED_JSON, "metadata is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new DcxException(ErrorCode.INVALID_METADATA, "metadata must be a JSON object");
        }
        requireWellFormedText(node);
        try {
            Object sorted = MAPPER.treeToValue(node, Object.class);
            return MAPPER.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new DcxException(ErrorCode.INVALID_METADATA, "metadata cannot be read: " + e.getOriginalMessage());
        }
    }

    /** Every member name and string of the metadata is text PostgreSQL and UTF-8 can hold (see Texts). */
    private static void requireWellFormedText(JsonNode node) {
        if (node.isTextual() && !io.dcx.service.domain.Texts.wellFormed(node.textValue())) {
            throw new DcxException(ErrorCode.INVALID_METADATA,
                    "metadata contains a NUL character or an unpaired surrogate (\\u0000, a lone \\ud800...)");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var member = it.next();
            if (!io.dcx.service.domain.Texts.wellFormed(member.getKey())) {
                throw new DcxException(ErrorCode.INVALID_METADATA,
                        "metadata has a member name with a NUL character or an unpaired surrogate");
            }
            requireWellFormedText(member.getValue());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                requireWellFormedText(element);
            }
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A Work from the contract's work record, located in {@code blockNumber}. Off-chain fields stay empty. */
    public static Work work(JsonNode n, long blockNumber) {
        List<CreatorShare> creators = new ArrayList<>();
        for (JsonNode c : n.path("creators")) {
            creators.add(new CreatorShare(c.path("accountId").asText(), c.path("shareBps").asInt()));
        }
        return new Work(
                n.path("id").asText(),
                n.path("contentHash").asText(),
                n.path("title").asText(),
                n.path("kind").asText(),
                n.path("fingerprint").asText(""),
                n.path("fingerprintKind").asText("none"),
                n.path("status").asText(),
                n.path("registrant").asText(),
                creators,
                n.path("metadataHash").asText(""),
                null,
                null,
                null,
                n.path("txId").asText(),
                blockNumber,
                Instant.parse(n.path("registeredAt").asText()));
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
