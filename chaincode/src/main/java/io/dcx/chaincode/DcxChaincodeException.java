package io.dcx.chaincode;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A refusal by the contract. Fabric returns the message to the client as the error message of the endorsement
 * ({@code "CODE: detail"}) and the payload (the code's UTF-8 bytes) as the response payload.
 */
public final class DcxChaincodeException extends ChaincodeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;

    DcxChaincodeException(final ErrorCode code, final String detail) {
        super(code.name() + ": " + detail, code.name().getBytes(StandardCharsets.UTF_8));
        this.code = code;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    /** The human part of the message, without the code. */
    public String detail() {
        return detail;
    }
}
