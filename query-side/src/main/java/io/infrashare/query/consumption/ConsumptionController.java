package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.query.NotFound;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.support.Caller;
import io.infrashare.support.Problems;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

@RestController
class ConsumptionController {

    /** {@code <project>-<environment>}; the environment part may hold hyphens ({@code ecomm-pr-42}). */
    private static final Pattern ENVIRONMENT_ID = Pattern.compile("[a-z][a-z0-9]{0,19}-[a-z][a-z0-9-]{0,19}");

    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]{0,19}");

    private final ConsumptionQuery query;
    private final ResolutionQuery resolutions;

    ConsumptionController(ConsumptionQuery query, ResolutionQuery resolutions) {
        this.query = query;
        this.resolutions = resolutions;
    }

    @Operation(operationId = "getConsumption", tags = "consumption", summary = "What an environment consumes",
            description = "The resources the environment consumes: its default of each type and the resource of "
                    + "each remote reference, each with when and by whom it was set. A deleted environment is a "
                    + "404 saying when, in deletedAt; with at, as it was then, and an environment that did not "
                    + "exist yet then is a 404.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/environments/{environment}/consumption")
    ResponseEntity<ConsumptionView> consumption(@PathVariable String environment,
                                                @RequestParam(required = false) String at, Caller caller) {
        EnvironmentId id = environmentId(environment);
        return (at == null ? query.consumption(caller.organization(), id)
                : query.consumption(caller.organization(), id, PointInTime.parse(at)))
                .map(Positioned::toResponse)
                .orElseThrow(() -> notFound(environment));
    }

    @Operation(operationId = "getPackageResolution", tags = "consumption",
            summary = "What a package resolves to in an environment",
            description = "The resource the package stands for in the environment and where it comes from, the "
                    + "first of: provisioned there, a remote reference (rule 4: never both), the environment's "
                    + "default for the package's type, none. overrides lists what the winner hides, such as the "
                    + "default under a remote reference. A package the environment's project does not have is a "
                    + "404, and a deleted environment is a 404 saying when, in deletedAt; with at, as it was then.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/environments/{environment}/packages/{package}/resolution")
    ResponseEntity<ResolutionView> resolution(@PathVariable String environment,
                                              @PathVariable("package") String pkg,
                                              @RequestParam(required = false) String at, Caller caller) {
        EnvironmentId id = environmentId(environment);
        if (!PACKAGE.matcher(pkg).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(
                    "'" + pkg + "' is not a package name such as vpc.",
                    List.of(new Problems.FieldError("package", "is not a package name"))), null);
        }
        PackageId name = PackageId.of(pkg);
        return (at == null ? resolutions.resolution(caller.organization(), id, name)
                : resolutions.resolution(caller.organization(), id, name, PointInTime.parse(at)))
                .map(Positioned::toResponse)
                .orElseThrow(() -> notFound(environment));
    }

    private static EnvironmentId environmentId(String environment) {
        if (!ENVIRONMENT_ID.matcher(environment).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(
                    "'" + environment + "' is not an environment id such as si-staging.",
                    List.of(new Problems.FieldError("environment", "is not an environment id"))), null);
        }
        return EnvironmentId.of(environment);
    }

    private static NotFound notFound(String environment) {
        return new NotFound("There is no environment '" + environment + "'.");
    }
}
