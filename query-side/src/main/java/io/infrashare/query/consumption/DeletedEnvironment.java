package io.infrashare.query.consumption;

import io.infrashare.query.NotFound;
import io.infrashare.query.project.EnvironmentView;

/** An environment asked about from its deletion on: a 404 that says when and by whom, with {@code deletedAt}. */
final class DeletedEnvironment {

    private DeletedEnvironment() {
    }

    static NotFound notFound(EnvironmentView environment) {
        EnvironmentView.Deletion deletion = environment.deleted();
        NotFound notFound = new NotFound("Environment '" + environment.id() + "' was deleted at " + deletion.at()
                + " by " + deletion.by() + ".");
        notFound.getBody().setProperty("deletedAt", deletion.at());
        return notFound;
    }
}
