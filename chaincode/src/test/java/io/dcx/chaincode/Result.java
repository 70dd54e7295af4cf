package io.dcx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;

/** The outcome of one transaction run through {@link TestChain}. */
final class Result {
    static final ObjectMapper JACKSON = new ObjectMapper();

    final String transaction;
    final String txId;
    final Instant timestamp;
    final int status;
    final String message;
    final byte[] payload;
    final Map<String, byte[]> writes;
    final String eventName;
    final byte[] eventPayload;
    private final String log;

    Result(final String transaction, final String txId, final Instant timestamp, final Chaincode.Response response,
            final InMemoryStub stub, final String log) {
        this.transaction = transaction;
        this.txId = txId;
        this.timestamp = timestamp;
        this.status = response.getStatusCode();
        this.message = response.getMessage();
        this.payload = response.getPayload();
        this.writes = stub.writes();
        final ChaincodeEvent event = stub.getEvent();
        this.eventName = event == null ? null : event.getEventName();
        this.eventPayload = event == null ? null : event.getPayload().toByteArray();
        this.log = log;
    }

    boolean isOk() {
        return status == 200;
    }

    /** Asserts success and answers the payload parsed by Jackson. */
    JsonNode ok() {
        if (!isOk()) {
            fail("%s failed with %d '%s'%n%s", transaction, status, message, log);
        }
        return parse(payload);
    }

    String okText() {
        ok();
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Asserts a refusal with {@code code}: message {@code "CODE: detail"}, payload the code's bytes, and neither
     * writes nor an event.
     */
    Result refused(final ErrorCode code) {
        if (isOk()) {
            fail("%s succeeded, expected %s; answer %s", transaction, code, new String(payload, StandardCharsets.UTF_8));
        }
        assertThat(message).as("message of %s%n%s", transaction, log).startsWith(code.name() + ": ");
        assertThat(message.length()).isGreaterThan(code.name().length() + 2);
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(code.name());
        assertThat(status).isEqualTo(500);
        assertThat(writes).as("writes of refused %s", transaction).isEmpty();
        assertThat(eventName).as("event of refused %s", transaction).isNull();
        return this;
    }

    /** The human part of a refusal's message. */
    String detail() {
        return message.substring(message.indexOf(':') + 1).strip();
    }

    /** Asserts the event name and answers its payload parsed by Jackson. */
    JsonNode event(final String name) {
        assertThat(eventName).as("event of %s", transaction).isEqualTo(name);
        return parse(eventPayload);
    }

    void noEvent() {
        assertThat(eventName).as("event of %s", transaction).isNull();
    }

    void noWrites() {
        assertThat(writes).as("writes of %s", transaction).isEmpty();
    }

    static JsonNode parse(final byte[] json) {
        try {
            return JACKSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    static JsonNode parse(final String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
