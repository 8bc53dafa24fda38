package io.infrashare.query;

import org.springframework.http.ResponseEntity;

/** A view and the position of its organization's history it reflects, sent as {@code X-Projection-Position}. */
public record Positioned<T>(long position, T view) {

    public static final String HEADER = "X-Projection-Position";

    public ResponseEntity<T> toResponse() {
        return ResponseEntity.ok().header(HEADER, Long.toString(position)).body(view);
    }
}
