package org.hyperledger.fabric.contract;

import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.metadata.MetadataBuilder;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.TxFunction;

/**
 * Test access to the shim's own {@link ContractRouter} as a chaincode server builds it: class-path scan for
 * contracts and data types ({@code findAllContracts} is package-private, hence this class's package), then the
 * contract metadata, which the shim validates against its schema before serving.
 */
public final class ScanningContractRouter {
    private ScanningContractRouter() {
    }

    public static ContractRouter create() {
        final ContractRouter router =
                new ContractRouter(new String[] {"--id", "dcx:test", "--peerAddress", "localhost:7052"});
        router.findAllContracts();
        MetadataBuilder.initialize(router.getRoutingRegistry(), router.getTypeRegistry());
        return router;
    }

    /** Every routed transaction, {@code "<contract>:<Transaction>"}. */
    public static Set<String> transactionNames(final ContractRouter router) {
        final Set<String> names = new TreeSet<>();
        for (final ContractDefinition contract : router.getRoutingRegistry().getAllDefinitions()) {
            for (final TxFunction fn : contract.getTxFunctions()) {
                names.add(contract.getName() + ":" + fn.getName());
            }
        }
        return names;
    }

    /** Names of the data types the scan registered. */
    public static Set<String> dataTypeNames(final ContractRouter router) {
        final Set<String> names = new TreeSet<>();
        router.getTypeRegistry().getAllDataTypes().forEach(d -> names.add(d.getName()));
        return names;
    }

    public static String metadata() {
        return MetadataBuilder.getMetadata();
    }
}
