package io.infrashare.command.project;

/** Why a command was refused: the HTTP status and the stable problem type clients program against. */
public enum RefusalCode {
    INVALID(400, "invalid-request", "Invalid request"),
    NOT_FOUND(404, "not-found", "Not found"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    ALREADY_EXISTS(409, "already-exists", "Already exists"),
    NOT_SHARED(409, "not-shared", "Resource not shared"),
    SAME_PROJECT_RESOURCE(409, "same-project-resource", "Resource of the same project"),
    TYPE_MISMATCH(409, "type-mismatch", "Type mismatch"),
    TYPE_NOT_DEFAULTABLE(409, "type-not-defaultable", "Type not defaultable"),
    RESOURCE_DECOMMISSIONED(409, "resource-decommissioned", "Resource decommissioned"),
    SHARE_WITH_OWNER(409, "share-with-owner", "Share with the owning project"),
    PACKAGE_ALREADY_PROVISIONED(409, "package-already-provisioned", "Package already provisioned"),
    PACKAGE_IS_REMOTE_REFERENCE(409, "package-is-remote-reference", "Package is a remote reference"),
    SHARE_IN_USE(409, "share-in-use", "Share in use"),
    RESOURCE_IN_USE(409, "resource-in-use", "Resource in use"),
    ENVIRONMENT_RESOURCES_IN_USE(409, "environment-resources-in-use", "Environment's resources in use");

    private final int status;
    private final String type;
    private final String title;

    RefusalCode(int status, String type, String title) {
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
