package io.dcx.service.api;

import io.dcx.service.application.ContentQuery;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A stored file as an HTTP download: its content type, length and hash, streamed from the content store. */
final class Downloads {
    private Downloads() {
    }

    static Response of(ContentQuery.StoredContent stored, String name) {
        String type = stored.contentType() == null || stored.contentType().isBlank()
                ? MediaType.APPLICATION_OCTET_STREAM
                : stored.contentType();
        Response.ResponseBuilder response = Response.ok(stored.stream(), type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.ETAG, "\"" + stored.contentHash() + "\"")
                .header("X-Content-SHA256", stored.contentHash())
                // the bytes are whatever a user uploaded: never let a browser sniff them into something active
                .header("X-Content-Type-Options", "nosniff");
        if (stored.sizeBytes() != null) {
            response.header(HttpHeaders.CONTENT_LENGTH, stored.sizeBytes());
        }
        return response.build();
    }
}
