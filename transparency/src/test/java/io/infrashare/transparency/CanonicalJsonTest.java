package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785's own examples: the input of section 3.2.2 and its canonical form of section 3.2.3 ({@code values.json}),
 * the other inputs and outputs of the test data of the RFC's reference implementation, and the number serialization
 * samples of Appendix B.
 */
class CanonicalJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"values", "arrays", "french", "structures", "unicode", "weird"})
    void writesTheCanonicalFormOfTheReferenceTestData(String name) throws IOException {
        String input = new String(resource("rfc8785/input/" + name + ".json"), StandardCharsets.UTF_8);

        assertThat(CanonicalJson.canonicalize(input)).isEqualTo(resource("rfc8785/output/" + name + ".json"));
    }

    @Test
    void writesTheSameBytesWhateverTheMemberOrderAndSpacing() throws IOException {
        var json = new ObjectMapper();

        assertThat(CanonicalJson.canonicalize(json.readTree("{ \"b\" : [1.0, \"x\"], \"a\": {\"d\":null,\"c\":true} }")))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"a\":{\"c\":true,\"d\":null},\"b\":[1,\"x\"]}");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "0000000000000000,0",
            "8000000000000000,0",
            "0000000000000001,5e-324",
            "8000000000000001,-5e-324",
            "7fefffffffffffff,1.7976931348623157e+308",
            "ffefffffffffffff,-1.7976931348623157e+308",
            "4340000000000000,9007199254740992",
            "c340000000000000,-9007199254740992",
            "4430000000000000,295147905179352830000",
            "44b52d02c7e14af5,9.999999999999997e+22",
            "44b52d02c7e14af6,1e+23",
            "44b52d02c7e14af7,1.0000000000000001e+23",
            "444b1ae4d6e2ef4e,999999999999999700000",
            "444b1ae4d6e2ef4f,999999999999999900000",
            "444b1ae4d6e2ef50,1e+21",
            "3eb0c6f7a0b5ed8c,9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d,0.000001",
            "41b3de4355555553,333333333.3333332",
            "41b3de4355555554,333333333.33333325",
            "41b3de4355555555,333333333.3333333",
            "41b3de4355555556,333333333.3333334",
            "41b3de4355555557,333333333.33333343",
            "becbf647612f3696,-0.0000033333333333333333",
            "43143ff3c1cb0959,1424953923781206.2"})
    void writesNumbersAsAppendixBOfTheRfc(String ieee754, String expected) throws IOException {
        double number = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThat(NumberToJSON.serializeNumber(number)).isEqualTo(expected);
        assertThat(CanonicalJson.canonicalize("[" + expected + "]")).asString(StandardCharsets.UTF_8)
                .isEqualTo("[" + expected + "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000"})
    void refusesNaNAndInfinityAsAppendixBOfTheRfc(String ieee754) {
        double number = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThatThrownBy(() -> NumberToJSON.serializeNumber(number)).isInstanceOf(IOException.class);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
