package io.dcx.service.infrastructure.kyc;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code kyc_application}; the {@code *Enc} fields hold ciphertext only. */
@Entity
@Table(name = "kyc_application")
public class KycApplicationEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    public String type;
    public String status;
    @Column(name = "name_enc")
    public String nameEnc;
    @Column(name = "id_number_enc")
    public String idNumberEnc;
    @Column(name = "phone_enc")
    public String phoneEnc;
    @Column(name = "bank_card_enc")
    public String bankCardEnc;
    @Column(name = "address_enc")
    public String addressEnc;
    @Column(name = "device_id_enc")
    public String deviceIdEnc;
    @Column(name = "credit_code_enc")
    public String creditCodeEnc;
    @Column(name = "legal_representative_enc")
    public String legalRepresentativeEnc;
    @Column(name = "watch_list_hits_json")
    public String watchListHitsJson;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    public String reason;
    @Column(name = "watch_list_override")
    public String watchListOverride;
    public String tier;
}
