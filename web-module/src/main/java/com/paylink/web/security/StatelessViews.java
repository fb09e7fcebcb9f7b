package com.paylink.web.security;

import com.paylink.web.common.Pages;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * The payer's pages, the staff sign-in page and the public home page are stateless from the moment their view is created, not only once
 * the template's {@code <f:view transient="true">} is built: otherwise PrimeFaces' CSP support, which runs before the
 * view is built, stores its nonce in a view map and so creates a container session. The payer's state lives in
 * {@code payer.PayerSessions}, never in an HttpSession (issue 10 item 9); nobody gets a session before signing in (issue 28).
 */
public class StatelessViews extends ViewHandlerWrapper {

    /** I5: "Forgot password?" and the one-time link's set-password page, for people not signed in. */
    public static final String ACCOUNT_PAGES = "/account/";

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && viewId != null
                && (viewId.startsWith(Pages.PAYER_PAGES) || viewId.equals(StaffAuthenticationMechanism.LOGIN_PAGE)
                || viewId.equals("/index.xhtml") || viewId.startsWith(ACCOUNT_PAGES))) {
            root.setTransient(true);
        }
        return root;
    }
}
