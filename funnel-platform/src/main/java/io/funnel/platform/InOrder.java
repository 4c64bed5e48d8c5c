package io.funnel.platform;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Runs a piece of asynchronous work per item, each after the previous one completed. A loop of {@code chain} calls
 * does the same but nests one subscription per item: when the work completes at once (an ignored event, a cached
 * answer) the nesting becomes stack depth, and a few hundred items overflow a 512 KiB thread stack, which leaves
 * the whole chain pending forever (a transaction idle until its connection dies). A stream concatenates them flat.
 */
public final class InOrder {

    private InOrder() {
    }

    public static <T> Uni<Void> each(Iterable<T> items, Function<T, Uni<?>> work) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> work.apply(item).replaceWithVoid())
                .collect().last()
                .replaceWithVoid();
    }
}
