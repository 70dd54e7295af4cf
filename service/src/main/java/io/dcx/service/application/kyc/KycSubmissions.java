package io.dcx.service.application.kyc;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.port.AccountStore;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.KycStore;
import io.dcx.service.application.port.SignalHasher;
import io.dcx.service.application.port.SignalStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.AdultCheck;
import io.dcx.service.domain.kyc.BankCard;
import io.dcx.service.domain.kyc.InstitutionName;
import io.dcx.service.domain.kyc.KycStatus;
import io.dcx.service.domain.kyc.MobilePhone;
import io.dcx.service.domain.kyc.PersonName;
import io.dcx.service.domain.kyc.PostalAddress;
import io.dcx.service.domain.kyc.ResidentIdNumber;
import io.dcx.service.domain.kyc.SignalKind;
import io.dcx.service.domain.kyc.UnifiedSocialCreditCode;
import io.dcx.service.domain.kyc.WatchListHit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a KYC submission: validates every field (nothing is written for bad input), refuses minors, screens the
 * names against the watch list, stores the data encrypted, records linked-account signals and puts the submission
 * in the operators' queue. Nothing is approved automatically; a watch-list hit is only flagged for the reviewer,
 * never shown to the applicant.
 */
@ApplicationScoped
public class KycSubmissions {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Accounts accounts;
    private final AccountStore accountStore;
    private final KycStore kycStore;
    private final SignalStore signals;
    private final SignalHasher hasher;
    private final Screening screening;
    private final AuditLog audit;
    private final AdultCheck adults = new AdultCheck(Clock.system(SHANGHAI));

    public KycSubmissions(Accounts accounts, AccountStore accountStore, KycStore kycStore, SignalStore signals,
            SignalHasher hasher, Screening screening, AuditLog audit) {
        this.accounts = accounts;
        this.accountStore = accountStore;
        this.kycStore = kycStore;
        this.signals = signals;
        this.hasher = hasher;
        this.screening = screening;
        this.audit = audit;
    }

    /** The fields as sent; which are required depends on {@code type}. */
    public record Submission(String type, String name, String idNumber, String phone, String bankCard,
            String address, String deviceId, String creditCode, String legalRepresentative) {
    }

    @Transactional
    public KycView submit(Actor actor, String subject, Submission submission) {
        AccountType type = AccountType.parse(submission.type());
        PersonalData data = validate(type, submission);

        Account account = accounts.ensureLocked(actor.accountId(), subject);
        KycStatus status = account.kycStatus();
        if (status.pending()) {
            throw new DcxException(ErrorCode.KYC_ALREADY_SUBMITTED,
                    "a submission is already waiting for review; wait for the decision",
                    Map.of("kycStatus", status.name()));
        }
        if (!status.acceptsSubmission()) {
            throw new DcxException(ErrorCode.ACCOUNT_STATE_CONFLICT,
                    "the account is " + status + " and takes no new submission", Map.of("kycStatus", status.name()));
        }

        Map<String, String> names = new LinkedHashMap<>();
        names.put("name", data.name());
        names.put("legalRepresentative", data.legalRepresentative());
        List<WatchListHit> hits = screening.screen(names);

        Instant now = Instant.now();
        KycRecord record = new KycRecord(Ids.next("kyc"), account.id(), type, KycStatus.SUBMITTED, data, hits, now,
                null, null, null, null, null, null, null);
        kycStore.insert(record);
        recordSignals(record, now);
        accountStore.update(account.withType(type).with(KycStatus.SUBMITTED, null, now));
        audit.record(new AuditLog.Event(now, actor.accountId(), "KYC_SUBMITTED", "kyc", record.id(),
                AuditJson.of("accountStatus", status),
                AuditJson.of("status", KycStatus.SUBMITTED, "accountId", account.id(), "type", type,
                        "watchListHits", hits.size()),
                actor.requestId()));
        return KycViews.forOwner(record, adults);
    }

    private PersonalData validate(AccountType type, Submission s) {
        String address = addressOf(s.address());
        String deviceId = deviceIdOf(s.deviceId());
        if (type == AccountType.INDIVIDUAL) {
            PersonName name = PersonName.parse("name", s.name());
            ResidentIdNumber id = ResidentIdNumber.parse(s.idNumber(), adults.today());
            MobilePhone phone = MobilePhone.parse(s.phone());
            BankCard card = BankCard.parse(s.bankCard());
            adults.requireAdult(id);
            return new PersonalData(name.value(), id.value(), phone.value(), card.value(), address, deviceId, null,
                    null);
        }
        InstitutionName name = InstitutionName.parse(s.name());
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(s.creditCode());
        PersonName representative = PersonName.parse("legalRepresentative", s.legalRepresentative());
        String phone = s.phone() == null || s.phone().isBlank() ? null : MobilePhone.parse(s.phone()).value();
        String card = s.bankCard() == null || s.bankCard().isBlank() ? null : BankCard.parse(s.bankCard()).value();
        return new PersonalData(name.value(), null, phone, card, address, deviceId, code.value(),
                representative.value());
    }

    private static String addressOf(String raw) {
        PostalAddress address = PostalAddress.parseOptional(raw);
        return address == null ? null : address.value();
    }

    private static String deviceIdOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String device = raw.strip();
        if (!device.matches("[\\x21-\\x7E]{1,128}")) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "deviceId: 1 to 128 printable ASCII characters");
        }
        return device;
    }

    private void recordSignals(KycRecord record, Instant now) {
        PersonalData d = record.data();
        signal(record, SignalKind.ID_NUMBER, d.idNumber(), now);
        signal(record, SignalKind.CREDIT_CODE, d.creditCode(), now);
        signal(record, SignalKind.PHONE, d.phone(), now);
        signal(record, SignalKind.BANK_CARD, d.bankCard(), now);
        signal(record, SignalKind.DEVICE, d.deviceId(), now);
        signal(record, SignalKind.ADDRESS, d.address() == null ? null : new PostalAddress(d.address()).comparable(),
                now);
    }

    private void signal(KycRecord record, SignalKind kind, String value, Instant now) {
        if (value != null) {
            signals.recordAndLink(record.accountId(), kind, hasher.hash(kind.name(), value), record.id(), now);
        }
    }

    AdultCheck adults() {
        return adults;
    }
}
