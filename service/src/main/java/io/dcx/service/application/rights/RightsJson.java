package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.domain.asset.Asset;
import io.dcx.service.domain.licence.Licence;
import io.dcx.service.domain.licence.LicenceScope;
import java.time.Instant;
import java.time.LocalDate;

/** Reads the contract's Asset and Licence records (shapes in the chaincode README); unknown members are ignored. */
final class RightsJson {
    private RightsJson() {
    }

    static Asset asset(JsonNode n, long blockNumber) {
        return new Asset(
                n.path("id").asText(),
                n.path("workId").asText(),
                Asset.AssetKind.valueOf(n.path("kind").asText()),
                n.path("edition").isNumber() ? n.path("edition").intValue() : null,
                n.path("editionCount").isNumber() ? n.path("editionCount").intValue() : null,
                n.path("ownerId").asText(),
                n.path("status").asText(),
                n.path("issuePriceFen").isNumber() ? n.path("issuePriceFen").longValue() : null,
                Instant.parse(n.path("acquiredAt").asText()),
                n.path("acquiredBy").asText(),
                n.path("lastAction").asText(),
                n.path("txId").asText(),
                blockNumber);
    }

    static Licence licence(JsonNode n, long blockNumber) {
        JsonNode scope = n.path("scope");
        return new Licence(
                n.path("id").asText(),
                n.path("workId").asText(),
                n.path("licenseeId").asText(),
                n.path("grantorId").asText(),
                new LicenceScope(scope.path("commercialUse").asBoolean(), scope.path("derivatives").asBoolean(),
                        scope.path("territory").asText(), scope.path("exclusive").asBoolean()),
                n.path("feeFen").asLong(),
                LocalDate.parse(n.path("validFrom").asText()),
                LocalDate.parse(n.path("validUntil").asText()),
                Instant.parse(n.path("grantedAt").asText()),
                n.path("txId").asText(),
                blockNumber);
    }
}
