package com.paylink.web.staff.ledger;

import com.paylink.ledger.boundary.ClientInput;
import com.paylink.ledger.boundary.LedgerRecordsService;
import com.paylink.ledger.boundary.RecordSaved;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * L15: the New client form, for a practice without a billing system: Client Details, one household member and Bill
 * To. The rules are {@link LedgerRecordsService}'s; this bean carries the fields and goes to the new client's page.
 */
@Named
@RequestScoped
public class NewClientBean {

    @EJB
    LedgerRecordsService records;

    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    private String email;
    private String phone;
    private String language;
    private String relationship;
    private String householdName;
    private String householdEmail;
    private String billToParty = "client";
    private String billToName;
    private String billToEmail;
    private String billToPhone;

    public void save() throws IOException {
        List<ClientInput.Household> household = blank(relationship) && blank(householdName) && blank(householdEmail)
                ? List.of() : List.of(new ClientInput.Household(relationship, householdName, householdEmail));
        try {
            RecordSaved saved = records.createClient(new ClientInput(firstName, lastName, dateOfBirth, email, phone, language,
                    household, new ClientInput.BillTo(billToParty, billToName, billToEmail, billToPhone)));
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/staff/client.xhtml?id=" + saved.id() + "&created=true");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getRelationship() {
        return relationship;
    }

    public void setRelationship(String relationship) {
        this.relationship = relationship;
    }

    public String getHouseholdName() {
        return householdName;
    }

    public void setHouseholdName(String householdName) {
        this.householdName = householdName;
    }

    public String getHouseholdEmail() {
        return householdEmail;
    }

    public void setHouseholdEmail(String householdEmail) {
        this.householdEmail = householdEmail;
    }

    public String getBillToParty() {
        return billToParty;
    }

    public void setBillToParty(String billToParty) {
        this.billToParty = billToParty;
    }

    public String getBillToName() {
        return billToName;
    }

    public void setBillToName(String billToName) {
        this.billToName = billToName;
    }

    public String getBillToEmail() {
        return billToEmail;
    }

    public void setBillToEmail(String billToEmail) {
        this.billToEmail = billToEmail;
    }

    public String getBillToPhone() {
        return billToPhone;
    }

    public void setBillToPhone(String billToPhone) {
        this.billToPhone = billToPhone;
    }
}
