package io.infrashare.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Spring test context gets a new, empty PostgreSQL database of its own ({@code spring.datasource.*}), from
 * {@link TestInfrastructure}. Test classes whose contexts are otherwise the same share the context and its database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithPostgres {
}
