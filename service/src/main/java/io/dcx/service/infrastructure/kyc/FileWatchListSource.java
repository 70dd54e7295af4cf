package io.dcx.service.infrastructure.kyc;

import io.dcx.service.application.kyc.KycConfig;
import io.dcx.service.application.port.WatchListSource;
import io.dcx.service.domain.kyc.WatchList;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.jboss.logging.Logger;

/**
 * The watch list from {@code dcx.kyc.watch-list-file}: {@code classpath:...} (read once) or a file path, re-read
 * when its modification time changes, so compliance can update the list without a restart. A list that cannot be
 * read or parsed stops the service at start; a broken update later keeps the previous list and logs an error.
 */
@Startup
@ApplicationScoped
public class FileWatchListSource implements WatchListSource {
    private static final Logger LOG = Logger.getLogger(FileWatchListSource.class);

    private final String location;
    private volatile WatchList list;
    private volatile FileTime loadedVersion;

    public FileWatchListSource(KycConfig config) {
        this.location = config.watchListFile();
        this.list = load();
        LOG.infof("watch list %s: %d entries", location, list.entries().size());
    }

    @Override
    public WatchList current() {
        if (!location.startsWith("classpath:")) {
            try {
                FileTime modified = Files.getLastModifiedTime(Path.of(location));
                if (!modified.equals(loadedVersion)) {
                    synchronized (this) {
                        if (!modified.equals(loadedVersion)) {
                            list = load();
                            LOG.infof("watch list %s reloaded: %d entries", location, list.entries().size());
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "watch list %s could not be reloaded; screening keeps the previous list", location);
            }
        }
        return list;
    }

    private WatchList load() {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("watch list resource not found: " + resource);
                    }
                    return WatchList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                }
            }
            Path path = Path.of(location);
            FileTime version = Files.getLastModifiedTime(path);
            WatchList parsed = WatchList.parse(Files.readAllLines(path, StandardCharsets.UTF_8));
            loadedVersion = version;
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the watch list " + location, e);
        }
    }
}
