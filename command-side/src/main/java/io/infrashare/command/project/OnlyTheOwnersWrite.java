package io.infrashare.command.project;

/**
 * Rule 1 of docs/domain.md: only the owners write. The owning team (or an admin) changes a project and everything
 * it owns; only an admin configures resource types. Judged after the 404 checks, so that a caller learns nothing
 * of what it may not change before learning what exists.
 *
 * <p>Another organization's projects are out of reach before any rule: a project's aggregate id is built from the
 * caller's organization ({@link ProjectKey}).
 */
public final class OnlyTheOwnersWrite {

    private OnlyTheOwnersWrite() {
    }

    /** A member of the team, or an admin of the organization; never an auditor. */
    public static void requireActsFor(Requester requester, String team) {
        if (!requester.caller().actsFor(team)) {
            throw new CommandRefusedException(RefusalCode.FORBIDDEN,
                    requester.caller().name() + " is neither in team " + team + " nor an admin.");
        }
    }

    /** Organization-wide settings, such as which types may be defaults, are the admins'. */
    public static void requireAdmin(Requester requester, String what) {
        if (!requester.caller().isAdmin()) {
            throw new CommandRefusedException(RefusalCode.FORBIDDEN,
                    requester.caller().name() + " is not an admin; only admins " + what + ".");
        }
    }
}
