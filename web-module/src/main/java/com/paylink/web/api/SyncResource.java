package com.paylink.web.api;

import com.paylink.ledger.boundary.ClientInput;
import com.paylink.ledger.boundary.InvoiceInput;
import com.paylink.ledger.boundary.LedgerRecordsService;
import com.paylink.ledger.boundary.RecordSaved;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * L15: a practice's own billing system keeps Paylink in step, by its own ids. {@code PUT /api/sync/clients/{id}} and
 * {@code PUT /api/sync/invoices/{id}} create (201) or update (200) the record; the same body again changes nothing;
 * {@code GET} on either reads it back (invoices with their status and figures). Another practice's ids are not found.
 * See docs/api.md.
 */
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SyncResource {

    @EJB
    LedgerRecordsService records;

    @PUT
    @Path("/clients/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putClient(@PathParam("externalId") String externalId, String body) {
        JsonObject json = ApiJson.object(body, "a body with the client is needed");
        return answer(records.putClient(externalId, client(json)));
    }

    @GET
    @Path("/clients/{externalId}")
    public RecordSaved client(@PathParam("externalId") String externalId) {
        return records.client(externalId);
    }

    @PUT
    @Path("/invoices/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putInvoice(@PathParam("externalId") String externalId, String body) {
        JsonObject json = ApiJson.object(body, "a body with the invoice is needed");
        return answer(records.putInvoice(externalId, invoice(json)));
    }

    @GET
    @Path("/invoices/{externalId}")
    public RecordSaved invoice(@PathParam("externalId") String externalId) {
        return records.invoice(externalId);
    }

    private static Response answer(RecordSaved saved) {
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved).build();
    }

    static ClientInput client(JsonObject json) {
        List<JsonObject> household = ApiJson.optionalObjects(json, "household");
        JsonObject billTo = ApiJson.optionalObject(json, "billTo");
        return new ClientInput(ApiJson.optionalString(json, "firstName"), ApiJson.optionalString(json, "lastName"),
                ApiJson.optionalDate(json, "dateOfBirth"), ApiJson.optionalString(json, "email"),
                ApiJson.optionalString(json, "phone"), ApiJson.optionalString(json, "language"),
                household == null ? null : household.stream().map(h -> new ClientInput.Household(
                        ApiJson.optionalString(h, "relationship"), ApiJson.optionalString(h, "name"),
                        ApiJson.optionalString(h, "email"))).toList(),
                billTo == null ? null : new ClientInput.BillTo(ApiJson.optionalString(billTo, "party"),
                        ApiJson.optionalString(billTo, "name"), ApiJson.optionalString(billTo, "email"),
                        ApiJson.optionalString(billTo, "phone")));
    }

    static InvoiceInput invoice(JsonObject json) {
        List<JsonObject> lines = ApiJson.optionalObjects(json, "lines");
        return new InvoiceInput(ApiJson.optionalString(json, "client"), null, ApiJson.optionalString(json, "number"),
                ApiJson.optionalDate(json, "issuedOn"), ApiJson.optionalString(json, "currency"),
                lines == null ? null : lines.stream().map(l -> new InvoiceInput.Line(ApiJson.optionalString(l, "description"),
                        ApiJson.optionalInteger(l, "quantity"), ApiJson.optionalAmount(l, "unitAmount"))).toList(),
                ApiJson.optionalString(json, "provider"), ApiJson.optionalDate(json, "serviceDate"),
                ApiJson.optionalString(json, "service"), ApiJson.optionalString(json, "status"),
                ApiJson.optionalString(json, "voidReason"));
    }
}
