package io.dcx.service.api;

import io.dcx.service.api.IdempotentResponses.Reply;
import io.dcx.service.api.dto.KycDecisionRequest;
import io.dcx.service.api.dto.KycMeResponse;
import io.dcx.service.api.dto.KycResponse;
import io.dcx.service.api.dto.KycSubmissionRequest;
import io.dcx.service.application.idempotency.Idempotency;
import io.dcx.service.application.kyc.KycQueries;
import io.dcx.service.application.kyc.KycReviews;
import io.dcx.service.application.kyc.KycSubmissions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/**
 * Real-name KYC: account holders submit and read their own; operators review; regulators read (masked).
 * Another holder's submission answers 404, as one that does not exist.
 */
@Path("/api/v1/kyc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kyc")
public class KycResource {
    private final Caller caller;
    private final KycSubmissions submissions;
    private final KycQueries queries;
    private final KycReviews reviews;
    private final IdempotentResponses idempotent;

    public KycResource(Caller caller, KycSubmissions submissions, KycQueries queries, KycReviews reviews,
            IdempotentResponses idempotent) {
        this.caller = caller;
        this.submissions = submissions;
        this.queries = queries;
        this.reviews = reviews;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Submit KYC for the caller's account",
            description = "201 with the submission (status SUBMITTED); 400 for invalid fields, 422 NOT_ADULT, 409 "
                    + "KYC_ALREADY_SUBMITTED while one waits for review.")
    public Response submit(KycSubmissionRequest body, UriInfo uri) {
        KycSubmissionRequest r = JsonInput.required(body);
        KycResponse created = KycResponse.of(submissions.submit(caller.actor(), caller.subject(),
                new KycSubmissions.Submission(r.type(), r.name(), r.idNumber(), r.phone(), r.bankCard(),
                        r.address(), r.deviceId(), r.creditCode(), r.legalRepresentative())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "The caller's KYC status, the reason for it, and the latest submission unmasked")
    public KycMeResponse mine() {
        KycQueries.Mine mine = queries.mine(caller.accountId(), caller.subject());
        return new KycMeResponse(mine.account().id(), mine.account().kycStatus().name(),
                mine.account().statusReason(), mine.account().tier(), KycResponse.of(mine.latest()));
    }

    @GET
    @Path("/reviews")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "The review queue (default SUBMITTED and IN_REVIEW, oldest first), personal data masked")
    public List<KycResponse> queue(@QueryParam("status") String status, @QueryParam("limit") Integer limit) {
        return reviews.queue(status, limit).stream().map(KycResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"creator", "trader", "operator", "regulator"})
    @Operation(summary = "One submission",
            description = "Owners see their own unmasked; operators see it masked and, by opening it, take a "
                    + "SUBMITTED one into review (IN_REVIEW); regulators read it masked.")
    public KycResponse get(@PathParam("id") String id) {
        if (caller.hasRole("operator") || caller.hasRole("regulator")) {
            return KycResponse.of(reviews.open(caller.actor(), id, caller.hasRole("operator")));
        }
        return KycResponse.of(queries.own(caller.accountId(), id));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Approve or reject a submission",
            description = "{\"decision\":\"APPROVE\"|\"REJECT\",\"reason\",\"tier\",\"watchListOverride\"}. A reject "
                    + "needs a reason; a watch-list hit needs watchListOverride to be approved. Idempotency-Key "
                    + "accepted.")
    public Response decide(@PathParam("id") String id, KycDecisionRequest body,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        KycDecisionRequest d = JsonInput.required(body);
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), d, () -> new Reply(200,
                KycResponse.of(reviews.decide(caller.actor(), id,
                        new KycReviews.Decision(d.decision(), d.reason(), d.tier(), d.watchListOverride())))));
    }
}
