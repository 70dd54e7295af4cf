package io.dcx.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.application.Pseudonyms;
import io.dcx.service.application.WorkRegistration;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.review.RegistrationReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test helpers for the registration tests: acting as another user through the use case (a test method has one HTTP
 * identity), and counting what a request left behind (blocks, work rows, review rows, stored files).
 */
@ApplicationScoped
public class RegistrationFixtures {
    private final WorkRegistration registration;
    private final Pseudonyms pseudonyms;
    private final Ledger ledger;
    private final EntityManager em;
    private final Path contentRoot;

    public RegistrationFixtures(WorkRegistration registration, Pseudonyms pseudonyms, Ledger ledger,
            EntityManager em, @ConfigProperty(name = "dcx.data-dir") Path dataDir) {
        this.registration = registration;
        this.pseudonyms = pseudonyms;
        this.ledger = ledger;
        this.em = em;
        this.contentRoot = dataDir.resolve("content");
    }

    /** The account of a {@code @TestSecurity} user (the user name is the subject). */
    public AccountId account(String user) {
        return pseudonyms.accountFor(user);
    }

    public WorkRegistration.Outcome upload(String user, byte[] bytes, String title, String kind, String metadata,
            String contentType) {
        try {
            Path file = Files.createTempFile("dcx-test-upload", ".bin");
            try {
                Files.write(file, bytes);
                return registration.register(new WorkRegistration.Command(account(user), title, kind, metadata, file,
                        contentType));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Work registered(String user, byte[] bytes, String title, String kind, String metadata, String type) {
        WorkRegistration.Outcome outcome = upload(user, bytes, title, kind, metadata, type);
        assertThat(outcome).isInstanceOf(WorkRegistration.Registered.class);
        return ((WorkRegistration.Registered) outcome).work();
    }

    public RegistrationReview held(String user, byte[] bytes, String title, String kind, String type) {
        WorkRegistration.Outcome outcome = upload(user, bytes, title, kind, null, type);
        assertThat(outcome).isInstanceOf(WorkRegistration.HeldForReview.class);
        return ((WorkRegistration.HeldForReview) outcome).review();
    }

    /** What exists now: compare before and after a refused request. */
    public record Footprint(long height, long works, long reviews, long files) {
    }

    public Footprint footprint() {
        return new Footprint(ledger.height(),
                (Long) em.createQuery("select count(w) from WorkEntity w").getSingleResult(),
                (Long) em.createQuery("select count(r) from RegistrationReviewEntity r").getSingleResult(),
                storedFiles());
    }

    public long storedFiles() {
        if (!Files.isDirectory(contentRoot)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(contentRoot)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean stored(byte[] bytes) {
        String hash = sha256(bytes);
        return Files.exists(contentRoot.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
