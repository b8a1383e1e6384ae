package io.loyalty.common;

import io.loyalty.common.error.Problems;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursor: the id of the last row of a page, base64url-encoded. Ids are UUIDv7, so
 * "id greater than the cursor" is both stable under concurrent inserts and served by the primary key.
 */
public final class Cursor {
    private Cursor() {
    }

    public static String encode(UUID id) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** @return the id the cursor stands for, or null when no cursor was given */
    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length == 16) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw Problems.invalidParameter("after", "is not a cursor returned by this API");
    }
}
