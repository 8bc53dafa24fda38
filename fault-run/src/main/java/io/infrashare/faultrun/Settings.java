package io.infrashare.faultrun;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long the run lasts and how hard it hits.
 *
 * @param duration  how long clients send commands while processes are killed; the check comes after
 * @param pause     the pause between two kills, after the previous process has recovered
 * @param downtime  the longest a killed process stays down; each time a random part of it
 * @param clients   client threads sending commands, spread over two organizations
 * @param pace      each client's pause between two commands, so that the load is steady rather than flat out
 * @param seed      for the order of kills and the pauses, so that a failing run can be repeated
 * @param directory where the processes keep their data and logs; emptied at the start
 * @param root      the repository, whose modules' runnable jars are started
 * @param only      the one process to kill, or {@code null} for all of them in turn
 */
record Settings(Duration duration, Duration pause, Duration downtime, int clients, Duration pace, long seed,
                Path directory, Path root, String only) {

    static final Duration DEFAULT_DURATION = Duration.ofMinutes(5);

    Settings {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive: " + duration);
        }
        if (clients < 2) {
            throw new IllegalArgumentException("--clients must be at least 2, one per organization: " + clients);
        }
        directory = directory.toAbsolutePath().normalize();
        root = root.toAbsolutePath().normalize();
    }

    static Settings defaults(Path root, Path directory) {
        return new Settings(DEFAULT_DURATION, Duration.ofSeconds(5), Duration.ofSeconds(5), 4,
                Duration.ofMillis(50), System.currentTimeMillis(), directory, root, null);
    }

    static Settings parse(String[] args, Path root) {
        Settings settings = defaults(root, root.resolve("data/fault-run"));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            Settings s = settings;
            settings = switch (option) {
                case "--duration" -> s.withDuration(duration(value));
                case "--pause" -> new Settings(s.duration, duration(value), s.downtime, s.clients, s.pace, s.seed,
                        s.directory, s.root, s.only);
                case "--downtime" -> new Settings(s.duration, s.pause, duration(value), s.clients, s.pace, s.seed,
                        s.directory, s.root, s.only);
                case "--clients" -> new Settings(s.duration, s.pause, s.downtime, Integer.parseInt(value), s.pace,
                        s.seed, s.directory, s.root, s.only);
                case "--pace" -> new Settings(s.duration, s.pause, s.downtime, s.clients, duration(value), s.seed,
                        s.directory, s.root, s.only);
                case "--seed" -> new Settings(s.duration, s.pause, s.downtime, s.clients, s.pace,
                        Long.parseLong(value), s.directory, s.root, s.only);
                case "--dir" -> new Settings(s.duration, s.pause, s.downtime, s.clients, s.pace, s.seed,
                        Path.of(value), s.root, s.only);
                case "--only" -> new Settings(s.duration, s.pause, s.downtime, s.clients, s.pace, s.seed,
                        s.directory, s.root, value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            };
        }
        return settings;
    }

    Settings withDuration(Duration duration) {
        return new Settings(duration, pause, downtime, clients, pace, seed, directory, root, only);
    }

    /** {@code 90s}, {@code 5m}, {@code 50ms} or an ISO-8601 duration such as {@code PT2M}. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase();
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase());
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (try 90s, 5m or PT2M)");
        };
    }

    /** The newest {@code <module>/target/<module>-*-exec.jar}. */
    Path jar(String module) {
        return Jars.runnable(root, module);
    }
}
