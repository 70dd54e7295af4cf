package io.dcx.service.infrastructure.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * A tiny chaincode written straight against the stub, to pin down the embedded ledger's Fabric semantics
 * (versions, ranges, history, identities) independently of the dcx contract. Functions are "test:Name".
 */
final class TestChaincode implements ContractRuntime {

    @Override
    public Chaincode.Response invoke(ChaincodeStub stub) {
        List<String> p = stub.getParameters();
        try {
            String result = switch (stub.getFunction()) {
                case "test:Put" -> {
                    stub.putState(p.get(0), utf8(p.get(1)));
                    yield "ok";
                }
                case "test:Delete" -> {
                    stub.delState(p.get(0));
                    yield "ok";
                }
                case "test:Get" -> new String(stub.getState(p.get(0)), StandardCharsets.UTF_8);
                case "test:Increment" -> {
                    byte[] current = stub.getState(p.get(0));
                    int next = (current.length == 0 ? 0 : Integer.parseInt(new String(current, StandardCharsets.UTF_8))) + 1;
                    stub.putState(p.get(0), utf8(Integer.toString(next)));
                    stub.setEvent("Incremented", utf8(p.get(0) + "=" + next));
                    yield Integer.toString(next);
                }
                case "test:AddItem" -> {
                    stub.putState(stub.createCompositeKey("item", p.get(0)).toString(), utf8(p.get(0)));
                    yield "ok";
                }
                case "test:CountItems" -> {
                    int n = 0;
                    try (QueryResultsIterator<KeyValue> items = stub.getStateByPartialCompositeKey("item")) {
                        for (KeyValue ignored : items) {
                            n++;
                        }
                    }
                    stub.putState("count", utf8(Integer.toString(n)));
                    yield Integer.toString(n);
                }
                case "test:FirstItem" -> {
                    // Reads one item and stops: only the part of the range up to that key is validated.
                    try (QueryResultsIterator<KeyValue> items = stub.getStateByPartialCompositeKey("item")) {
                        var it = items.iterator();
                        String first = it.hasNext() ? it.next().getStringValue() : "";
                        stub.putState("first", utf8(first.isEmpty() ? "none" : first));
                        yield first;
                    }
                }
                case "test:Range" -> {
                    List<String> keys = new ArrayList<>();
                    try (QueryResultsIterator<KeyValue> range = stub.getStateByRange(p.get(0), p.get(1))) {
                        range.forEach(kv -> keys.add(kv.getKey()));
                    }
                    yield String.join("\n", keys);
                }
                case "test:Partial" -> {
                    List<String> keys = new ArrayList<>();
                    String[] attributes = p.subList(1, p.size()).toArray(String[]::new);
                    try (QueryResultsIterator<KeyValue> range = stub.getStateByPartialCompositeKey(p.get(0),
                            attributes)) {
                        range.forEach(kv -> keys.add(String.join("/",
                                stub.splitCompositeKey(kv.getKey()).getAttributes())));
                    }
                    yield String.join("\n", keys);
                }
                case "test:PutThenGet" -> {
                    stub.putState(p.get(0), utf8(p.get(1)));
                    yield "read:" + new String(stub.getState(p.get(0)), StandardCharsets.UTF_8);
                }
                case "test:History" -> {
                    List<String> lines = new ArrayList<>();
                    try (QueryResultsIterator<KeyModification> history = stub.getHistoryForKey(p.get(0))) {
                        for (KeyModification m : history) {
                            lines.add(m.getTxId() + "|" + m.isDeleted() + "|" + m.getStringValue() + "|"
                                    + m.getTimestamp());
                        }
                    }
                    yield String.join("\n", lines);
                }
                case "test:WhoAmI" -> {
                    ClientIdentity id = new ClientIdentity(stub);
                    yield id.getMSPID() + "|" + id.getAttributeValue("dcx.role") + "|" + id.getId() + "|"
                            + stub.getMspId() + "|" + stub.getChannelId();
                }
                case "test:TxFacts" -> stub.getTxId() + "|" + stub.getTxTimestamp() + "|" + stub.getFunction()
                        + "|" + String.join(",", stub.getParameters()) + "|" + stub.getArgs().size();
                case "test:TwoEvents" -> {
                    stub.setEvent("First", utf8("1"));
                    stub.setEvent("Second", utf8("2"));
                    yield "ok";
                }
                case "test:PrivateData" -> new String(stub.getPrivateData("secrets", p.get(0)),
                        StandardCharsets.UTF_8);
                case "test:Refuse" -> throw new Refusal(p.get(0));
                default -> throw new Refusal("UNKNOWN_TRANSACTION: " + stub.getFunction());
            };
            return ResponseUtils.newSuccessResponse(utf8(result));
        } catch (Refusal refusal) {
            return ResponseUtils.newErrorResponse(refusal.getMessage());
        } catch (Exception e) {
            // What the shim's router does with anything else.
            return ResponseUtils.newErrorResponse("Unexpected error");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }
}
