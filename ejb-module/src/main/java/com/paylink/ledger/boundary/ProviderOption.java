package com.paylink.ledger.boundary;

/** L15: a provider of the practice an invoice can name as its rendering provider: username and full name. */
public record ProviderOption(String username, String fullName) {
}
