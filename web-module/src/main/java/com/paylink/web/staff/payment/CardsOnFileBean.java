package com.paylink.web.staff.payment;

import com.paylink.payment.boundary.CardsOnFile;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import com.paylink.web.staff.ledger.ClientProfileBean;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Issue 25 (PAY20): the client page's "Cards on file" for Billing and Admins: each card, its consent and state; Billing
 * removes one. Every rule is the boundary's ({@link CardsOnFile}).
 */
@Named
@ViewScoped
public class CardsOnFileBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CardsOnFile cards;

    @Inject
    ClientProfileBean profile;

    /** The page's client, kept for the view's postbacks. */
    private Long client;
    // records are not kept in the view's state: each request reads them again
    private transient List<CardsOnFile.CardOnFile> list;

    public List<CardsOnFile.CardOnFile> getCards() {
        if (client == null) {
            client = Pages.id(profile.getId());
        }
        if (list == null && client != null) {
            list = cards.of(client);
        }
        return list == null ? List.of() : list;
    }

    public void remove(long cardId) {
        try {
            cards.remove(cardId);
            Pages.info("cards.removed");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
        list = null;
    }
}
