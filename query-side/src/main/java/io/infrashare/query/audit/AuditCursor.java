package io.infrashare.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code next} and {@code after} of the audit log: the position of the last entry given, opaque to clients so
 * that what it holds can change without changing the contract.
 */
final class AuditCursor {

    private static final String PREFIX = "p:";

    private AuditCursor() {
    }

    static String after(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position the cursor stands for, empty if it is not one this side gave out */
    static Optional<Long> position(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                return Optional.empty();
            }
            long position = Long.parseLong(decoded.substring(PREFIX.length()));
            return position < 0 ? Optional.empty() : Optional.of(position);
        } catch (IllegalArgumentException e) {
            // not base64url, or no number after the prefix (NumberFormatException is one)
            return Optional.empty();
        }
    }
}
