package com.paylink.web.staff.ledger;

import com.paylink.ledger.boundary.ClientSummary;
import com.paylink.ledger.boundary.LedgerService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The client list with its search box. */
@Named
@ViewScoped
public class ClientsBean implements Serializable {

    @EJB
    LedgerService ledger;

    private String query;
    private List<ClientSummary> clients;

    @PostConstruct
    void init() {
        search();
    }

    public void search() {
        clients = ledger.searchClients(query);
    }

    public boolean isTruncated() {
        return clients.size() >= LedgerService.MAX_SEARCH_RESULTS;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<ClientSummary> getClients() {
        return clients;
    }
}
