package io.dcx.service.api;

import io.dcx.service.api.dto.ProvenanceResponse;
import io.dcx.service.api.dto.WorkResponse;
import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.WorkRegistration;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Registration and reading of works. */
@Path("/api/v1/works")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "works")
public class WorkResource {

    private final WorkRegistration registration;
    private final WorkQueries queries;
    private final CurrentAccount account;

    public WorkResource(WorkRegistration registration, WorkQueries queries, CurrentAccount account) {
        this.registration = registration;
        this.queries = queries;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("creator")
    @Operation(summary = "Register a work by its bytes",
            description = "Answers 201 with the chain transaction; 409 when the same bytes are already registered.")
    public Response register(@RestForm("file") FileUpload file, @RestForm("title") String title,
            @RestForm("kind") String kind, @RestForm("metadata") String metadata, UriInfo uri) {
        if (file == null) {
            throw new DcxException(ErrorCode.EMPTY_FILE, "the multipart part 'file' is required");
        }
        Work work = registration.register(new WorkRegistration.Command(
                account.id(), title, kind, metadata, file.uploadedFile(), file.contentType()));
        return Response.created(uri.getAbsolutePathBuilder().path(work.id()).build())
                .entity(WorkResponse.of(work))
                .build();
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
}
