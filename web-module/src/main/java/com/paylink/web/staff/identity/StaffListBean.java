package com.paylink.web.staff.identity;

import com.paylink.identity.boundary.StaffAdminPage;
import com.paylink.identity.boundary.StaffAdminService;
import com.paylink.identity.boundary.StaffRow;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff &amp; Permissions (Admins only, I2, I4): the practice's staff, each row's Billing, Admin and Active boxes with
 * its own Save, and the changes made. The rules are the boundary's; this bean carries the boxes.
 */
@Named
@RequestScoped
public class StaffListBean {

    @EJB
    StaffAdminService staffAdmin;

    @EJB
    com.paylink.identity.boundary.StaffAccessService access;

    private final Invite invite = new Invite();

    /** The invitation form's fields (I5). */
    public static class Invite {
        private String name;
        private String email;
        private boolean provider;
        private boolean billing;
        private boolean admin;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public boolean isProvider() {
            return provider;
        }

        public void setProvider(boolean provider) {
            this.provider = provider;
        }

        public boolean isBilling() {
            return billing;
        }

        public void setBilling(boolean billing) {
            this.billing = billing;
        }

        public boolean isAdmin() {
            return admin;
        }

        public void setAdmin(boolean admin) {
            this.admin = admin;
        }
    }

    public Invite getInvite() {
        return invite;
    }

    /** I5: invites a person; a refused invitation keeps the form as typed and says why. */
    public void sendInvitation() {
        try {
            page = access.invite(invite.name, invite.email, invite.provider, invite.billing, invite.admin);
            edits.clear();
            Pages.info("staffList.invite.sent", invite.email.strip());
            invite.name = null;
            invite.email = null;
            invite.provider = false;
            invite.billing = false;
            invite.admin = false;
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    /** I5: sends a person's invitation again. */
    public void resendInvitation(long staffId) {
        String email = getStaff().stream().filter(r -> r.id() == staffId).map(StaffRow::username).findFirst().orElse("");
        try {
            page = access.resendInvitation(staffId);
            edits.clear();
            Pages.info("staffList.resent", email);
        } catch (BusinessException e) {
            page = null;
            edits.clear();
            Pages.error(null, e);
        }
    }

    private StaffAdminPage page;
    private final Map<Long, Edit> edits = new HashMap<>();

    /** One row's boxes, filled from the row as it is when the page is shown. */
    public static class Edit {
        private boolean billing;
        private boolean admin;
        private boolean active;

        public boolean isBilling() {
            return billing;
        }

        public void setBilling(boolean billing) {
            this.billing = billing;
        }

        public boolean isAdmin() {
            return admin;
        }

        public void setAdmin(boolean admin) {
            this.admin = admin;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    public StaffAdminPage getPage() {
        if (page == null) {
            page = staffAdmin.page();
        }
        return page;
    }

    public List<StaffRow> getStaff() {
        return getPage().staff();
    }

    /** The boxes of each row, keyed by the staff member's id. */
    public Map<Long, Edit> getEdits() {
        if (edits.isEmpty()) {
            for (StaffRow row : getStaff()) {
                Edit edit = new Edit();
                edit.billing = row.billing();
                edit.admin = row.admin();
                edit.active = row.active();
                edits.put(row.id(), edit);
            }
        }
        return edits;
    }

    /** Saves one row; a refused change keeps nothing and says why. */
    public void save(long staffId) {
        Edit edit = getEdits().get(staffId);
        if (edit == null) {
            Pages.notFound();
            return;
        }
        String name = getStaff().stream().filter(r -> r.id() == staffId).map(StaffRow::fullName).findFirst().orElse("");
        try {
            page = staffAdmin.change(staffId, edit.billing, edit.admin, edit.active);
            edits.clear();
            Pages.info("staffList.saved", name);
        } catch (BusinessException e) {
            page = null;
            edits.clear();
            Pages.error(null, e);
        }
    }

    public String changeLabel(String kind) {
        return Pages.text("staffList.change." + kind);
    }
}
