package io.dcx.service.application.board;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Closes due auctions on a schedule ({@code dcx.board.auction-close-interval}, default 5 s; off in tests, which call
 * {@link Auctions#closeDue} with the instant they choose). A run that is still busy when the next is due is skipped;
 * several service instances may run it at once, since each close takes the listing's row lock and skips a listing
 * someone else closed.
 */
@ApplicationScoped
public class AuctionCloser {
    private final Auctions auctions;

    public AuctionCloser(Auctions auctions) {
        this.auctions = auctions;
    }

    @Scheduled(every = "${dcx.board.auction-close-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        auctions.closeDue(Instant.now());
    }
}
