package io.loyalty.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list.
 *
 * @param items      the page, possibly empty
 * @param nextCursor pass as {@code after} to read the next page; null on the last page
 */
@Schema(description = "One page of a list. Pass `nextCursor` as `after` to get the next page; it is null on the last page.")
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Opaque cursor for the next page, or null when this is the last page.",
                example = "AZNrZV3Yd9SJ7m5Cu6mZkw", nullable = true) String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that a next page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, UUID> idOf, Function<E, T> mapper) {
        boolean more = rows.size() > limit;
        List<E> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(idOf.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page.stream().map(mapper).toList(), next);
    }
}
