package io.dcx.service.domain;

import java.util.Map;

/**
 * A refusal with a stable code, a human detail and optional extra facts for the client (for example the id of
 * the work a duplicate clashes with). Thrown by the domain and application layers; the API renders it as
 * application/problem+json.
 */
public class DcxException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> extras;

    public DcxException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), null);
    }

    public DcxException(ErrorCode code, String detail, Map<String, Object> extras) {
        this(code, detail, extras, null);
    }

    public DcxException(ErrorCode code, String detail, Map<String, Object> extras, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.extras = Map.copyOf(extras);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extras() {
        return extras;
    }
}
