package io.infrashare.query.log;

import java.util.List;

/** The organization's checkpoints, oldest first: by size, then by time. */
record CheckpointsView(List<CheckpointView> checkpoints) {
}
