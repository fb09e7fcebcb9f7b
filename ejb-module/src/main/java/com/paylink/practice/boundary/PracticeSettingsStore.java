package com.paylink.practice.boundary;

import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeSettingChange;
import com.paylink.practice.entity.PracticeSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * P5: stores a practice's settings and the audit of each change, inside the caller's transaction
 * (MANDATORY: the boundary that checked the caller is an Admin of this practice calls it; never the web tier).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PracticeSettingsStore {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** A setting changed, as recorded. */
    public record Change(long staffId, Instant at, String setting, String oldValue, String newValue) {
    }

    /**
     * Saves the settings (checked by the caller with {@link PracticeSettings#problem()}) and records one audit
     * line per setting whose value changed.
     *
     * @return how many settings changed
     */
    public int change(long practiceId, PracticeSettings requested, long staffId, Instant at) {
        Practice practice = em.find(Practice.class, practiceId, LockModeType.PESSIMISTIC_WRITE);
        List<String[]> changes = requested.changesSince(practice.settings());
        for (String[] change : changes) {
            em.persist(new PracticeSettingChange(practiceId, staffId, at, change[0], change[1], change[2]));
        }
        if (!changes.isEmpty()) {
            practice.settingsChanged(requested);
        }
        return changes.size();
    }

    /** The practice's newest changes first. */
    public List<Change> history(long practiceId, int max) {
        return em.createQuery("""
                        select c from PracticeSettingChange c where c.practiceId = :p
                        order by c.changedAt desc, c.id desc""", PracticeSettingChange.class)
                .setParameter("p", practiceId)
                .setMaxResults(max)
                .getResultStream()
                .map(c -> new Change(c.staffId(), c.changedAt(), c.setting(), c.oldValue(), c.newValue()))
                .toList();
    }
}
