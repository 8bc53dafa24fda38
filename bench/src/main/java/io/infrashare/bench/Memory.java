package io.infrashare.bench;

import io.infrashare.faultrun.Member;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's peak resident set size, as the kernel counts it ({@code VmHWM} in {@code /proc/<pid>/status}). */
final class Memory {

    private Memory() {
    }

    /** The peak RSS in MiB, or -1 where the process is gone or the kernel does not tell. */
    static long peakRssMib(Member member) {
        return member.pid().stream().map(pid -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1L;
            }
            return -1L;
        }).findFirst().orElse(-1L);
    }
}
