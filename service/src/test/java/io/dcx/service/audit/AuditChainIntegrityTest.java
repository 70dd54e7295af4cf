package io.dcx.service.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.dcx.service.api.KycFixtures;
import io.dcx.service.application.audit.AuditQueries;
import io.dcx.service.application.audit.AuditSealer;
import io.dcx.service.application.board.Halts;
import io.dcx.service.domain.board.Halt;
import io.dcx.service.domain.board.HaltScope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log's hash chain: every audited change is sealed; an edited row and a deleted row are found (and the
 * chain is whole again once the row is put back); the database refuses edits; operators and regulators page through
 * the log with filters.
 */
@QuarkusTest
class AuditChainIntegrityTest {
    @Inject
    KycFixtures db;
    @Inject
    Halts halts;
    @Inject
    AuditSealer sealer;
    @Inject
    AuditQueries audit;

    private long auditedHalt(String reason) {
        Halt halt = halts.halt(db.actor(KycFixtures.OPERATOR), HaltScope.BOARD, null, reason, null);
        halts.lift(db.actor(KycFixtures.OPERATOR), halt.id());
        sealer.sealAll();
        return db.count("SELECT id FROM audit_event WHERE action = 'HALT_SET' AND subject_id = ?1", halt.id());
    }

    @Test
    void everyChangeIsSealedAndTheChainIsIntact() {
        long id = auditedHalt("integrity check " + UUID.randomUUID());
        assertThat(db.text("SELECT hash FROM audit_event WHERE id = ?1", id)).hasSize(64);
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE seq IS NULL AND id <= ?1", id)).isZero();
        AuditQueries.Integrity integrity = audit.verify();
        assertThat(integrity.breaks()).isEmpty();
        assertThat(integrity.intact()).isTrue();
        assertThat(integrity.sealed()).isEqualTo(integrity.headSeq()).isPositive();
    }

    @Test
    void anEditedRowIsFoundAndTheChainIsWholeOnceItIsPutBack() {
        long id = auditedHalt("to be edited " + UUID.randomUUID());
        long seq = db.count("SELECT seq FROM audit_event WHERE id = ?1", id);
        String original = db.text("SELECT after_json FROM audit_event WHERE id = ?1", id);
        withoutGuard(() -> db.execute("UPDATE audit_event SET after_json = ?1 WHERE id = ?2",
                original.replace("BOARD", "ASSET"), id));
        try {
            AuditQueries.Integrity tampered = audit.verify();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.breaks()).anySatisfy(b -> {
                assertThat(b.seq()).isEqualTo(seq);
                assertThat(b.reason()).contains("changed");
            });
        } finally {
            withoutGuard(() -> db.execute("UPDATE audit_event SET after_json = ?1 WHERE id = ?2", original, id));
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsFound() {
        long id = auditedHalt("to be deleted " + UUID.randomUUID());
        auditedHalt("a later one " + UUID.randomUUID());
        String copy = "CREATE TEMP TABLE IF NOT EXISTS deleted_audit AS SELECT * FROM audit_event WHERE false";
        withoutGuard(() -> {
            db.execute(copy + "; INSERT INTO deleted_audit SELECT * FROM audit_event WHERE id = " + id
                    + "; DELETE FROM audit_event WHERE id = " + id);
        });
        try {
            AuditQueries.Integrity tampered = audit.verify();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.breaks()).anySatisfy(b -> assertThat(b.reason()).contains("missing"));
        } finally {
            withoutGuard(() -> db.execute("INSERT INTO audit_event SELECT * FROM deleted_audit WHERE id = " + id
                    + "; DROP TABLE deleted_audit"));
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteARow() {
        long id = auditedHalt("guarded " + UUID.randomUUID());
        assertThatThrownBy(() -> db.execute("UPDATE audit_event SET actor = 'someone' WHERE id = ?1", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db.execute("DELETE FROM audit_event WHERE id = ?1", id))
                .hasStackTraceContaining("append-only");
    }

    @Test
    @TestSecurity(user = "audit-rita", roles = "regulator")
    void regulatorsPageThroughTheLogWithFilters() {
        String reason = "paged " + UUID.randomUUID();
        auditedHalt(reason);
        auditedHalt(reason + " again");
        String cursor = given().queryParam("action", "HALT_SET").queryParam("limit", 1).get("/api/v1/audit/events")
                .then().statusCode(200).body("events", hasSize(1)).body("events[0].hash", notNullValue())
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("action", "HALT_SET").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/audit/events").then().statusCode(200).body("events", hasSize(1))
                .body("events[0].action", equalTo("HALT_SET"));
        given().get("/api/v1/audit/integrity").then().statusCode(200).body("intact", equalTo(true));
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/audit/events").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("from", "yesterday").get("/api/v1/audit/events").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "audit-bob", roles = "trader")
    void tradersMayNotReadTheLog() {
        given().get("/api/v1/audit/events").then().statusCode(403);
        given().get("/api/v1/audit/integrity").then().statusCode(403);
    }

    /** Runs {@code change} with the append-only trigger off (as a database owner could), then turns it on again. */
    private void withoutGuard(Runnable change) {
        db.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
        try {
            change.run();
        } finally {
            db.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
    }
}
