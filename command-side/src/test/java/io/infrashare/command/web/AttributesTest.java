package io.infrashare.command.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AttributesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Body(@Attributes Map<String, Object> attributes) {
    }

    private static Set<ConstraintViolation<Body>> check(Map<String, Object> attributes) {
        return VALIDATOR.validate(new Body(attributes));
    }

    @Test
    void attributesNamedLikeSecretsAreRefusedSayingWhy() {
        for (String name : new String[]{"password", "dbPassword", "api_key", "apiKey", "client-secret",
                "AUTH_TOKEN", "credentials"}) {
            Set<ConstraintViolation<Body>> violations = check(Map.of(name, "hunter2"));

            assertThat(violations).as(name).singleElement().satisfies(violation -> assertThat(violation.getMessage())
                    .startsWith("attribute '" + name + "' looks like a secret")
                    .contains("secret manager"));
        }
    }

    @Test
    void namesThatMerelyContainTheLettersAreAccepted() {
        assertThat(check(Map.of("keyspace", "orders", "monkey", "yes", "tokenizer", "icu", "region", "eu")))
                .isEmpty();
    }

    @Test
    void aNameThatLooksLikeAMessageTemplateIsQuotedAsItIs() {
        Set<ConstraintViolation<Body>> violations = check(Map.of("{jakarta.validation.constraints.NotNull.message}"
                + "${1+1}_token", "x"));

        assertThat(violations).singleElement().satisfies(violation -> assertThat(violation.getMessage())
                .startsWith("attribute '{jakarta.validation.constraints.NotNull.message}${1+1}_token'"));
    }
}
