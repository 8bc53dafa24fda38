package io.infrashare.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A resource's attributes: at most 50, named like identifiers, each a string of at most 1,000 characters, a number a
 * double can hold, or a boolean. Nested objects are refused: attributes describe, they do not configure. Attributes
 * that hold or are named like a secret are refused before this is checked ({@link SecretsInBodies}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Attributes.Validator.class)
public @interface Attributes {

    String message() default "must hold at most 50 attributes, each a string, number or boolean "
            + "of at most 1000 characters";

    /** A merge patch removes an attribute with a null. */
    boolean nullRemoves() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Attributes, Map<String, Object>> {

        private boolean nullRemoves;

        @Override
        public void initialize(Attributes annotation) {
            nullRemoves = annotation.nullRemoves();
        }

        @Override
        public boolean isValid(Map<String, Object> attributes, ConstraintValidatorContext context) {
            if (attributes == null) {
                return true;
            }
            if (attributes.size() > ResourceLimits.MAX_ATTRIBUTES) {
                return false;
            }
            return attributes.entrySet().stream().allMatch(entry -> validKey(entry.getKey())
                    && (validValue(entry.getValue()) || (nullRemoves && entry.getValue() == null)));
        }

        private static boolean validKey(String key) {
            return !key.isBlank() && key.length() <= ResourceLimits.MAX_NAME_LENGTH;
        }

        private static boolean validValue(Object value) {
            // a number a double cannot hold (1e400) would be kept as "Infinity", no number at all
            return (value instanceof String text && text.length() <= ResourceLimits.MAX_VALUE_LENGTH)
                    || (value instanceof Number number && Double.isFinite(number.doubleValue()))
                    || value instanceof Boolean;
        }
    }
}
