package io.infrashare.command.web;

/** The sizes docs/http-api.md allows for a resource's attributes. */
public final class ResourceLimits {

    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_VALUE_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 100;

    private ResourceLimits() {
    }
}
