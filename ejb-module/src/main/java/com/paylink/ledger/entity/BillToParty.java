package com.paylink.ledger.entity;

/** Who pays the client's bills: the client, or another person (a guardian, a third-party payer). */
public enum BillToParty {
    CLIENT,
    OTHER_PERSON
}
