package io.dcx.service.infrastructure.ledger.embedded;

import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Runs one transaction of a chaincode against a stub, as a Fabric peer's chaincode container does. The embedded
 * ledger normally runs the dcx contract ({@link #dcx()}); tests may give it a small chaincode of their own.
 * Implementations are called from many threads at once, as chaincode is on a peer.
 */
@FunctionalInterface
public interface ContractRuntime {

    Chaincode.Response invoke(ChaincodeStub stub);

    /**
     * The dcx contract, routed by the chaincode module's {@code InProcessRouter}: the shim's own routing and JSON
     * serialisation over the contract classes, registered explicitly. Driving the router rather than calling the
     * contract classes through {@code new Context(stub)} keeps argument parsing, return serialisation and error
     * responses byte for byte what a Fabric peer gets from the same chaincode.
     */
    static ContractRuntime dcx() {
        io.dcx.chaincode.InProcessRouter router = new io.dcx.chaincode.InProcessRouter();
        return router::invoke;
    }
}
