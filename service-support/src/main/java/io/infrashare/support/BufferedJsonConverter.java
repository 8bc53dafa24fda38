package io.infrashare.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.FastByteArrayOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.List;

/**
 * JSON answers are serialized in full before the status line and headers go out. Jackson writes to the response as
 * it goes, so a value that fails half way (a string holding an unpaired surrogate, a getter that throws) would leave a
 * 200 with half a body once the servlet buffer was flushed; serialized to bytes first, such a failure is an exception
 * before anything was sent, answered with a 500 problem, and a complete answer carries its Content-Length. Composed
 * around the Jackson converter Spring Boot configures, which does all the reading and the JSON itself.
 */
final class BufferedJsonConverter implements GenericHttpMessageConverter<Object> {

    private final MappingJackson2HttpMessageConverter jackson;

    BufferedJsonConverter(MappingJackson2HttpMessageConverter jackson) {
        this.jackson = jackson;
    }

    @Override
    public void write(Object value, Type type, MediaType contentType, HttpOutputMessage output)
            throws IOException, HttpMessageNotWritableException {
        Buffer buffer = new Buffer(output.getHeaders());
        jackson.write(value, type, contentType, buffer);
        send(buffer, output);
    }

    @Override
    public void write(Object value, MediaType contentType, HttpOutputMessage output)
            throws IOException, HttpMessageNotWritableException {
        Buffer buffer = new Buffer(output.getHeaders());
        jackson.write(value, contentType, buffer);
        send(buffer, output);
    }

    private static void send(Buffer buffer, HttpOutputMessage output) throws IOException {
        output.getHeaders().putAll(buffer.getHeaders());
        output.getHeaders().setContentLength(buffer.body.size());
        buffer.body.writeTo(output.getBody());
    }

    @Override
    public boolean canWrite(Type type, Class<?> valueClass, MediaType mediaType) {
        return jackson.canWrite(type, valueClass, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> valueClass, MediaType mediaType) {
        return jackson.canWrite(valueClass, mediaType);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return jackson.canRead(type, contextClass, mediaType);
    }

    @Override
    public boolean canRead(Class<?> valueClass, MediaType mediaType) {
        return jackson.canRead(valueClass, mediaType);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input)
            throws IOException, HttpMessageNotReadableException {
        return jackson.read(type, contextClass, input);
    }

    @Override
    public Object read(Class<?> valueClass, HttpInputMessage input)
            throws IOException, HttpMessageNotReadableException {
        return jackson.read(valueClass, input);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return jackson.getSupportedMediaTypes();
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> valueClass) {
        return jackson.getSupportedMediaTypes(valueClass);
    }

    /** The answer as Jackson writes it: headers of its own (copied on success only) and the body in memory. */
    private static final class Buffer implements HttpOutputMessage {

        private final HttpHeaders headers = new HttpHeaders();
        private final FastByteArrayOutputStream body = new FastByteArrayOutputStream();

        Buffer(HttpHeaders headers) {
            this.headers.putAll(headers);
        }

        @Override
        public OutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
