package com.paylink.web.staff;

import com.paylink.identity.boundary.ApiKeyRow;
import com.paylink.identity.boundary.ApiKeyService;
import com.paylink.identity.boundary.NewApiKey;
import com.paylink.shared.BusinessException;
import com.paylink.web.Pages;
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

    private String name;
    private NewApiKey created;
    private List<ApiKeyRow> rows;

    public void create() {
        try {
            created = keys.create(name);
            name = null;
            rows = null;
            Pages.info("apiKeys.created", created.name());
        } catch (BusinessException e) {
            Pages.error("apiKeyForm:name", e);
        }
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
