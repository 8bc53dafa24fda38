package io.infrashare.transparency;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code verify --log export.ndjson --checkpoints checkpoints.json --keys keys.json [--organization acme]
 * [--from n]}: checks a log export against its checkpoints and keys, from files only. Prints {@code OK: ...} and
 * exits 0, or one {@code FAIL: ...} line per finding and exits 1; a wrong command line or a file that cannot be
 * read as its format exits 2.
 */
public final class VerifyCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: verify --log <export.ndjson> --checkpoints <checkpoints.json>"
            + " --keys <keys.json> [--organization <name>] [--from <first log index of the export, default 0>]";
    private static final Set<String> OPTIONS = Set.of("--log", "--checkpoints", "--keys", "--organization", "--from");
    private static final List<String> REQUIRED = List.of("--log", "--checkpoints", "--keys");

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        long from;
        try {
            options = options(args);
            from = Long.parseLong(options.getOrDefault("--from", "0"));
            if (from < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return usage(err, "--from is a log index, 0 or more");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }

        List<NoteVerifier> keys;
        List<PublishedCheckpoint> checkpoints;
        try {
            keys = PublishedKeys.parse(read(options.get("--keys")));
        } catch (PublishedKeys.RefusedKeysException e) {
            out.println("FAIL: the key file is refused: " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException | IOException e) {
            return usage(err, "cannot read the keys " + options.get("--keys") + ": " + reason(e));
        }
        try {
            checkpoints = PublishedCheckpoint.parseAll(read(options.get("--checkpoints")));
        } catch (IllegalArgumentException | IOException e) {
            return usage(err, "cannot read the checkpoints " + options.get("--checkpoints") + ": " + reason(e));
        }

        LogVerifier verifier = new LogVerifier(keys, checkpoints, Optional.ofNullable(options.get("--organization")),
                from);
        VerificationReport report;
        try (InputStream export = new BufferedInputStream(Files.newInputStream(Path.of(options.get("--log"))))) {
            report = verifier.verify(export);
        } catch (IOException e) {
            return usage(err, "cannot read the export " + options.get("--log") + ": " + reason(e));
        }
        if (report.ok()) {
            out.println("OK: " + report.summary());
            return OK;
        }
        report.findings().forEach(finding -> out.println("FAIL: " + finding.message()));
        return FAILED;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (options.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " is given twice");
            }
        }
        for (String option : REQUIRED) {
            if (!options.containsKey(option)) {
                throw new IllegalArgumentException(option + " is missing");
            }
        }
        return options;
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(Path.of(file));
    }

    private static String reason(Exception e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("verify: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
