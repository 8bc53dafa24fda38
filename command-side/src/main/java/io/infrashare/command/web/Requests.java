package io.infrashare.command.web;

import io.infrashare.command.project.Requester;
import io.infrashare.support.Caller;
import io.infrashare.support.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;

/** Builds the {@link Requester} every command carries from the HTTP request. */
public final class Requests {

    public static final String REASON_HEADER = "X-Reason";

    private Requests() {
    }

    public static Requester requester(Caller caller, String reason, HttpServletRequest request) {
        String given = reason == null || reason.isBlank() ? null : reason.strip();
        return new Requester(caller, given, CorrelationIdFilter.of(request));
    }
}
