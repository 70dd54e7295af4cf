package io.dcx.service.board;

import io.dcx.service.api.EvmTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The board paying sellers out on the e-CNY token rail: trades open with {@code dcx.board.settlement-rail=ecny}, and
 * {@link EvmTestResource} deploys the token on the ganache node and turns the rail on (or leaves it off without the
 * node, and fails under CI=true).
 */
public class EcnySettlementProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dcx.board.settlement-rail", "ecny");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EvmTestResource.class));
    }
}
