package io.infrashare.command.web;

/** The shapes of names and ids that docs/http-api.md fixes, for validation annotations. */
public final class Names {

    /** Project and environment abbreviations, package names. */
    public static final String ABBREVIATION = "^[a-z][a-z0-9]{0,19}$";
    public static final String ABBREVIATION_MESSAGE = "must match " + ABBREVIATION;
    public static final String ENVIRONMENT_ID = "^[a-z][a-z0-9]{0,19}-[a-z][a-z0-9]{0,19}$";
    public static final String ENVIRONMENT_ID_MESSAGE = "must be <project>-<environment>, e.g. si-staging";
    /** Bundles and resource types. */
    public static final String TYPE = "^[a-z][a-z0-9-]{1,62}$";
    public static final String TYPE_MESSAGE = "must match " + TYPE;
    public static final int MAX_NAME = 200;
    /** A name holds something but white space, in Unicode's sense (U+3000 as much as a space). */
    public static final String NOT_BLANK = "(?s).*[^\\p{javaWhitespace}\\p{Z}].*";
    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    private Names() {
    }
}
