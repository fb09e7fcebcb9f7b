package com.paylink.web.staff.identity;

import com.paylink.identity.boundary.ApiKeyRow;
import com.paylink.identity.boundary.ApiKeyService;
import com.paylink.identity.boundary.NewApiKey;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** S3: the signed-in staff member's own API keys: create one (shown once), see when each was last used, revoke. */
@Named
@RequestScoped
public class ApiKeysBean {

    @EJB
    ApiKeyService keys;

    @jakarta.inject.Inject
    CurrentUserBean user;

    private String name;
    private String password;
    private NewApiKey created;
    private List<ApiKeyRow> rows;
    private List<ApiKeyRow> practiceRows;

    /** S3: a new key, confirmed with the caller's password. */
    public void create() {
        try {
            created = keys.create(name, password == null ? new char[0] : password.toCharArray());
            password = null;
            name = null;
            rows = null;
            Pages.info("apiKeys.created", created.name());
        } catch (BusinessException e) {
            password = null;
            Pages.error(e instanceof com.paylink.identity.boundary.ApiKeyRefused r && "api-key-password".equals(r.code()) ? "apiKeyForm:password"
                    : "apiKeyForm:name", e);
        }
    }

    /** S3: the owner renews a key for another lifetime. */
    public void renew(long id) {
        keys.renew(id);
        rows = null;
        Pages.info("apiKeys.renewed");
    }

    /** S3: an Admin revokes any key of the practice's staff. */
    public void revokeForPractice(long id) {
        keys.revokeForPractice(id);
        rows = null;
        practiceRows = null;
        Pages.info("apiKeys.revoked");
    }

    /** Every key of the practice (Admins only; empty for anyone else). */
    public List<ApiKeyRow> getPracticeKeys() {
        if (practiceRows == null) {
            practiceRows = user.isAdmin() ? keys.practiceKeys() : List.of();
        }
        return practiceRows;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void revoke(long id) {
        keys.revoke(id);
        rows = null;
        Pages.info("apiKeys.revoked");
    }

    public List<ApiKeyRow> getKeys() {
        if (rows == null) {
            rows = keys.mine();
        }
        return rows;
    }

    /** The key just created, for this one response only; null otherwise. */
    public NewApiKey getCreated() {
        return created;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
