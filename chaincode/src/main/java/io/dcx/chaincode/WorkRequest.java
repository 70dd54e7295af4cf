package io.dcx.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The input of {@code RegisterWork} (and of each item of {@code RegisterWorks}), checked member by member:
 *
 * <pre>{@code
 * {"id":"wk_1","contentHash":"<64 lowercase hex>","fingerprint":"","fingerprintKind":"none","title":"Sunrise",
 *  "kind":"IMAGE","creators":[{"accountId":"acc_1","shareBps":10000}],"metadataHash":"","parents":[],
 *  "registrant":"acc_1"}
 * }</pre>
 *
 * <p>{@code fingerprint} (default empty), {@code fingerprintKind} (default {@code none}), {@code metadataHash}
 * (default empty) and {@code parents} (default none) may be left out; unknown members are ignored. A fingerprint is
 * required unless the kind is {@code none}, and must be empty when it is.
 */
record WorkRequest(
        String id,
        String contentHash,
        String fingerprint,
        FingerprintKind fingerprintKind,
        String title,
        WorkKind kind,
        List<Creator> creators,
        String metadataHash,
        List<String> parents,
        String registrant) {

    static final int MAX_TITLE = 200;
    static final int MAX_CREATORS = 20;
    static final int MAX_PARENTS = 100;
    private static final Pattern FINGERPRINT = Pattern.compile("[\\x21-\\x7e]{1,256}");

    static WorkRequest parse(final Json.JsonFields in) {
        final String id = Checks.id(in.string("id"), in.path("id"));
        final String contentHash = Checks.sha256Hex(in.string("contentHash"), in.path("contentHash"));

        final FingerprintKind fingerprintKind =
                FingerprintKind.parse(in.optionalString("fingerprintKind", "none"), in.path("fingerprintKind"));
        final String fingerprint = in.optionalString("fingerprint", "");
        if (fingerprintKind == FingerprintKind.NONE && !fingerprint.isEmpty()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(in.path("fingerprint") + " must be empty when "
                    + in.path("fingerprintKind") + " is none");
        }
        if (fingerprintKind != FingerprintKind.NONE && !FINGERPRINT.matcher(fingerprint).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(in.path("fingerprint")
                    + " must be 1 to 256 printable ASCII characters for kind " + fingerprintKind.wire());
        }

        final String title = Checks.text(in.string("title"), in.path("title"), MAX_TITLE);
        final WorkKind kind = Checks.oneOf(WorkKind.class, in.string("kind"), in.path("kind"));

        final List<Creator> creators = new ArrayList<>();
        final Set<String> creatorIds = new HashSet<>();
        long total = 0;
        for (final Json.JsonFields c : in.objects("creators", 1, MAX_CREATORS)) {
            final Creator creator = Creator.fromJson(c);
            if (!creatorIds.add(creator.accountId())) {
                throw ErrorCode.INVALID_ARGUMENT.exception(
                        in.path("creators") + " names account " + creator.accountId() + " twice");
            }
            total += creator.shareBps();
            creators.add(creator);
        }
        if (total != Work.TOTAL_BPS) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    in.path("creators") + " shares must add up to 10000 basis points, they add up to " + total);
        }

        final String metadataHash = in.optionalString("metadataHash", "");
        if (!metadataHash.isEmpty()) {
            Checks.sha256Hex(metadataHash, in.path("metadataHash"));
        }

        final List<String> parents = in.isNull("parents")
                ? List.of()
                : in.strings("parents", 0, MAX_PARENTS);
        final Set<String> seenParents = new HashSet<>();
        for (int i = 0; i < parents.size(); i++) {
            Checks.id(parents.get(i), in.path("parents") + "[" + i + "]");
            if (!seenParents.add(parents.get(i))) {
                throw ErrorCode.INVALID_ARGUMENT.exception(
                        in.path("parents") + " names work " + parents.get(i) + " twice");
            }
            if (parents.get(i).equals(id)) {
                throw ErrorCode.INVALID_ARGUMENT.exception("a work cannot be its own parent");
            }
        }

        final String registrant = Checks.id(in.string("registrant"), in.path("registrant"));
        return new WorkRequest(id, contentHash, fingerprint, fingerprintKind, title, kind, creators, metadataHash,
                parents, registrant);
    }

    /** The work as stored when this request is registered by transaction {@code txId} at {@code at}. */
    Work register(final Instant at, final String txId) {
        return new Work(id, contentHash, fingerprint, fingerprintKind, title, kind, creators, metadataHash, parents,
                registrant, WorkStatus.ACTIVE, null, at, txId, Work.REGISTERED, txId, at);
    }
}
