package io.dcx.service.api;

import io.dcx.service.api.dto.DecisionRequest;
import io.dcx.service.api.dto.RegistrationResponse;
import io.dcx.service.api.dto.ReviewResponse;
import io.dcx.service.application.RegistrationReviews;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Registrations held for review (near-duplicates of others' works): the requester follows their own, operators
 * list, read and decide them.
 */
@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registrations")
public class RegistrationResource {
    private final RegistrationReviews reviews;
    private final CurrentAccount account;

    public RegistrationResource(RegistrationReviews reviews, CurrentAccount account) {
        this.reviews = reviews;
        this.account = account;
    }

    @GET
    @RolesAllowed("creator")
    @Operation(summary = "My registrations held for review, newest first")
    public List<RegistrationResponse> mine(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return reviews.ownedBy(account.id(), offset, limit).stream().map(RegistrationResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("creator")
    @Operation(summary = "One of my registrations held for review: PENDING_REVIEW, REGISTERED (workId) or REJECTED"
            + " (reason)")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "404", description = "REVIEW_NOT_FOUND, also for registrations of others")
    public RegistrationResponse get(@PathParam("id") String id) {
        return RegistrationResponse.of(reviews.ownedBy(id, account.id()));
    }

    @GET
    @Path("/reviews")
    @RolesAllowed("operator")
    @Operation(summary = "The review queue, oldest first")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: unknown status, limit outside 1..500")
    public List<ReviewResponse> queue(
            @Parameter(description = "PENDING_REVIEW, REGISTERED or REJECTED; all when absent")
            @QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return reviews.list(status, offset, limit).stream().map(ReviewResponse::of).toList();
    }

    @GET
    @Path("/reviews/{id}")
    @RolesAllowed("operator")
    @Operation(summary = "A registration held for review, with everything the requester sent")
    @APIResponse(responseCode = "200", description = "The review",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "404", description = "REVIEW_NOT_FOUND")
    public ReviewResponse review(@PathParam("id") String id) {
        return ReviewResponse.of(reviews.byId(id));
    }

    @GET
    @Path("/reviews/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed("operator")
    @Operation(summary = "The held file, to compare it with the similar works")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "application/octet-stream"))
    @APIResponse(responseCode = "404", description = "REVIEW_NOT_FOUND, CONTENT_NOT_FOUND")
    public Response content(@PathParam("id") String id) {
        return Downloads.of(reviews.content(id), id);
    }

    @POST
    @Path("/reviews/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Decide a review: REGISTER (on chain, registrant = the requester) or REJECT with a reason",
            description = "A review is decided once. The decision, the operator and the time are recorded.")
    @APIResponse(responseCode = "200", description = "The decided review",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: decision not REGISTER/REJECT, REJECT"
            + " without reason, reason longer than 1000 characters")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an operator")
    @APIResponse(responseCode = "404", description = "REVIEW_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "REVIEW_ALREADY_DECIDED, or DUPLICATE_CONTENT when the same"
            + " bytes were registered meanwhile (the review stays pending, to be rejected)")
    public ReviewResponse decide(@PathParam("id") String id, DecisionRequest request) {
        if (request == null) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "a JSON body {\"decision\", \"reason\"} is required");
        }
        return ReviewResponse.of(reviews.decide(id, account.id(), request.decision(), request.reason()));
    }
}
