package io.dcx.service.application;

import io.dcx.service.application.port.ContentStore;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.WorkId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The stored file of a registered work, for its creators only: to anyone else the work answers as if it did not
 * exist (404), so the download cannot be used to probe ids.
 */
@ApplicationScoped
public class ContentQuery {
    private final WorkCatalog catalog;
    private final ContentStore contentStore;

    public ContentQuery(WorkCatalog catalog, ContentStore contentStore) {
        this.catalog = catalog;
        this.contentStore = contentStore;
    }

    /** An open stream of a stored file (the caller closes it) and what the uploader said it is. */
    public record StoredContent(InputStream stream, String contentType, Long sizeBytes, String contentHash) {
    }

    public StoredContent workContent(String id, AccountId caller) {
        Optional<Work> work = validId(id).flatMap(catalog::byId)
                .filter(w -> w.creators().stream().anyMatch(c -> c.accountId().equals(caller.value())));
        if (work.isEmpty()) {
            throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + id);
        }
        Work w = work.get();
        try {
            return contentStore.open(new ContentHash(w.contentHash()))
                    .map(in -> new StoredContent(in, w.contentType(), w.sizeBytes(), w.contentHash()))
                    .orElseThrow(() -> new DcxException(ErrorCode.CONTENT_NOT_FOUND,
                            "the file of work " + id + " is not held by this service"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file of work " + id, e);
        }
    }

    private static Optional<String> validId(String id) {
        try {
            return Optional.of(new WorkId(id).value());
        } catch (DcxException malformed) {
            return Optional.empty();
        }
    }
}
