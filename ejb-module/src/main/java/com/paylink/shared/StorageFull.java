package com.paylink.shared;

/**
 * The message broker refused new work because its storage is nearly full (the broker's disk usage is above
 * {@code global-max-disk-usage}, and Paylink's queues fail sends instead of blocking them, configure.cli). Nothing
 * the request did is kept: the transaction rolls back. Pages and the API say so plainly (503 with Retry-After)
 * instead of hanging; sends are taken again as soon as space returns.
 */
public class StorageFull extends BusinessException {

    public StorageFull() {
        super("the message broker's storage is nearly full");
    }

    @Override
    public String code() {
        return "storage-full";
    }
}
