package io.infrashare.faultrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The modules' runnable jars, as the build leaves them. */
public final class Jars {

    private Jars() {
    }

    /** The newest {@code <module>/target/<module>-*-exec.jar} under {@code root}. */
    public static Path runnable(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().startsWith(module + "-")
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .max((a, b) -> a.toFile().lastModified() < b.toFile().lastModified() ? -1 : 1)
                    .orElseThrow(() -> new IllegalStateException(
                            target + " holds no " + module + "-*-exec.jar: build first (./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + target, e);
        }
    }
}
