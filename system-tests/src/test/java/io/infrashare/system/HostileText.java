package io.infrashare.system;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strings a client may send, from every plane of Unicode and its corners (controls, lone surrogates, bidirectional
 * controls, joiners, combining marks, lengths around each limit), and what docs/http-api.md ("Limits" and "Text the
 * service keeps") says becomes of each: kept as given, refused, or either where "characters" may be counted in
 * UTF-16 units or in code points.
 */
final class HostileText {

    enum Fate {
        KEPT, EITHER, REFUSED;

        Fate and(Fate other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * What a piece of text is, which decides what it may hold.
     *
     * @param bidiRefused  bidirectional embedding, override and isolate characters are refused (names and keys)
     * @param linesAllowed tab, line feed and carriage return are allowed (reasons)
     * @param notBlank     a blank text is refused
     * @param min          the fewest characters
     * @param max          the most characters
     */
    record Kind(boolean bidiRefused, boolean linesAllowed, boolean notBlank, int min, int max) {
    }

    static final Kind NAME = new Kind(true, false, true, 1, 200);
    /** An owner team: a name the contract does not list among those that refuse bidirectional controls. */
    static final Kind TEAM = new Kind(false, false, true, 1, 200);
    static final Kind LABEL_KEY = NAME;
    static final Kind LABEL_VALUE = new Kind(false, false, false, 0, 200);
    static final Kind ATTRIBUTE_KEY = new Kind(true, false, false, 1, 100);
    static final Kind ATTRIBUTE_VALUE = new Kind(false, false, false, 0, 1000);
    static final Kind REASON = new Kind(false, true, false, 0, 1000);

    private static final List<String> SECRET_WORDS =
            List.of("password", "passwd", "secret", "token", "key", "apikey", "credentials");

    private HostileText() {
    }

    /** Whether the text breaks the character rule, whatever its length: always refused, with the field named. */
    static boolean unkeepable(String text, Kind kind) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            } else if ((c <= 0x1F || (c >= 0x7F && c <= 0x9F))
                    && !(kind.linesAllowed() && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            } else if (kind.bidiRefused() && ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))) {
                return true;
            }
        }
        return false;
    }

    static Fate fate(String text, Kind kind) {
        if (unkeepable(text, kind)) {
            return Fate.REFUSED;
        }
        int units = text.length();
        int codePoints = text.codePointCount(0, text.length());
        Fate fate = Fate.KEPT;
        if (codePoints > kind.max() || units < kind.min()) {
            fate = Fate.REFUSED;
        } else if (units > kind.max() || codePoints < kind.min()) {
            fate = Fate.EITHER;
        }
        if (kind.notBlank() && text.trim().isEmpty()) {
            fate = Fate.REFUSED;
        } else if (text.isBlank() && (kind.notBlank() || kind == ATTRIBUTE_KEY)) {
            // blank in Unicode's sense (an ideographic space), or an attribute key of spaces: the contract says
            // "not blank" without saying which blank, or nothing
            fate = fate.and(Fate.EITHER);
        }
        return fate;
    }

    /** An attribute key: also one that may read as naming a secret, which the contract refuses by its words. */
    static Fate attributeKeyFate(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        boolean secretLike = SECRET_WORDS.stream().anyMatch(lower::contains);
        return fate(key, ATTRIBUTE_KEY).and(secretLike ? Fate.EITHER : Fate.KEPT);
    }

    static Fate attributeValueFate(Object value) {
        return value instanceof String text ? fate(text, ATTRIBUTE_VALUE) : Fate.KEPT;
    }

    /** Random text of up to a dozen pieces, or now and then a text around {@code limit}, those first. */
    static Arbitrary<String> text(int limit, boolean lines) {
        return withEdgeCases(anyText(lines), boundaries(limit, lines));
    }

    /** Random text of up to a dozen pieces, with one edge case. */
    static Arbitrary<String> text(boolean lines, String edgeCase) {
        return withEdgeCases(anyText(lines), List.of(edgeCase));
    }

    private static Arbitrary<String> anyText(boolean lines) {
        return piece(lines).list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    /**
     * The arbitrary with these edge cases instead of its own, which also come up now and then among the random
     * values. A property's edge cases are the product of its parameters', so each property gives its main parameter
     * many and the others one or a few.
     */
    static <T> Arbitrary<T> withEdgeCases(Arbitrary<? extends T> arbitrary, List<? extends T> edgeCases) {
        List<Tuple.Tuple2<Integer, Arbitrary<T>>> choices = new ArrayList<>();
        edgeCases.forEach(edgeCase -> choices.add(Tuple.of(1, Arbitraries.just(edgeCase))));
        choices.add(Tuple.of(4 * edgeCases.size(), arbitrary.withoutEdgeCases().map(value -> (T) value)));
        return Arbitraries.frequencyOf(choices);
    }

    /** Attribute values: mostly text, sometimes a number or a boolean. */
    static Arbitrary<Object> attributeValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, text(1000, false)),
                Tuple.of(1, Arbitraries.integers()),
                Tuple.of(1, Arbitraries.of(true, false, 0.5, -1e300, 1e-300)));
    }

    /** Attributes, with edge cases at the limits of keys and values and with text that is easily trimmed. */
    static Arbitrary<Map<String, Object>> attributes() {
        String emoji = "\uD83D\uDE00";
        return withEdgeCases(Arbitraries.maps(text(100, false), attributeValue()).ofMaxSize(3), List.of(
                Map.of(),
                Map.of("k".repeat(100), "v".repeat(1000)),
                Map.of(emoji.repeat(100), emoji.repeat(1000), "\u3000", " padded\t"),
                Map.of("note", "v".repeat(1001), " ", "\u202E rtl"),
                Map.of("k".repeat(101), "x", "\u05E9\u05DC\u05D5\u05DD", 1e300)));
    }

    static Arbitrary<Map<String, String>> labels() {
        return withEdgeCases(Arbitraries.maps(text(200, false), text(200, false)).ofMaxSize(3), List.of(
                Map.of(),
                Map.of("k".repeat(200), "\uD83D\uDE00".repeat(100), " tier ", "\u202Estaging", "", "")));
    }

    private static Arbitrary<String> piece(boolean lines) {
        List<Tuple.Tuple2<Integer, Arbitrary<String>>> pieces = new ArrayList<>(List.of(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, Arbitraries.of("\"", "\\", "'", "\\u0000", "\\ud800", "%", "%41", "%zz", "%C3%BC", "+",
                        "</script>", "${jndi:x}", "{{x}}", "#{x}", "{0}", "&amp;", "; DROP TABLE x;--", "null",
                        "\u00e9", "e\u0301", "\u00df", "\u0130", "\u212b", "\ufb01", "\u2126")),
                Tuple.of(3, codePoints(0x10000, 0x10FFFF)),
                Tuple.of(3, codePoints(0xA0, 0xD7FF)),
                Tuple.of(1, codePoints(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.of("\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "\uD83C\uDDE9\uD83C\uDDEA", "\uD83D\uDC4D\uD83C\uDFFD", "\u2764\uFE0F", "\uD800\uDC00",
                        "\uDBFF\uDFFF", "\uDB40\uDC01", "\uD834\uDD1E", "\uD83F\uDFFE", "\uFFFE", "\uFFFF", "\uFFFD")),
                Tuple.of(1, codePoints(0x00, 0x1F)),
                Tuple.of(1, codePoints(0x7F, 0x9F)),
                Tuple.of(1, Arbitraries.chars().range('\uD800', '\uDFFF').map(c -> Character.toString(c))),
                Tuple.of(1, Arbitraries.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                        "\u2068", "\u2069", "\u200E", "\u200F", "\u061C")),
                Tuple.of(1, Arbitraries.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F")),
                Tuple.of(2, codePoints(0x300, 0x36F).map(mark -> "a" + mark + mark)),
                Tuple.of(1, Arbitraries.of("\u20DD", "\u0489", "\u1AB0", "\u0E31", "\u094D")),
                Tuple.of(2, Arbitraries.of("\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627",
                        "\u05D0 1 \u05D1 (2)", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629 abc \u0661\u0662")),
                Tuple.of(2, Arbitraries.of(" ", "  ", "\u00A0", "\u2003", "\u3000", "\u2028", "\u2029", "\u1680",
                        "\u205F", "\u180E", "\u0085"))));
        if (lines) {
            pieces.add(Tuple.of(3, Arbitraries.of("\t", "\n", "\r", "\r\n", "\n\n", "\t\t")));
        }
        return Arbitraries.frequencyOf(pieces);
    }

    private static Arbitrary<String> codePoints(int from, int to) {
        return Arbitraries.integers().between(from, to)
                .filter(codePoint -> codePoint > 0xFFFF || !Character.isSurrogate((char) (int) codePoint))
                .map(Character::toString);
    }

    /** Texts one below, at and one above {@code limit}, counted in UTF-16 units and in code points. */
    static List<String> boundaries(int limit, boolean lines) {
        String emoji = "\uD83D\uDE00";
        List<String> texts = new ArrayList<>(List.of("", " ", "\u3000", " padded ", "x",
                "x".repeat(limit - 1), "x".repeat(limit), "x".repeat(limit + 1),
                emoji.repeat(limit / 2), emoji.repeat(limit / 2 + 1),
                emoji.repeat(limit - 1), emoji.repeat(limit), emoji.repeat(limit + 1),
                "e\u0301".repeat(limit / 2), "\u05D0".repeat(limit), "\uD800".repeat(1) + "x".repeat(limit - 1)));
        if (lines) {
            texts.addAll(List.of("first line\nsecond line", "\ttabbed\r\n", "\n", "why:\t" + "y".repeat(limit - 5)));
        }
        return texts;
    }

    /**
     * JSON text whose lone surrogates are written as escapes ({@code \ud800}): Jackson writes a Java string's chars as
     * they are, and a lone surrogate has no UTF-8 to send. Outside strings JSON holds no surrogates, so every one found
     * is inside a string.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
