package io.loyalty.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final CustomerService service;
    private final CustomerErasure erasure;

    CustomerResource(CustomerService service, CustomerErasure erasure) {
        this.service = service;
        this.erasure = erasure;
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "createCustomer", summary = "Register a customer",
            description = "Creates a customer. `externalId` (the id in your system) and `email` are each unique; "
                    + "email uniqueness ignores case. At least one of the two is required. With `referralCode` (another "
                    + "customer's, from POST /customers/{id}/referral-code) the new customer is linked to that referrer.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerRequest.class),
            examples = @ExampleObject(name = "full", summary = "A customer with consent to marketing", value = """
                    {"externalId": "shop-customer-1042", "email": "asha.patil@example.com", "firstName": "Asha",
                     "lastName": "Patil", "phone": "+91 98765 43210", "birthDate": "1990-04-17", "marketingConsent": true}""")))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the new customer.",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "The externalId or email is already taken, or the referral code "
            + "belonged to a customer who was erased.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "customer-erased", value = "The referral code 'ASHA7K2Q' belonged to a customer who was erased; it can no longer be used"),
                    @ExampleObject(name = "duplicate-external-id", value = "A customer with externalId 'shop-customer-1042' already exists: 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70"),
                    @ExampleObject(name = "duplicate-email", value = "A customer with this email already exists")}))
    @APIResponse(responseCode = "422", description = "The referral code is unknown, or the referrer is the same person "
            + "(same email or phone); the customer is not created.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-referral-code", value = "No customer has the referral code 'ASHA7K2Q'"),
                    @ExampleObject(name = "self-referral", value = "Referral refused: the new customer has the referrer's phone number")}))
    public RestResponse<CustomerResponse> create(@NotNull @Valid CustomerRequest request, @Context UriInfo uriInfo) {
        CustomerResponse created = service.create(request);
        return RestResponse.ResponseBuilder.<CustomerResponse>created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getCustomer", summary = "Get a customer", description = "One customer by the id this API gave it.")
    @APIResponse(responseCode = "200", description = "The customer.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CustomerResponse get(@Parameter(example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70") @PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listCustomers", summary = "List or look up customers",
            description = "Lists customers in the order they were created. `externalId` or `email` (case-insensitive) "
                    + "narrow the list to the one matching customer, which is how to look a customer up by your own id. "
                    + "No match is an empty list, not a 404.")
    @APIResponse(responseCode = "200", description = "One page of customers.")
    public Page<CustomerResponse> list(
            @Parameter(description = "The customer's id in your system.", example = "shop-customer-1042")
            @QueryParam("externalId") String externalId,
            @Parameter(description = "Email, matched regardless of case.", example = "asha.patil@example.com")
            @QueryParam("email") String email,
            @BeanParam PageParams page) {
        return service.list(externalId, email, page.toRequest());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "updateCustomer", summary = "Update a customer",
            description = "JSON Merge Patch (RFC 7396): send only the fields to change; `null` clears a field. "
                    + "The result is validated like a new customer, so it must keep an externalId or an email.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = CustomerPatch.class),
                    examples = @ExampleObject(name = "consent", summary = "Withdraw marketing consent, clear the phone",
                            value = "{\"marketingConsent\": false, \"phone\": null}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPatch.class),
                    examples = @ExampleObject(name = "name", summary = "Correct the last name",
                            value = "{\"lastName\": \"Patil-Deshmukh\"}"))})
    @APIResponse(responseCode = "200", description = "The updated customer.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new externalId or email belongs to another customer, or the "
            + "customer was erased (personal data cannot come back).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "duplicate-email", value = "A customer with this email already exists"),
                    @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was "
                            + "erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals"),
                    @ExampleObject(name = "duplicate-external-id", value = "A customer with externalId 'shop-customer-1042' already exists: 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70")}))
    public CustomerResponse patch(@PathParam("id") UUID id, ObjectNode patch) {
        if (patch == null) {
            throw Problems.badRequest("A JSON object with the fields to change is required");
        }
        return service.patch(id, patch);
    }

    @POST
    @Path("{id}/erasure")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "eraseCustomer", summary = "Erase a customer's personal data",
            description = "The right to erasure (GDPR art. 17). Removes the customer's email, phone, names, birth date, "
                    + "marketing consent and externalId, and the comments of their feedback; keeps the customer's id with "
                    + "its orders, points ledger, redemptions and settlements, so that the accounts still add up and "
                    + "balances still equal the ledger. The customer is marked `erasedAt` and from then on takes no new "
                    + "orders, memberships, redemptions, grants, payments, events or referrals (`409 customer-erased`), "
                    + "and their referral code is refused. Their email and externalId are free again: a new customer may "
                    + "register with them. Idempotent: erasing again answers the erased customer and changes nothing.")
    @APIResponse(responseCode = "200", description = "The erased customer: no personal data, `erasedAt` set.",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CustomerResponse erase(@Parameter(example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70") @PathParam("id") UUID id) {
        return erasure.erase(id);
    }
}
