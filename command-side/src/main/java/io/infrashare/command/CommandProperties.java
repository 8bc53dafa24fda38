package io.infrashare.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retries    how often a command that lost a race to another is run again before the client gets a 409
 * @param retryPause the pause before the first retry; it doubles with each, and a random part of it is waited
 * @param cachedProjects how many projects stay in memory between commands, the least recently used leaving first
 * @param timeout    the longest a command's transaction may run: one still running at its commit is rolled back,
 *                   and so is any single statement running longer; the event store's publication waits four times as
 *                   long for a transaction that took an earlier position (see {@link EventStoreTimeouts})
 * @param snapshotThreshold after how many events read or recorded since a project was loaded its state is stored
 *                          as a snapshot, so that loading it reads the snapshot and at most about that many events;
 *                          0 takes no snapshots
 * @param concurrency how many commands run at once on a node, the others waiting their turn for as long as a command
 *                    may run; 0 is twice the processors the node has
 */
@ConfigurationProperties("infrashare.commands")
public record CommandProperties(@DefaultValue("3") int retries, @DefaultValue("20ms") Duration retryPause,
                                @DefaultValue("1000") int cachedProjects, @DefaultValue("15s") Duration timeout,
                                @DefaultValue("500") int snapshotThreshold, @DefaultValue("0") int concurrency) {

    /** The commands that run at once: as configured, or twice the processors. */
    public int concurrentCommands() {
        return concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    }
}
