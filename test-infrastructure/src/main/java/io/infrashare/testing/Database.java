package io.infrashare.testing;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.stream.Stream;

/** A database of its own on the JVM's PostgreSQL server, and how to reach it. */
public record Database(String url, String user, String password) {

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The command-line arguments that point a Spring Boot application at it, followed by the given ones. */
    public String[] springArguments(String... more) {
        return Stream.concat(Stream.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password), Stream.of(more)).toArray(String[]::new);
    }
}
