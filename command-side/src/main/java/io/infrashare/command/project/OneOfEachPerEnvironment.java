package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;

/**
 * Rule 4 of docs/domain.md: an environment has at most one default per type and one remote reference per package,
 * and a package is either provisioned in an environment or a remote reference there, never both.
 *
 * <p>The project keeps an environment's defaults by type and its references by package, so there cannot be two;
 * a new one replaces the old one in a single event that names it ({@link #replaced}).
 */
final class OneOfEachPerEnvironment {

    private OneOfEachPerEnvironment() {
    }

    /** A package is provisioned once per environment, and not where it is a remote reference. */
    static void requireProvisionable(Project.Environment environment, EnvironmentId id, PackageId pkg) {
        if (environment.provisioned().containsKey(pkg)) {
            throw new CommandRefusedException(RefusalCode.PACKAGE_ALREADY_PROVISIONED, "Package " + pkg
                    + " is already provisioned in " + id + ".");
        }
        if (environment.references().containsKey(pkg)) {
            throw new CommandRefusedException(RefusalCode.PACKAGE_IS_REMOTE_REFERENCE, "Package " + pkg
                    + " is a remote reference in " + id + "; remove the reference first.");
        }
    }

    /** A package provisioned in an environment is not also a remote reference there. */
    static void requireReferenceable(Project.Environment environment, EnvironmentId id, PackageId pkg) {
        if (environment.provisioned().containsKey(pkg)) {
            throw new CommandRefusedException(RefusalCode.PACKAGE_ALREADY_PROVISIONED, "Package " + pkg
                    + " is provisioned in " + id + "; it cannot also be a remote reference there.");
        }
    }

    /** The default a new default for the type replaces, which its event names; {@code null} if none. */
    static ResourceId replaced(Project.Environment environment, ResourceType type) {
        return environment.defaults().get(type);
    }

    /** The reference a new reference on the package replaces, which its event names; {@code null} if none. */
    static ResourceId replaced(Project.Environment environment, PackageId pkg) {
        return environment.references().get(pkg);
    }
}
