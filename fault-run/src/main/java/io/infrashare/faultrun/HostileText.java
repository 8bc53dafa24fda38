package io.infrashare.faultrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * Text a careless or hostile client sends, which the service keeps unchanged (names, labels, attribute values and
 * reasons that must come back as they were) or refuses with a 400 that records nothing. The fault run sends both
 * during its kills, so that what it compares in the end holds them.
 */
final class HostileText {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Valid text, each a corner of Unicode or JSON: kept as it is, to the last character. */
    private static final List<String> KEPT = List.of(
            "Vorschau \"quoted\" and back\\slashed",
            "\uD835\uDD13\uD835\uDD2F\uD835\uDD22\uD835\uDD33\uD835\uDD26\uD835\uDD22\uD835\uDD34 (mathematical letters)",
            "\u0645\u0639\u0627\u064A\u0646\u0629 preview, right to left",
            "e\u0301\u0301 with combining marks, \u00E9 without",
            "\uD83D\uDC69\u200D\uD83D\uDCBB joined by a zero-width joiner",
            " spaces at both ends, an\u2003em space inside ",
            "\u540D".repeat(190) + " 190 ideographs",
            "\uD83D\uDE00".repeat(200));

    /** Reasons, which may also hold tabs and line breaks. */
    private static final List<String> REASONS = List.of(
            "Z\u00FCrich move,\tticket 4711\nsecond line",
            "50% of traffic to the \uD83C\uDDE8\uD83C\uDDED cluster",
            "\u0645\u0639\u0627\u064A\u0646\u0629 \u2014 \"quoted\" \\ back");

    /** Names the service cannot keep unchanged and must refuse: NUL, an unpaired surrogate, a bidirectional override. */
    private static final List<String> REFUSED = List.of("nul\u0000name", "lone \uD800 surrogate", "ab\u202Ecd");

    private HostileText() {
    }

    /**
     * The n-th kept text, cut to at most {@code limit} UTF-16 units (the stricter reading of "characters"), never
     * inside a surrogate pair, for a field of that limit.
     */
    static String kept(int n, int limit) {
        String text = KEPT.get(Math.floorMod(n, KEPT.size()));
        int end = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (next > limit) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }

    static String reason(int n) {
        return REASONS.get(Math.floorMod(n, REASONS.size()));
    }

    static String refused(int n) {
        return REFUSED.get(Math.floorMod(n, REFUSED.size()));
    }

    /**
     * The text as a JSON string, quotes included, everything outside ASCII as {@code \\uXXXX} escapes: a lone surrogate
     * has no UTF-8 to send, so it can only travel escaped.
     */
    static String json(String text) {
        try {
            return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
