package io.infrashare.support;

import io.infrashare.support.StoredText.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTextTest {

    @Test
    void controlCharactersAreRefusedEverywhereButTabsAndLineBreaksInReasons() {
        assertThat(StoredText.problem("x\u0000y", Kind.NAME)).hasValue("holds the control character U+0000");
        assertThat(StoredText.problem("a\u0085b", Kind.TEXT)).hasValue("holds the control character U+0085");
        assertThat(StoredText.problem("a\u007Fb", Kind.REASON)).hasValue("holds the control character U+007F");
        assertThat(StoredText.problem("a\tb", Kind.TEXT)).hasValue("holds the control character U+0009");
        assertThat(StoredText.problem("first line\nsecond\r\n\tindented", Kind.REASON)).isEmpty();
        assertThat(StoredText.problem("a\u0000b", Kind.REASON)).hasValue("holds the control character U+0000");
    }

    @Test
    void unpairedSurrogatesAreRefusedAndPairsKept() {
        assertThat(StoredText.problem("bad \uD800 name", Kind.TEXT)).hasValue("holds an unpaired surrogate (U+D800)");
        assertThat(StoredText.problem("\uDC00 first", Kind.REASON)).hasValue("holds an unpaired surrogate (U+DC00)");
        assertThat(StoredText.problem("last \uD83D", Kind.NAME)).hasValue("holds an unpaired surrogate (U+D83D)");
        assertThat(StoredText.problem("rocket \uD83D\uDE80", Kind.NAME)).isEmpty();
    }

    @Test
    void bidirectionalControlsAreRefusedInNamesOnly() {
        assertThat(StoredText.problem("invoice\u202Etxt.exe", Kind.NAME))
                .hasValue("holds the bidirectional control character U+202E");
        assertThat(StoredText.problem("a\u2066b", Kind.NAME)).hasValue("holds the bidirectional control character U+2066");
        assertThat(StoredText.problem("a\u202Eb", Kind.TEXT)).isEmpty();
        assertThat(StoredText.problem("a\u202Eb", Kind.REASON)).isEmpty();
        // the marks that only hint a direction are ordinary text
        assertThat(StoredText.problem("a\u200Fb", Kind.NAME)).isEmpty();
    }

    @Test
    void ordinaryTextOfAnyScriptIsKept() {
        assertThat(StoredText.problem("Zürich ✓ שלום 東京 ", Kind.NAME)).isEmpty();
        assertThat(StoredText.problem("", Kind.NAME)).isEmpty();
    }
}
