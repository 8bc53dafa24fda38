package io.infrashare.support;

import java.util.Optional;

/**
 * The one rule for text the service keeps: what is refused before anything is recorded, because a read model, the
 * audit log or a JSON answer could not hold it unchanged, or because it would make a name read other than it is.
 *
 * <ul>
 *     <li>everywhere: unpaired surrogates, and the C0 and C1 control characters (NUL among them), but for tab, line
 *     feed and carriage return in reasons;</li>
 *     <li>in names and identifiers, also the bidirectional embedding, override and isolate characters, which show a
 *     name in another order than it is stored in.</li>
 * </ul>
 */
public final class StoredText {

    /** What a piece of text is, which decides what it may hold. */
    public enum Kind {
        /** A name or identifier: a project's name, a label or attribute key. */
        NAME,
        /** Free text shown as given: a label or attribute value. */
        TEXT,
        /** The reason a write gives ({@code X-Reason}): lines of text. */
        REASON
    }

    private StoredText() {
    }

    /** Why the text cannot be kept, as the message of a field error; empty when it can. */
    public static Optional<String> problem(String text, Kind kind) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds an unpaired surrogate (" + codePoint(c) + ")");
            } else if (Character.isISOControl(c) && !(kind == Kind.REASON && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of("holds the control character " + codePoint(c));
            } else if (kind == Kind.NAME && bidirectionalControl(c)) {
                return Optional.of("holds the bidirectional control character " + codePoint(c));
            }
        }
        return Optional.empty();
    }

    /** U+202A to U+202E (embeddings and overrides) and U+2066 to U+2069 (isolates). */
    private static boolean bidirectionalControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
