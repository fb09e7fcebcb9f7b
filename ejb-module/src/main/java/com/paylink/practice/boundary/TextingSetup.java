package com.paylink.practice.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * Issue 23 (T5): the Admin's Text messages page: the practice's sender (a Twilio Messaging Service SID), the name its
 * texts begin with, the carrier registration as Twilio last reported it (null: unknown), and whether this server has a
 * Twilio account at all.
 */
public record TextingSetup(String serviceSid, String textingName, String textingNameInUse, Boolean registered,
                           Instant checkedAt, boolean serverConfigured, String registrationProblem) implements Serializable {
}
