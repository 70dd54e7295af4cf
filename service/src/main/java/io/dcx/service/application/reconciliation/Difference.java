package io.dcx.service.application.reconciliation;

/**
 * One way the service's books and the chain disagree, with both sides ({@code null} where a side has nothing).
 *
 * @param subject what kind of record: ASSET, TRADE or WORK
 * @param kind MISMATCH, MISSING_ON_CHAIN, MISSING_IN_SERVICE or UNEXPECTED_ON_CHAIN
 * @param id the record's id
 * @param field the field that differs ({@code "exists"} when a whole record is missing on one side)
 */
public record Difference(Subject subject, Kind kind, String id, String field, String serviceValue,
        String chainValue) {

    public enum Subject {
        ASSET, TRADE, WORK
    }

    public enum Kind {
        MISMATCH, MISSING_ON_CHAIN, MISSING_IN_SERVICE, UNEXPECTED_ON_CHAIN
    }

    static Difference mismatch(Subject subject, String id, String field, String service, String chain) {
        return new Difference(subject, Kind.MISMATCH, id, field, service, chain);
    }
}
