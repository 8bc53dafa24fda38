package io.infrashare.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request body over the limit with a 413 problem, and nothing else happens. A declared
 * {@code Content-Length} over the limit is refused before anything is read; a body without one (chunked) is read
 * through a stream that fails once the limit is passed, whoever reads it. Runs after authentication, so an unknown
 * caller is told 401 first, as docs/http-api.md orders them.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;
    private final ObjectMapper json;

    RequestSizeLimitFilter(DataSize limit, ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            Problems.write(response, json, PayloadTooLargeException.problem(limit));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // Controllers' bodies are answered by RequestProblemHandler; this catches readers outside Spring MVC.
            PayloadTooLargeException tooLarge = PayloadTooLargeException.in(failure).orElse(null);
            if (tooLarge == null || response.isCommitted()) {
                throw failure;
            }
            response.resetBuffer();
            Problems.write(response, json, tooLarge.problem());
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private LimitedInputStream input;

        LimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new LimitedInputStream(super.getInputStream(), limit);
            }
            return input;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final DataSize limit;
        private long read;

        LimitedInputStream(ServletInputStream body, DataSize limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            checkLimit();
            int next = body.read();
            if (next != -1) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkLimit();
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws PayloadTooLargeException {
            read += bytes;
            checkLimit();
        }

        /** Every read after the limit was passed fails too, so a reader cannot take a truncated body for the whole. */
        private void checkLimit() throws PayloadTooLargeException {
            if (read > limit.toBytes()) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
