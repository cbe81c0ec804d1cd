package dev.tradefleet.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Development secrets, generated on first run and kept under {@code .fleet/secrets} (owner-only, git-ignored),
 * so that a second {@code ./fleet up} finds the same admin password and client secrets.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;

    Secrets(Path dir) {
        this.dir = dir;
    }

    String get(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            writePrivate(file, value + "\n");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
