package io.dcx.service.infrastructure.storage;

import io.dcx.service.application.port.ContentStore;
import io.dcx.service.domain.ContentHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files of registered works in a folder, at {@code <root>/ab/cd/<hash>}: content-addressed, so a file is written
 * once and never changes. Writes go to a temporary name first and are renamed into place, so a crash never leaves
 * a half-written file under a hash.
 */
@ApplicationScoped
public class FolderContentStore implements ContentStore {
    private final Path root;

    public FolderContentStore(@ConfigProperty(name = "dcx.data-dir") Path dataDir) {
        this.root = dataDir.resolve("content");
    }

    @Override
    public void put(ContentHash hash, Path verifiedFile) throws IOException {
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            Files.copy(verifiedFile, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(ContentHash hash) throws IOException {
        Path path = pathOf(hash);
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
    }

    private Path pathOf(ContentHash hash) {
        String hex = hash.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }
}
