package io.infrashare.query;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The ids a query names in its path or parameters, read once for every controller: malformed, they are a 400. */
public final class Identifiers {

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9]{0,19}");
    /** The canonical form only: {@link UUID#fromString} also takes abbreviated groups such as {@code 1-2-3-4-5}. */
    private static final Pattern RESOURCE_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Identifiers() {
    }

    /** The project id given as {@code field}. */
    public static ProjectId project(String value, String field) {
        if (!PROJECT_ID.matcher(value).matches()) {
            throw invalid(field, "is not a project id", "'" + value + "' is not a project id such as si.");
        }
        return ProjectId.of(value);
    }

    /** The resource id given as {@code field}. */
    public static ResourceId resource(String value, String field) {
        if (!RESOURCE_ID.matcher(value).matches()) {
            throw invalid(field, "is not a resource id", "'" + value + "' is not a resource id, which is a UUID.");
        }
        return ResourceId.of(UUID.fromString(value));
    }

    /** A 400 problem naming the parameter and what is wrong with it. */
    public static ErrorResponseException invalid(String parameter, String message, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.invalid(detail, List.of(new Problems.FieldError(parameter, message))), null);
    }
}
