package com.paylink.identity.control;

import com.paylink.identity.entity.Staff;
import com.paylink.practice.entity.PracticeOwned;
import com.paylink.shared.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;

/**
 * The one "find by id within the caller's practice" (P1, I3): a record of another practice is reported
 * exactly like a missing one, so ids of other practices cannot be probed.
 */
@Dependent
public class PracticeScope {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** The record, if it belongs to {@code caller}'s practice; else {@link NotFoundException}. */
    public <T extends PracticeOwned> T find(Staff caller, Class<T> type, long id) {
        return check(caller, type, id, em.find(type, id));
    }

    /**
     * As {@link #find}, with the row locked for the rest of the transaction, so that concurrent changes
     * to one record run one after the other.
     */
    public <T extends PracticeOwned> T findLocked(Staff caller, Class<T> type, long id) {
        return check(caller, type, id, em.find(type, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static <T extends PracticeOwned> T check(Staff caller, Class<T> type, long id, T found) {
        if (found == null || !found.practice().id().equals(caller.practice().id())) {
            throw new NotFoundException(type.getSimpleName().toLowerCase(Locale.ROOT), id);
        }
        return found;
    }
}
