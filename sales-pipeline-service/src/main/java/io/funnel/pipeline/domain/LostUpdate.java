package io.funnel.pipeline.domain;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Recognises the failure of an optimistic-locking check: someone else changed the row since it was read. */
public final class LostUpdate {

    private LostUpdate() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
