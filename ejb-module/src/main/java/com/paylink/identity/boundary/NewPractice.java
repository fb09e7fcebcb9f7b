package com.paylink.identity.boundary;

/**
 * I5: what the operator gives for a new practice: its name, time zone (an IANA id such as America/Chicago), how clients
 * reach it (an email address, a phone number if any), the address its emails are sent from (the contact address when
 * empty), and its first Admin's name and email address.
 */
public record NewPractice(String name, String timeZone, String contactEmail, String contactPhone, String senderEmail,
                          String adminName, String adminEmail) {
}
