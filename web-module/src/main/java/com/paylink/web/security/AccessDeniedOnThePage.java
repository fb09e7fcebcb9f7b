package com.paylink.web.security;

import com.paylink.web.common.Pages;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;

import java.util.Iterator;
import java.util.logging.Logger;

/**
 * I4: a staff member's roles are read again at each request, so an action on a page shown before an Admin took a
 * permission away is refused by the boundary's container check. Such a refusal, met while a form is processed, is shown
 * on the same page as a clear message ("your account does not have the permission this needs"), as the boundary's own
 * refusals are, not as an error page. Anything else, and anything met while the page renders, goes on as before.
 */
public class AccessDeniedOnThePage extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(AccessDeniedOnThePage.class.getName());

    public AccessDeniedOnThePage(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                if (accessDenied(failure)) {
                    events.remove();
                    LOG.info(() -> "refused on a page: " + context.getExternalContext().getRemoteUser()
                            + " no longer has the permission this action needs");
                    Pages.error(null, "error.access-denied");
                    context.renderResponse();
                }
            }
        }
        super.handle();
    }

    private static boolean accessDenied(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
            if (!(t instanceof FacesException || t instanceof jakarta.el.ELException || t instanceof jakarta.ejb.EJBException)) {
                return false;
            }
        }
        return false;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new AccessDeniedOnThePage(getWrapped().getExceptionHandler());
        }
    }
}
