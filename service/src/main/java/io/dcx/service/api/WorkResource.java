package io.dcx.service.api;

import io.dcx.service.api.dto.ProvenanceResponse;
import io.dcx.service.api.dto.RegistrationResponse;
import io.dcx.service.api.dto.WorkResponse;
import io.dcx.service.application.ContentQuery;
import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.WorkRegistration;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Registration, reading and download of works. */
@Path("/api/v1/works")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "works")
public class WorkResource {

    private final WorkRegistration registration;
    private final WorkQueries queries;
    private final ContentQuery content;
    private final CurrentAccount account;

    public WorkResource(WorkRegistration registration, WorkQueries queries, ContentQuery content,
            CurrentAccount account) {
        this.registration = registration;
        this.queries = queries;
        this.content = content;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("creator")
    @Operation(summary = "Register a work by its bytes",
            description = "Multipart parts: file (the bytes, up to dcx.upload.max-bytes), title, kind (IMAGE, VIDEO,"
                    + " AUDIO, TEXT, FILM_TV_RIGHTS, DATASET, OTHER), optional metadata (a JSON object: description,"
                    + " creators [{accountId, shareBps}] summing to 10000 and including the caller, parents [work"
                    + " ids], licenceDefaults {...}, anything else). Images get a DCT perceptual hash, texts a"
                    + " SimHash; other kinds are registered by exact content hash only (fingerprintKind none, and"
                    + " fingerprintNote says so). An upload whose fingerprint is close to an earlier work of someone"
                    + " else is held for an operator's review (202) instead of being registered.")
    @APIResponse(responseCode = "201", description = "Registered on chain",
            content = @Content(schema = @Schema(implementation = WorkResponse.class)))
    @APIResponse(responseCode = "202", description = "Near-duplicate of others' works: held for review, status"
            + " PENDING_REVIEW, with the similar works and their distance; follow it at /api/v1/registrations/{id}",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "EMPTY_FILE, INVALID_TITLE, INVALID_KIND, MALFORMED_JSON,"
            + " INVALID_METADATA")
    @APIResponse(responseCode = "409", description = "DUPLICATE_CONTENT (existingWorkId names the work) or"
            + " REVIEW_PENDING (pendingReviewId names the review holding the same bytes)")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the file is larger than dcx.upload.max-bytes")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: not multipart/form-data")
    @APIResponse(responseCode = "422", description = "INVALID_SHARES, PARENT_NOT_FOUND (parentWorkId),"
            + " NOT_AN_IMAGE, IMAGE_TOO_LARGE")
    @APIResponse(responseCode = "503", description = "SIMILARITY_INDEX_NOT_READY, LEDGER_UNAVAILABLE")
    public Response register(@RestForm("file") FileUpload file, @RestForm("title") String title,
            @RestForm("kind") String kind, @RestForm("metadata") String metadata, UriInfo uri) {
        if (file == null) {
            throw new DcxException(ErrorCode.EMPTY_FILE, "the multipart part 'file' is required");
        }
        WorkRegistration.Outcome outcome = registration.register(new WorkRegistration.Command(
                account.id(), title, kind, metadata, file.uploadedFile(), file.contentType()));
        return switch (outcome) {
            case WorkRegistration.Registered registered -> Response
                    .created(uri.getAbsolutePathBuilder().path(registered.work().id()).build())
                    .entity(WorkResponse.of(registered.work(), registered.fingerprintNote()))
                    .build();
            case WorkRegistration.HeldForReview held -> Response.accepted(RegistrationResponse.of(held.review()))
                    .location(uri.getBaseUriBuilder().path("api/v1/registrations").path(held.review().id()).build())
                    .build();
        };
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "Read a registered work")
    public WorkResponse get(@PathParam("id") String id) {
        return WorkResponse.of(queries.byId(id));
    }

    @GET
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "Find works by content hash")
    public List<WorkResponse> find(@QueryParam("contentHash") String contentHash) {
        if (contentHash == null) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "query parameter contentHash is required");
        }
        return queries.byContentHash(contentHash).map(WorkResponse::of).stream().toList();
    }

    @GET
    @Path("/{id}/provenance")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "Chain history of a work: transaction, block and time of every change")
    public ProvenanceResponse provenance(@PathParam("id") String id) {
        return new ProvenanceResponse(id, queries.provenance(id));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "Download a work's file (its creators only)",
            description = "Streams the stored bytes with the content type given at upload. Anyone who is not one"
                    + " of the work's creators gets 404, as for a work that does not exist.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "application/octet-stream"))
    @APIResponse(responseCode = "404", description = "WORK_NOT_FOUND (also for works of others), CONTENT_NOT_FOUND"
            + " (registered elsewhere, the file is not held by this service)")
    public Response content(@PathParam("id") String id) {
        return Downloads.of(content.workContent(id, account.id()), id);
    }
}
