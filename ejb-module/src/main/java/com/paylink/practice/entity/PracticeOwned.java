package com.paylink.practice.entity;

/** A record that belongs to exactly one practice (P1); staff reach it only within their own practice. */
public interface PracticeOwned {

    Practice practice();
}
