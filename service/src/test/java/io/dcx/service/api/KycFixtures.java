package io.dcx.service.api;

import io.dcx.service.application.Pseudonyms;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.kyc.KycReviews;
import io.dcx.service.application.kyc.KycSubmissions;
import io.dcx.service.application.kyc.KycView;
import io.dcx.service.domain.kyc.KycTestData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Accounts in a known KYC state for tests. The test database outlives a run, so tests with a fixed
 * {@code @TestSecurity} user {@link #reset} that user's KYC first (the journal is append-only and stays: money
 * tests assert changes, not absolute balances); tests of other people use {@link #newSubject} per run.
 */
@ApplicationScoped
public class KycFixtures {
    public static final String OPERATOR = "fixture-operator";

    @Inject
    Pseudonyms pseudonyms;
    @Inject
    EntityManager em;
    @Inject
    KycSubmissions submissions;
    @Inject
    KycReviews reviews;

    public static String newSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public String accountOf(String subject) {
        return pseudonyms.accountFor(subject).value();
    }

    public Actor actor(String subject) {
        return new Actor(accountOf(subject), "test-" + UUID.randomUUID());
    }

    /** Forgets the subject's account and KYC (links, signals, submissions); audit events and money stay. */
    @Transactional
    public void reset(String subject) {
        String account = accountOf(subject);
        em.createNativeQuery("DELETE FROM account_link WHERE account_id = ?1 OR linked_account_id = ?1")
                .setParameter(1, account).executeUpdate();
        em.createNativeQuery("DELETE FROM kyc_signal WHERE account_id = ?1").setParameter(1, account).executeUpdate();
        em.createNativeQuery("DELETE FROM kyc_application WHERE account_id = ?1").setParameter(1, account)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM account WHERE id = ?1").setParameter(1, account).executeUpdate();
    }

    public static KycSubmissions.Submission individual(String name) {
        return individual(name, KycTestData.randomResidentId(), KycTestData.randomPhone(),
                KycTestData.randomBankCard());
    }

    public static KycSubmissions.Submission individual(String name, String idNumber, String phone, String card) {
        return new KycSubmissions.Submission("INDIVIDUAL", name, idNumber, phone, card, null, null, null, null);
    }

    public KycView submit(String subject, KycSubmissions.Submission submission) {
        return submissions.submit(actor(subject), subject, submission);
    }

    public KycView decide(String kycId, String decision, String reason, String tier, String override) {
        return reviews.decide(actor(OPERATOR), kycId, new KycReviews.Decision(decision, reason, tier, override));
    }

    /** Resets the subject and makes it an approved individual (a fresh random identity). */
    public String approved(String subject) {
        reset(subject);
        KycView submitted = submit(subject, individual("陈静"));
        decide(submitted.id(), "APPROVE", "documents checked", null, null);
        return accountOf(subject);
    }

    @Transactional
    public long rows(String table) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }

    @Transactional
    public long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Transactional
    public String text(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        Object value = query.getSingleResult();
        return value == null ? null : value.toString();
    }

    @Transactional
    public int execute(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.executeUpdate();
    }
}
