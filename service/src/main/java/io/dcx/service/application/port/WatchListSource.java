package io.dcx.service.application.port;

import io.dcx.service.domain.kyc.WatchList;

/** Where the watch list comes from (a configurable file); answers the current list, reloading it when it changes. */
public interface WatchListSource {
    WatchList current();
}
