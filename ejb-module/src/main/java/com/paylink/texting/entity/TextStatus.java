package com.paylink.texting.entity;

/**
 * Issue 23: where a text message is. SCHEDULED until its sender claims it (quiet hours may hold it); SENDING while the
 * provider is being asked; then the provider's own statuses as its callbacks report them. REFUSED: Paylink did not
 * send it (no consent, opted out) or the provider refused it before sending; CANCELLED: its link closed first.
 */
public enum TextStatus {
    SCHEDULED, SENDING, ACCEPTED, SENT, DELIVERED, UNDELIVERED, FAILED, REFUSED, CANCELLED;

    /** How far along the provider's path a status is: a late callback never moves a text back. */
    public int rank() {
        return switch (this) {
            case SCHEDULED -> 0;
            case SENDING -> 1;
            case ACCEPTED -> 2;
            case SENT -> 3;
            case DELIVERED, UNDELIVERED, FAILED, REFUSED, CANCELLED -> 4;
        };
    }

    /** The provider's word for it (Twilio's MessageStatus), or empty for one Paylink has no status for. */
    public static java.util.Optional<TextStatus> ofProvider(String status) {
        if (status == null) {
            return java.util.Optional.empty();
        }
        return switch (status) {
            case "accepted", "queued", "scheduled" -> java.util.Optional.of(ACCEPTED);
            case "sending", "sent" -> java.util.Optional.of(SENT);
            case "delivered", "read" -> java.util.Optional.of(DELIVERED);
            case "undelivered" -> java.util.Optional.of(UNDELIVERED);
            case "failed", "canceled" -> java.util.Optional.of(FAILED);
            default -> java.util.Optional.empty();
        };
    }

    public boolean failed() {
        return this == UNDELIVERED || this == FAILED;
    }
}
