package io.dcx.service.api.dto;

/**
 * A KYC submission. Individuals: {@code type=INDIVIDUAL}, {@code name}, {@code idNumber} (18-character resident
 * id), {@code phone} (mainland mobile), {@code bankCard}; institutions: {@code type=INSTITUTION}, {@code name},
 * {@code creditCode} (unified social credit code), {@code legalRepresentative}, optional {@code phone} and
 * {@code bankCard}. Both may add {@code address} and {@code deviceId}.
 */
public record KycSubmissionRequest(String type, String name, String idNumber, String phone, String bankCard,
        String address, String deviceId, String creditCode, String legalRepresentative) {
}
