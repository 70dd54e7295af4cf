package io.dcx.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * A registered work, stored under key {@code work(id)}. JSON, members always present and in this order:
 *
 * <pre>{@code
 * {"id":"wk_1","contentHash":"<64 hex>","fingerprint":"","fingerprintKind":"none","title":"Sunrise",
 *  "kind":"IMAGE","creators":[{"accountId":"acc_1","shareBps":10000}],"metadataHash":"","parents":[],
 *  "registrant":"acc_1","status":"ACTIVE","statusReason":null,"registeredAt":"2025-01-01T08:00:00Z",
 *  "txId":"<registering tx>","lastAction":"REGISTERED","lastTxId":"<last tx that wrote it>",
 *  "updatedAt":"2025-01-01T08:00:00Z"}
 * }</pre>
 *
 * <p>{@code registeredAt} and {@code updatedAt} are transaction timestamps (never a client clock); {@code txId} is
 * the registering transaction and never changes; {@code lastAction} ({@code REGISTERED} or
 * {@code STATUS_CHANGED}) and {@code lastTxId} describe the latest write, which is what the history of the key
 * shows as each entry's action.
 */
@DataType
public record Work(
        @Property String id,
        @Property String contentHash,
        @Property String fingerprint,
        @Property FingerprintKind fingerprintKind,
        @Property String title,
        @Property WorkKind kind,
        @Property List<Creator> creators,
        @Property String metadataHash,
        @Property List<String> parents,
        @Property String registrant,
        @Property WorkStatus status,
        @Property String statusReason,
        @Property Instant registeredAt,
        @Property String txId,
        @Property String lastAction,
        @Property String lastTxId,
        @Property Instant updatedAt) {

    static final int TOTAL_BPS = 10_000;
    static final String REGISTERED = "REGISTERED";
    static final String STATUS_CHANGED = "STATUS_CHANGED";

    public Work {
        creators = List.copyOf(creators);
        parents = List.copyOf(parents);
    }

    boolean hasCreator(final String accountId) {
        return creators.stream().anyMatch(c -> c.accountId().equals(accountId));
    }

    Work withStatus(final WorkStatus newStatus, final String reason, final Instant at, final String tx) {
        return new Work(id, contentHash, fingerprint, fingerprintKind, title, kind, creators, metadataHash, parents,
                registrant, newStatus, reason, registeredAt, txId, STATUS_CHANGED, tx, at);
    }

    Json.Obj toJson() {
        final List<Object> creatorJson = new ArrayList<>();
        creators.forEach(c -> creatorJson.add(c.toJson()));
        return Json.object()
                .put("id", id)
                .put("contentHash", contentHash)
                .put("fingerprint", fingerprint)
                .put("fingerprintKind", fingerprintKind.wire())
                .put("title", title)
                .put("kind", kind.name())
                .put("creators", creatorJson)
                .put("metadataHash", metadataHash)
                .put("parents", new ArrayList<Object>(parents))
                .put("registrant", registrant)
                .put("status", status.name())
                .put("statusReason", statusReason)
                .put("registeredAt", registeredAt.toString())
                .put("txId", txId)
                .put("lastAction", lastAction)
                .put("lastTxId", lastTxId)
                .put("updatedAt", updatedAt.toString());
    }

    static Work fromStored(final byte[] json) {
        final Json.JsonFields in = Json.parseStored(json, "work");
        final List<Creator> creators = new ArrayList<>();
        in.objects("creators", 0, Integer.MAX_VALUE).forEach(c -> creators.add(Creator.fromJson(c)));
        return new Work(
                in.string("id"),
                in.string("contentHash"),
                in.string("fingerprint"),
                FingerprintKind.parse(in.string("fingerprintKind"), "fingerprintKind"),
                in.string("title"),
                WorkKind.valueOf(in.string("kind")),
                creators,
                in.string("metadataHash"),
                in.strings("parents", 0, Integer.MAX_VALUE),
                in.string("registrant"),
                WorkStatus.valueOf(in.string("status")),
                in.optionalString("statusReason", null),
                Instant.parse(in.string("registeredAt")),
                in.string("txId"),
                in.string("lastAction"),
                in.string("lastTxId"),
                Instant.parse(in.string("updatedAt")));
    }
}
