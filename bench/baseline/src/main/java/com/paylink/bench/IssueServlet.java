package com.paylink.bench;

import com.paylink.identity.entity.Permission;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.io.IOException;
import java.util.Set;

/**
 * {@code POST /bench-baseline/issue/<invoiceId>}: link issuance through the boundary alone, for the benchmark's
 * "links/s through the boundary" figure. Calls {@link PaymentLinkService#send} in the running EAR as the demo's
 * biller with the roles a sign-in would give (no HTTP authentication, no JSON), so the permission checks, the token,
 * the rows and the queued mail are all the product's own. Bench only: never built into the release.
 */
@WebServlet("/issue/*")
public class IssueServlet extends HttpServlet {

    @EJB(lookup = "java:global/paylink/paylink-ejb/PaymentLinkService!com.paylink.paymentlink.boundary.PaymentLinkService")
    private PaymentLinkService links;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long invoiceId = Long.parseLong(request.getPathInfo().substring(1));
        SecurityIdentity biller = SecurityDomain.getCurrent().createAdHocIdentity("biller")
                .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(Set.of(Permission.STAFF_ROLE, Permission.BILLING_ROLE))));
        LinkSent sent = biller.runAs((java.security.PrivilegedAction<LinkSent>) () -> links.send(invoiceId, null));
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.getWriter().write(String.valueOf(sent.linkId()));
    }
}
