package io.infrashare.localpostgres;

import java.io.IOException;
import java.util.List;

/** A program of the PostgreSQL binaries that failed, with its last lines of output, which tell why. */
public final class PostgresFailure extends IOException {

    private final List<String> lastLines;

    PostgresFailure(String message, List<String> lastLines) {
        super(message);
        this.lastLines = List.copyOf(lastLines);
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
