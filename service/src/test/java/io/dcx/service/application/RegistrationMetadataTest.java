package io.dcx.service.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import org.junit.jupiter.api.Test;

/** The metadata part of a registration: canonical form, creators' shares, parents. */
class RegistrationMetadataTest {
    private static final AccountId ALICE = new AccountId("acc_alice");

    private static ErrorCode codeOf(String json) {
        try {
            RegistrationMetadata.parse(json, ALICE);
        } catch (DcxException e) {
            return e.code();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void withoutMetadataTheRegistrantIsTheSoleCreator() {
        RegistrationMetadata none = RegistrationMetadata.parse(null, ALICE);
        assertThat(none.canonicalJson()).isNull();
        assertThat(none.creators()).containsExactly(new CreatorShare("acc_alice", 10_000));
        assertThat(none.parents()).isEmpty();
        assertThat(RegistrationMetadata.parse("  ", ALICE).canonicalJson()).isNull();
        assertThat(RegistrationMetadata.parse("{\"year\":2026}", ALICE).creators())
                .containsExactly(new CreatorShare("acc_alice", 10_000));
    }

    @Test
    void theCanonicalFormSortsKeysAndKeepsEveryMember() {
        RegistrationMetadata m = RegistrationMetadata.parse("""
                { "parents": ["wk_b", "wk_a"], "z": 1,
                  "creators": [{"shareBps": 2500, "accountId": "acc_bob"}, {"accountId": "acc_alice", "shareBps": 7500}],
                  "licenceDefaults": {"territory": "CN", "commercialUse": true}, "description": "海上" }""", ALICE);
        assertThat(m.canonicalJson()).isEqualTo("{\"creators\":[{\"accountId\":\"acc_bob\",\"shareBps\":2500},"
                + "{\"accountId\":\"acc_alice\",\"shareBps\":7500}],\"description\":\"海上\",\"licenceDefaults\":"
                + "{\"commercialUse\":true,\"territory\":\"CN\"},\"parents\":[\"wk_b\",\"wk_a\"],\"z\":1}");
        assertThat(m.creators()).containsExactly(new CreatorShare("acc_bob", 2500), new CreatorShare("acc_alice", 7500));
        assertThat(m.parents()).containsExactly("wk_b", "wk_a");
    }

    @Test
    void sharesMustBeWholeAndIncludeTheRegistrant() {
        assertThat(codeOf("{\"creators\":[{\"accountId\":\"acc_alice\",\"shareBps\":9999}]}"))
                .isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":[{\"accountId\":\"acc_bob\",\"shareBps\":10000}]}"))
                .isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":[{\"accountId\":\"acc_alice\",\"shareBps\":10000},"
                + "{\"accountId\":\"acc_bob\",\"shareBps\":0}]}")).isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":[{\"accountId\":\"acc_alice\",\"shareBps\":5000.5},"
                + "{\"accountId\":\"acc_bob\",\"shareBps\":4999.5}]}")).isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":[{\"accountId\":\"acc alice\",\"shareBps\":10000}]}"))
                .isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":[{\"shareBps\":10000}]}")).isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":{}}")).isEqualTo(ErrorCode.INVALID_SHARES);
        assertThat(codeOf("{\"creators\":[{\"accountId\":\"acc_alice\",\"shareBps\":4294977296}]}"))
                .isEqualTo(ErrorCode.INVALID_SHARES);
        assertThatThrownBy(() -> RegistrationMetadata.parse("{\"creators\":[{\"accountId\":\"acc_alice\","
                + "\"shareBps\":6000},{\"accountId\":\"acc_bob\",\"shareBps\":3000}]}", ALICE))
                .hasMessageContaining("add up to 9000");
        // 20 accounts is the most.
        StringBuilder twenty = new StringBuilder("{\"creators\":[{\"accountId\":\"acc_alice\",\"shareBps\":9981}");
        for (int i = 0; i < 19; i++) {
            twenty.append(",{\"accountId\":\"acc_").append(i).append("\",\"shareBps\":1}");
        }
        assertThat(RegistrationMetadata.parse(twenty.append("]}").toString(), ALICE).creators()).hasSize(20);
    }

    @Test
    void parentsAreWorkIdsNamedOnce() {
        assertThat(codeOf("{\"parents\":[\"wk_a\",\"wk_a\"]}")).isEqualTo(ErrorCode.INVALID_METADATA);
        assertThat(codeOf("{\"parents\":[1]}")).isEqualTo(ErrorCode.INVALID_METADATA);
        assertThat(codeOf("{\"parents\":[\"../etc\"]}")).isEqualTo(ErrorCode.PARENT_NOT_FOUND);
        assertThat(RegistrationMetadata.parse("{\"parents\":null}", ALICE).parents()).isEmpty();
    }

    @Test
    void malformedOrOversizedMetadataIsRefused() {
        assertThat(codeOf("{")).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(codeOf("[]")).isEqualTo(ErrorCode.INVALID_METADATA);
        assertThat(codeOf("{\"description\":" + "1" + "}")).isEqualTo(ErrorCode.INVALID_METADATA);
        assertThat(codeOf("{\"x\":\"" + "y".repeat(RegistrationMetadata.MAX_BYTES) + "\"}"))
                .isEqualTo(ErrorCode.INVALID_METADATA);
    }
}
