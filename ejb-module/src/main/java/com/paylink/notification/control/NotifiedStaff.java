package com.paylink.notification.control;

import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who hears of a payment (rule N1): the appointment's rendering provider only if they hold Billing, and
 * every Admin of the practice; each person once; only active staff of the invoice's practice.
 */
public final class NotifiedStaff {

    private NotifiedStaff() {
    }

    public static List<Staff> of(long practiceId, Staff renderingProvider, Collection<Staff> practiceAdmins) {
        return of(practiceId, renderingProvider == null ? List.of() : List.of(renderingProvider), practiceAdmins);
    }

    /**
     * A payment of several invoices (PL12): each invoice's rendering provider with Billing and every Admin,
     * still each person once, however many of the invoices they rendered.
     */
    public static List<Staff> of(long practiceId, List<Staff> renderingProviders, Collection<Staff> practiceAdmins) {
        Map<Long, Staff> chosen = new LinkedHashMap<>();
        for (Staff provider : renderingProviders) {
            if (provider != null && provider.has(Permission.BILLING)) {
                chosen.putIfAbsent(provider.id(), provider);
            }
        }
        for (Staff admin : practiceAdmins) {
            if (admin.has(Permission.ADMIN)) {
                chosen.putIfAbsent(admin.id(), admin);
            }
        }
        return chosen.values().stream()
                .filter(Staff::isActive)
                .filter(s -> s.practice().id() == practiceId)
                .toList();
    }
}
