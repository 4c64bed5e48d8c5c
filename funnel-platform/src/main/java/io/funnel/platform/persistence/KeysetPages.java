package io.funnel.platform.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Reads rows a page at a time in key order, each page starting after the last key of the one before, so that a
 * reader of a whole table holds one page, not the table. Pages are read one after another, as a session requires.
 */
public final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * @param pageAfter reads up to {@code size} rows after a key, in key order; null: from the first row
     * @return the pages, the last one shorter than {@code size} (possibly empty)
     */
    public static <T, K> Multi<List<T>> read(int size, Function<K, Uni<List<T>>> pageAfter, Function<T, K> keyOf) {
        AtomicReference<K> lastKey = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> pageAfter.apply(lastKey.get()).invoke(page -> {
                    if (!page.isEmpty()) {
                        lastKey.set(keyOf.apply(page.get(page.size() - 1)));
                    }
                }))
                .whilst(page -> page.size() == size);
    }
}
