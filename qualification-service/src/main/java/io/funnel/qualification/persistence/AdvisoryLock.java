package io.funnel.qualification.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** PostgreSQL transaction-level advisory locks, held until the current transaction ends. */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    /**
     * Waits for and takes the lock {@code key}. Run as an update, not a select: Hibernate caches a new plan for every
     * execution of a native select and never finds it again, which fills its plan cache at one entry per event.
     */
    public static Uni<Void> acquire(long key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(?1)")
                        .setParameter(1, key)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
