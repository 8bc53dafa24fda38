package io.infrashare.query.ingest;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.ClassUtils;

import java.util.Locale;

/**
 * Why the read models did not apply an event, as its audit entry says: a category, the read model that failed when it
 * is known, and a message of this side's own words. Nothing is taken from the failure's message, which may quote the
 * event's or another organization's data.
 *
 * @param category  {@code constraint-violated}, {@code database-refused} or {@code read-model-failed}
 * @param readModel the failing read model ({@code resource}, {@code consumption}...), null if not known
 */
public record NotApplied(String category, String readModel, String message) {

    static NotApplied of(Throwable failure) {
        String readModel = null;
        Category category = Category.READ_MODEL_FAILED;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadModelFailed failed && readModel == null) {
                readModel = failed.readModel();
            } else if (cause instanceof DataIntegrityViolationException) {
                category = Category.CONSTRAINT_VIOLATED;
            } else if (cause instanceof DataAccessException && category == Category.READ_MODEL_FAILED) {
                category = Category.DATABASE_REFUSED;
            }
        }
        String subject = readModel == null ? "The read models" : "The " + readModel + " read model";
        return new NotApplied(category.name, readModel, subject + " could not apply the event: " + category.why + ".");
    }

    /** {@code ResourceReadModel} is {@code resource}, {@code ConsumptionReadModel} is {@code consumption}. */
    static String nameOf(Projection projection) {
        String name = ClassUtils.getUserClass(projection).getSimpleName().replaceFirst("ReadModel$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private enum Category {
        CONSTRAINT_VIOLATED("constraint-violated", "a constraint of its tables refused it"),
        DATABASE_REFUSED("database-refused", "the database refused its statements"),
        READ_MODEL_FAILED("read-model-failed", "it failed unexpectedly");

        private final String name;
        private final String why;

        Category(String name, String why) {
            this.name = name;
            this.why = why;
        }
    }
}
