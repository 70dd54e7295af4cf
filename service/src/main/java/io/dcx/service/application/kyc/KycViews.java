package io.dcx.service.application.kyc;

import io.dcx.service.application.port.SignalStore;
import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.AdultCheck;
import io.dcx.service.domain.kyc.Masking;
import io.dcx.service.domain.kyc.ResidentIdNumber;
import io.dcx.service.domain.kyc.SignalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who sees what of a KYC submission.
 * <ul>
 * <li>{@link #forOwner}: the applicant sees their own data in full, the status and the reason, nothing about the
 * review (no reviewer, no watch-list result, so a listed person is never tipped off).</li>
 * <li>{@link #forStaff}: operators and regulators see personal data masked (name {@code 张*}, id number
 * {@code 1101**********002X}, birth date {@code 1990-**-**} with an adult flag, phone {@code 138****5678}, card
 * {@code 6222***********1234}, address's first six characters, device's last four), an institution's registered
 * name and credit code in full (public registry facts they check against the registry), its legal
 * representative masked; plus watch-list hits, the override reason, reviewers and linked accounts.</li>
 * <li>{@link #resolved}: a regulator's audited look-through: everything, unmasked.</li>
 * </ul>
 */
public final class KycViews {
    private KycViews() {
    }

    public static KycView forOwner(KycRecord r, AdultCheck adults) {
        return build(r, adults, false, false, List.of());
    }

    public static KycView forStaff(KycRecord r, AdultCheck adults, List<SignalStore.Link> links) {
        return build(r, adults, true, true, links);
    }

    public static KycView resolved(KycRecord r, AdultCheck adults, List<SignalStore.Link> links) {
        return build(r, adults, false, true, links);
    }

    private static KycView build(KycRecord r, AdultCheck adults, boolean mask, boolean staff,
            List<SignalStore.Link> links) {
        PersonalData d = r.data();
        KycView.Person person = null;
        KycView.Institution institution = null;
        if (r.type() == AccountType.INDIVIDUAL) {
            ResidentIdNumber id = new ResidentIdNumber(d.idNumber());
            String birth = id.birthDate().toString();
            person = new KycView.Person(
                    mask ? Masking.name(d.name()) : d.name(),
                    mask ? id.masked() : id.value(),
                    mask ? birth.substring(0, 4) + "-**-**" : birth,
                    adults.isAdult(id.birthDate()),
                    mask ? Masking.keepEnds(d.phone(), 3, 4) : d.phone(),
                    mask ? Masking.keepEnds(d.bankCard(), 4, 4) : d.bankCard(),
                    mask ? Masking.keepStart(d.address(), 6) : d.address(),
                    mask ? Masking.keepEnds(d.deviceId(), 0, 4) : d.deviceId());
        } else {
            institution = new KycView.Institution(
                    d.name(),
                    d.creditCode(),
                    mask ? Masking.name(d.legalRepresentative()) : d.legalRepresentative(),
                    mask ? Masking.keepEnds(d.phone(), 3, 4) : d.phone(),
                    mask ? Masking.keepEnds(d.bankCard(), 4, 4) : d.bankCard(),
                    mask ? Masking.keepStart(d.address(), 6) : d.address(),
                    mask ? Masking.keepEnds(d.deviceId(), 0, 4) : d.deviceId());
        }
        return new KycView(r.id(), r.accountId(), r.type(), r.status(), r.reason(), r.tier(), r.submittedAt(),
                staff ? r.openedAt() : null, staff ? r.openedBy() : null, r.decidedAt(),
                staff ? r.decidedBy() : null, mask, person, institution,
                staff ? r.watchListHits() : null, staff ? r.watchListOverride() : null,
                staff ? linked(links) : null);
    }

    static List<KycView.LinkedAccount> linked(List<SignalStore.Link> links) {
        Map<String, TreeSet<SignalKind>> byAccount = new TreeMap<>();
        for (SignalStore.Link link : links) {
            byAccount.computeIfAbsent(link.linkedAccountId(), k -> new TreeSet<>()).add(link.kind());
        }
        List<KycView.LinkedAccount> result = new ArrayList<>();
        byAccount.forEach((account, kinds) -> result.add(new KycView.LinkedAccount(account, List.copyOf(kinds))));
        return result;
    }
}
