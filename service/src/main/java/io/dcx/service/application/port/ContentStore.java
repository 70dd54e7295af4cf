package io.dcx.service.application.port;

import io.dcx.service.domain.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where the files of registered works live, addressed by their SHA-256. Only hashes go on chain. */
public interface ContentStore {
    /** Moves or copies a verified file into the store under its hash; storing the same hash twice is a no-op. */
    void put(ContentHash hash, Path verifiedFile) throws IOException;

    Optional<InputStream> open(ContentHash hash) throws IOException;
}
