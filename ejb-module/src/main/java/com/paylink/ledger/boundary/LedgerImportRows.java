package com.paylink.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * L16: one imported row in its own transaction, through the same create-or-update as the API: a refused row changes
 * nothing and does not stop the others. {@link #check} does the same and rolls back (the preview).
 */
@Stateless
@RolesAllowed(com.paylink.identity.entity.Permission.ADMIN_ROLE)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LedgerImportRows {

    @EJB
    LedgerRecordsService records;

    @Resource
    SessionContext context;

    /** @return whether the record was created (false: updated, or already so) */
    public boolean apply(ImportKind kind, String externalId, Object input) {
        RecordSaved saved = kind == ImportKind.CLIENTS ? records.putClient(externalId, (ClientInput) input)
                : records.putInvoice(externalId, (InvoiceInput) input);
        return saved.created();
    }

    /** What {@link #apply} would do, undone: whether it would create the record. */
    public boolean check(ImportKind kind, String externalId, Object input) {
        boolean created = apply(kind, externalId, input);
        context.setRollbackOnly();
        return created;
    }
}
