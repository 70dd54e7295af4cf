package io.dcx.service.api;

import io.dcx.service.application.Thumbnails;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A small preview of an IMAGE work, for lists and the board. */
@Path("/api/v1/works/{workId}/thumbnail")
@Tag(name = "works")
public class WorkThumbnailResource {
    static final String JPEG = "image/jpeg";
    /** A day: the content behind a work id never changes, and the ETag answers revalidations with 304. */
    private static final int MAX_AGE_SECONDS = 86_400;

    private final Thumbnails thumbnails;

    public WorkThumbnailResource(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
    }

    @GET
    @Produces(JPEG)
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "A JPEG preview of an IMAGE work, at most 320 pixels on its longer side",
            description = "Made from the stored file, aspect kept. Cacheable (private, a day); the ETag is derived"
                    + " from the content hash and If-None-Match answers 304.")
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(mediaType = JPEG))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "WORK_NOT_FOUND, NO_THUMBNAIL (not an IMAGE work, or its file"
            + " does not decode), CONTENT_NOT_FOUND (the file is not held by this service)")
    public Response get(@PathParam("workId") String workId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Thumbnails.Thumbnail thumbnail = thumbnails.of(workId);
        EntityTag tag = new EntityTag(thumbnail.contentHash() + "-t" + Thumbnails.MAX_SIDE);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(MAX_AGE_SECONDS);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag.getValue() + "\"") || ifNoneMatch.equals("*"))) {
            return Response.notModified(tag).cacheControl(cache).build();
        }
        return Response.ok(thumbnail.jpeg(), JPEG)
                .tag(tag)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
