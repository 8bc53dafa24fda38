package io.infrashare.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A {@code Content-Type} names the one media type of the body: a wildcard ({@code *}{@code /*},
 * {@code application/*}) or a value that is no media type at all is a 415 problem before anything reads the body,
 * where Spring would fail with an error of its own.
 */
class ContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !names(contentType)) {
            Problems.write(response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Content-Type must name one media type, such as application/json, "
                            + "not a wildcard or a malformed value."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean names(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
