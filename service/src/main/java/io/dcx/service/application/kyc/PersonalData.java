package io.dcx.service.application.kyc;

/**
 * What a KYC submission says about the party, already validated and normalised. Individuals have name, idNumber,
 * phone, bankCard; institutions name, creditCode, legalRepresentative; address, deviceId (and for institutions
 * phone and bankCard) are optional. Every field is encrypted at rest.
 */
public record PersonalData(String name, String idNumber, String phone, String bankCard, String address,
        String deviceId, String creditCode, String legalRepresentative) {
}
