package com.paylink.collection.boundary;

import com.paylink.collection.control.StatementMaker;
import com.paylink.collection.control.StatementPdf;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.shared.BusinessException;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Issue 24 (C5): a client's paper statement with a QR code, made by staff with Billing (or an Admin) from the ledger.
 * Making it issues the link it carries (for every unpaid invoice of the oldest one's currency, disputed ones left out,
 * replacing the links the client holds for them), working the practice's statement lifetime; the link's state is on the
 * ledger like any other. The PDF is returned to the caller and kept nowhere.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class Statements {

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    @Inject
    StatementMaker maker;

    /** The statement's file. */
    public record Document(String fileName, String contentType, byte[] content) {
    }

    /** C5: the statement could not be made (nothing owed, or the practice takes no cards); nothing was issued. */
    public static class Refused extends BusinessException {
        private final String code;

        public Refused(String code) {
            super("statement refused: " + code);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** @throws Refused when the client owes nothing a link can take, or the practice does not take cards */
    public Document statement(long clientId) {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        Client client = scope.find(staff, Client.class, clientId);
        StatementMaker.Result made = maker.make(client, staff, clock.instant(), false);
        if (!made.made()) {
            throw new Refused(made.refusal());
        }
        return new Document(made.fileName(), StatementPdf.CONTENT_TYPE, made.pdf());
    }
}
