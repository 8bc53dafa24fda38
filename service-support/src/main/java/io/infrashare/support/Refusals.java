package io.infrashare.support;

import org.springframework.http.HttpStatus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an operation answers, for its OpenAPI document: each becomes an {@code application/problem+json}
 * response of the shared {@code Problem} schema ({@link ProblemDocumentation}). The 401, 403 and 500 that every
 * operation may answer need not be listed, nor the refusals the command side adds to every write; a 403 is listed
 * where the operation's own rule of who may do it applies.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {

    HttpStatus[] value();
}
