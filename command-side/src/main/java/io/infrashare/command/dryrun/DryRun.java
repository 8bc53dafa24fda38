package io.infrashare.command.dryrun;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Map;

/**
 * A write sent with {@code ?dryRun=true}: its command runs every check the real one runs and is rolled back before
 * anything is stored (see {@link DryRunUnitsOfWork}). {@link DryRunFilter} marks the request; the command it sends
 * carries the mark to the command bus as metadata.
 */
public final class DryRun {

    static final String PARAMETER = "dryRun";
    static final String MEDIA_TYPE = "application/vnd.infrashare.dry-run+json";
    private static final String REQUEST_ATTRIBUTE = DryRun.class.getName();
    private static final String METADATA = "infrashare.dry-run";

    private DryRun() {
    }

    /** Whether the request asks for a dry run, as {@link DryRunFilter} found. */
    public static boolean requested(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REQUEST_ATTRIBUTE));
    }

    /** The message that sends {@code command}: marked as a dry run when the request being served asks for one. */
    public static CommandMessage<?> asRequested(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean dryRun = request != null
                && Boolean.TRUE.equals(request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        return dryRun ? message.andMetaData(Map.of(METADATA, true)) : message;
    }

    static void mark(HttpServletRequest request) {
        request.setAttribute(REQUEST_ATTRIBUTE, Boolean.TRUE);
    }

    static boolean marked(CommandMessage<?> command) {
        return Boolean.TRUE.equals(command.getMetaData().get(METADATA));
    }
}
