package io.infrashare.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 64 * 1024;

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(DataSize.ofKilobytes(64), JSON);
    private final AtomicBoolean ran = new AtomicBoolean();

    /** A body of the given size; declared means it is sent with a Content-Length, else chunked. */
    private static MockHttpServletRequest post(int size, boolean declared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/projects") {
            @Override
            public long getContentLengthLong() {
                return declared ? size : -1;
            }
        };
        request.setContent(new byte[size]);
        return request;
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain readsTheBody = (wrapped, answer) -> {
            ran.set(true);
            try (InputStream body = wrapped.getInputStream()) {
                body.readAllBytes();
            }
            answer.getWriter().write("read");
        };
        filter.doFilter(request, response, readsTheBody);
        return response;
    }

    private static void assertPayloadTooLarge(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(problem.path("title").asText()).isEqualTo("Payload too large");
        assertThat(problem.path("detail").asText()).isEqualTo("The request body is larger than the limit of 64 KiB.");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingRuns() throws Exception {
        MockHttpServletResponse response = send(post(LIMIT + 1, true));

        assertPayloadTooLarge(response);
        assertThat(ran).isFalse();
    }

    @Test
    void aBodyWithoutLengthIsRefusedOnceItsReaderPassesTheLimit() throws Exception {
        MockHttpServletResponse response = send(post(LIMIT + 1, false));

        assertPayloadTooLarge(response);
        assertThat(response.getContentAsString()).doesNotContain("read");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws Exception {
        assertThat(send(post(LIMIT, true)).getContentAsString()).isEqualTo("read");
        assertThat(send(post(LIMIT, false)).getContentAsString()).isEqualTo("read");
    }

    @Test
    void readingOnAfterTheLimitKeepsFailing() throws Exception {
        int[] failures = {0};
        filter.doFilter(post(LIMIT + 10, false), new MockHttpServletResponse(), (wrapped, answer) -> {
            InputStream body = wrapped.getInputStream();
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    body.readAllBytes();
                } catch (PayloadTooLargeException e) {
                    failures[0]++;
                }
            }
        });

        assertThat(failures[0]).isEqualTo(2);
    }

    @Test
    void aLimitFoundAmongTheCausesIsRecognised() {
        IOException wrapped = new IOException("I/O error while reading input message",
                new PayloadTooLargeException(DataSize.ofKilobytes(64)));

        assertThat(PayloadTooLargeException.in(wrapped)).isPresent();
        assertThat(PayloadTooLargeException.in(new IOException("other"))).isEmpty();
    }
}
