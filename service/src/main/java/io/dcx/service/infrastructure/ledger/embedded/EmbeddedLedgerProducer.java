package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Makes the embedded ledger the service's {@link Ledger} when {@code dcx.ledger.kind=embedded}, and closes it (the
 * ordering queue drained) when the application stops. The tables come from Flyway's {@code V1__embedded_ledger},
 * which Quarkus runs at start before any bean is created.
 *
 * <p>The ledger gets an unpooled data source built from the service's datasource settings, not the Agroal pool:
 * it keeps a few connections of its own for its whole life (the committer's carries the advisory lock), and they
 * must never be enlisted in a caller's JTA transaction. Settings (all optional):
 * {@code dcx.ledger.embedded.max-block-transactions} (500), {@code .batch-timeout-ms} (2),
 * {@code .submit-timeout-ms} (30000), {@code .endorser-connections} (8), {@code .queue-capacity} (10000),
 * {@code .event-queue-capacity} (1000).
 */
@ApplicationScoped
public class EmbeddedLedgerProducer {

    @ConfigProperty(name = "dcx.ledger.kind", defaultValue = "embedded")
    String kind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "dcx.ledger.embedded.max-block-transactions", defaultValue = "500")
    int maxBlockTransactions;

    @ConfigProperty(name = "dcx.ledger.embedded.batch-timeout-ms", defaultValue = "2")
    long batchTimeoutMillis;

    @ConfigProperty(name = "dcx.ledger.embedded.submit-timeout-ms", defaultValue = "30000")
    long submitTimeoutMillis;

    @ConfigProperty(name = "dcx.ledger.embedded.endorser-connections", defaultValue = "8")
    int endorserConnections;

    @ConfigProperty(name = "dcx.ledger.embedded.queue-capacity", defaultValue = "10000")
    int queueCapacity;

    @ConfigProperty(name = "dcx.ledger.embedded.event-queue-capacity", defaultValue = "1000")
    int eventQueueCapacity;

    /** A singleton, not a client proxy, so callers may ask for {@link EmbeddedLedger#verifyChain()}. */
    @Produces
    @Singleton
    Ledger ledger() {
        if (!"embedded".equals(kind)) {
            throw new IllegalStateException("dcx.ledger.kind=" + kind + ": only the embedded ledger is wired here");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        username.ifPresent(dataSource::setUser);
        password.ifPresent(dataSource::setPassword);
        dataSource.setApplicationName("dcx-embedded-ledger");
        EmbeddedLedger.Options options = EmbeddedLedger.Options.defaults()
                .withMaxBlockTransactions(maxBlockTransactions)
                .withBatchTimeout(Duration.ofMillis(batchTimeoutMillis))
                .withSubmitTimeout(Duration.ofMillis(submitTimeoutMillis))
                .withEndorserConnections(endorserConnections)
                .withQueueCapacity(queueCapacity)
                .withEventQueueCapacity(eventQueueCapacity);
        return EmbeddedLedger.start(dataSource, options);
    }

    void close(@Disposes Ledger ledger) {
        if (ledger instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(EmbeddedLedgerProducer.class.getName())
                        .log(System.Logger.Level.WARNING, "closing the ledger failed", e);
            }
        }
    }
}
