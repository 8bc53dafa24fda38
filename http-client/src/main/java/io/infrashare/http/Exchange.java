package io.infrashare.http;

import java.util.Map;

/**
 * One request an {@link Api} sent and what it was answered, as the observer given to {@link Api#observedBy} sees it.
 *
 * @param path    the path as sent, with its query string, such as {@code /audit?limit=2}
 * @param headers the request's headers as sent
 * @param body    the JSON body sent, or null for none (or for a raw body, which may not be text)
 */
public record Exchange(String method, String path, Map<String, String> headers, String body, Answer answer) {
}
