package io.infrashare.command.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AttributesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Body(@Attributes Map<String, Object> attributes) {
    }

    private static Set<ConstraintViolation<Body>> check(Map<String, Object> attributes) {
        return VALIDATOR.validate(new Body(attributes));
    }

    record Patch(@Attributes(nullRemoves = true) Map<String, Object> attributes) {
    }

    @Test
    void stringsNumbersAndBooleansOfTheAllowedSizesAreAccepted() {
        assertThat(check(Map.of("region", "x".repeat(1000), "size", 3, "ratio", 0.5, "public", true))).isEmpty();
    }

    @Test
    void moreThanFiftyAttributesAreRefused() {
        Map<String, Object> many = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> many.put("a" + i, "x"));

        assertThat(check(many)).singleElement().satisfies(violation ->
                assertThat(violation.getMessage()).startsWith("must hold at most 50 attributes"));
    }

    @Test
    void nestedValuesLongStringsAndNumbersADoubleCannotHoldAreRefused() {
        for (Object value : List.of(Map.of("b", 1), List.of(1), "x".repeat(1001), Double.POSITIVE_INFINITY)) {
            assertThat(check(Map.of("a", value))).as(String.valueOf(value).substring(0, 1)).hasSize(1);
        }
    }

    @Test
    void aNullRemovesAnAttributeOnlyInAPatch() {
        Map<String, Object> removal = new HashMap<>();
        removal.put("old", null);

        assertThat(check(removal)).hasSize(1);
        assertThat(VALIDATOR.validate(new Patch(removal))).isEmpty();
    }
}
