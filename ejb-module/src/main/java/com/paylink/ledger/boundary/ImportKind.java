package com.paylink.ledger.boundary;

import java.util.List;
import java.util.Map;

/**
 * L16: what a CSV import brings in, and the Paylink fields a file's columns are mapped to (those marked required must
 * be mapped). One invoice per row, with one line.
 */
public enum ImportKind {

    CLIENTS(List.of("id", "firstName", "lastName", "dateOfBirth", "email", "phone", "language", "householdRelationship",
            "householdName", "householdEmail", "billToName", "billToEmail", "billToPhone"),
            List.of("id", "firstName", "lastName"),
            Map.of("id", List.of("id", "clientid", "externalid", "clientnumber", "accountnumber", "account"),
                    "firstName", List.of("firstname", "first", "givenname"),
                    "lastName", List.of("lastname", "last", "surname", "familyname"),
                    "dateOfBirth", List.of("dateofbirth", "dob", "birthdate", "birthday"),
                    "email", List.of("email", "emailaddress", "clientemail"),
                    "phone", List.of("phone", "phonenumber", "mobile", "telephone", "cell"),
                    "language", List.of("language", "preferredlanguage", "lang"))),

    INVOICES(List.of("id", "client", "number", "issuedOn", "description", "quantity", "unitAmount", "provider", "service",
            "serviceDate", "status"),
            List.of("id", "client", "number", "issuedOn", "description", "unitAmount"),
            Map.of("id", List.of("id", "invoiceid", "externalid"),
                    "client", List.of("client", "clientid", "clientexternalid", "account", "accountnumber"),
                    "number", List.of("number", "invoicenumber", "invoiceno", "invoice"),
                    "issuedOn", List.of("issuedon", "date", "invoicedate", "issued", "issuedate"),
                    "description", List.of("description", "item", "lineitem", "details"),
                    "quantity", List.of("quantity", "qty", "units"),
                    "unitAmount", List.of("unitamount", "amount", "price", "fee", "charge", "total"),
                    "provider", List.of("provider", "providerusername", "provideremail", "clinician", "renderingprovider"),
                    "status", List.of("status", "invoicestatus")));

    private final List<String> fields;
    private final List<String> required;
    private final Map<String, List<String>> synonyms;

    ImportKind(List<String> fields, List<String> required, Map<String, List<String>> synonyms) {
        this.fields = fields;
        this.required = required;
        this.synonyms = synonyms;
    }

    public List<String> fields() {
        return fields;
    }

    public List<String> required() {
        return required;
    }

    /** The file's column that likely holds {@code field}: same name, or a usual name for it (case and spaces aside). */
    public String suggest(String field, List<String> headers) {
        List<String> names = new java.util.ArrayList<>(synonyms.getOrDefault(field, List.of()));
        names.add(0, normalized(field));
        for (String name : names) {
            for (String header : headers) {
                if (normalized(header).equals(name)) {
                    return header;
                }
            }
        }
        return null;
    }

    static String normalized(String header) {
        return header == null ? "" : header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
