package dev.tradefleet.embedded;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the binaries that {@code io.zonky.test.postgres} publishes on Maven
 * Central. PostgreSQL refuses to run as root, and CI machines run as root: in that case every server
 * command is run through {@code setpriv} as the unprivileged {@code nobody} user, which owns the data
 * directory. No Docker, no system package. The owner stops it ({@link #close()}): the server is a separate
 * process and outlives a JVM that forgets to.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String BINARIES_VERSION = "17.6.0";
    private static final int NOBODY = 65534;

    private final Path baseDir;
    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final boolean durable;
    /** Empty while connections over TCP are trusted (tests); the superuser's password once they are not. */
    private volatile String superuserPassword = "";
    /** For a new protected data directory: the superuser's password, set by initdb so it is never trusting. */
    private String initialPassword;
    private volatile boolean running;

    private EmbeddedPostgres(Path baseDir, int port, boolean durable) {
        this.baseDir = reachableByServer(baseDir.toAbsolutePath().normalize());
        this.dataDir = this.baseDir.resolve("data");
        this.binDir = binaries().resolve("bin");
        this.port = port;
        this.durable = durable;
    }

    /**
     * Starts a server whose files live under {@code baseDir}; an existing data directory is reused.
     *
     * @param durable false turns off fsync: for throw-away test databases only
     */
    public static EmbeddedPostgres start(Path baseDir, int port, boolean durable) {
        EmbeddedPostgres pg = new EmbeddedPostgres(baseDir, port, durable);
        pg.startServer();
        return pg;
    }

    /**
     * Starts a durable server that authenticates every TCP connection with a password (SCRAM-SHA-256), the
     * superuser's being {@code superuserPassword}: what {@code ./fleet up} runs, where each service gets a role of
     * its own (see {@link #ensureOwnedDatabase}). A data directory made earlier with trust is converted.
     */
    public static EmbeddedPostgres startProtected(Path baseDir, int port, String superuserPassword) {
        requirePlainSecret(superuserPassword);
        EmbeddedPostgres pg = new EmbeddedPostgres(baseDir, port, true);
        pg.initialPassword = superuserPassword;
        pg.startServer();
        if (!pg.requiresPasswords()) {
            // the trust set-up of an earlier run: give the superuser its password before passwords are required
            pg.execute("postgres", "ALTER ROLE " + USER + " PASSWORD '" + superuserPassword + "'");
        }
        pg.writeAuthentication();   // always today's rules, whatever an earlier run wrote
        pg.superuserPassword = superuserPassword;
        pg.execute("postgres", "SELECT pg_reload_conf()");
        return pg;
    }

    private static final String HBA_MARKER = "# written by tradefleet";

    private boolean requiresPasswords() {
        try {
            return Files.readString(dataDir.resolve("pg_hba.conf")).contains(HBA_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passwords over TCP; on the local socket only the operating-system user of the same name (nobody else). */
    private void writeAuthentication() {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            Files.writeString(hba, HBA_MARKER + """
                    : local socket by operating-system user name; everyone else with a password
                    local all all peer
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128      scram-sha-256
                    """);
            ownByServerUser(hba, "rw-------");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + hba, e);
        }
    }

    /**
     * Makes {@code database} belong to {@code role} (created, or given its password again): the role owns the
     * database and everything in its public schema, and no other role but the superuser may connect to it.
     */
    public void ensureOwnedDatabase(String database, String role, String password) {
        requirePlainName(database);
        requirePlainName(role);
        requirePlainSecret(password);
        execute("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                + role + " LOGIN; END IF; END $$");
        execute("postgres", "ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        createDatabase(database);
        execute("postgres", "ALTER DATABASE " + database + " OWNER TO " + role);
        execute("postgres", "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
        execute("postgres", "GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
        // tables (with their serial sequences and indexes) and functions an earlier run created as the superuser
        execute(database, "DO $$ DECLARE o record; BEGIN"
                + " FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '" + role + "'"
                + " LOOP EXECUTE format('ALTER %s public.%I OWNER TO " + role + "',"
                + " CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, o.relname);"
                + " END LOOP;"
                + " FOR o IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '" + role + "'"
                + " LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO " + role + "', o.f); END LOOP; END $$");
        execute(database, "ALTER SCHEMA public OWNER TO " + role);
    }

    private void execute(String database, String sql) {
        try (Connection c = connection(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused an administrative statement on " + database
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private Connection connection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, superuserPassword);
    }

    private static void requirePlainName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain name: " + name);
        }
    }

    /** Secrets are spliced into SQL text (ALTER ROLE takes no parameters): only a safe alphabet is allowed. */
    private static void requirePlainSecret(String secret) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("a database password is 16 to 128 letters, digits, _ or -");
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        requirePlainName(database);
        try (Connection c = connection("postgres");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private void startServer() {
        try {
            Files.createDirectories(baseDir);
            ownByServerUser(baseDir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialise();
            }
            List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-h", "127.0.0.1",
                    "-k", baseDir.toString(), "-c", "max_connections=300"));
            if (!durable) {
                options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-o", String.join(" ", options),
                    "-l", baseDir.resolve("postgres.log").toString(), "-w", "-t", "60", "start"), 90);
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL under " + baseDir, e);
        }
    }

    /** Creates the data directory: trusting for tests; for a protected server, with the password from the start. */
    private void initialise() throws IOException {
        List<String> initdb = new ArrayList<>(List.of(binDir.resolve("initdb").toString(), "-U", USER, "-D", dataDir.toString(),
                "-E", "UTF8", "--no-locale", "--no-instructions"));
        if (initialPassword == null) {
            initdb.addAll(List.of("-A", "trust"));
            run(initdb, 120);
            return;
        }
        Path passwordFile = baseDir.resolve("initdb-password");
        Files.writeString(passwordFile, initialPassword + "\n");
        try {
            ownByServerUser(passwordFile, "rw-------");
            initdb.addAll(List.of("--auth-host=scram-sha-256", "--auth-local=peer", "--pwfile=" + passwordFile));
            run(initdb, 120);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        writeAuthentication();
    }

    /** Starts the server again after {@link #close()}, on the same port with the same data: an outage ends. */
    public synchronized void restart() {
        if (!running) {
            startServer();
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
        } catch (RuntimeException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /**
     * When the server runs as {@code nobody}, every directory above its files must let {@code nobody} pass.
     * A checkout under {@code /root} does not: then those directories get the execute bit for others (pass
     * through, not list or read), said on stderr, and the data stays where it was asked to be.
     */
    private static Path reachableByServer(Path requested) {
        if (!isRoot()) {
            return requested;
        }
        for (Path p = requested.getParent(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    Set<PosixFilePermission> permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(p));
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, permissions);
                    System.err.println("PostgreSQL runs as nobody: let others pass through " + p + " (o+x) to reach " + requested);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL runs as nobody and cannot reach " + requested, e);
            }
        }
        return requested;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("pg-cmd", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = Files.readString(output);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void ownByServerUser(Path dir) throws IOException {
        ownByServerUser(dir, "rwx------");
    }

    /** Gives {@code path} to the user the server runs as (when that is not us), readable by it alone. */
    private static void ownByServerUser(Path path, String permissions) throws IOException {
        if (isRoot()) {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, lookup.lookupPrincipalByName(String.valueOf(NOBODY)));
            Files.setAttribute(path, "posix:group", lookup.lookupPrincipalByGroupName(String.valueOf(NOBODY)));
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    /**
     * Extracts the PostgreSQL binaries once per machine into a world-readable directory (the server may
     * run as another user than the one extracting them). Concurrent extractions race to a rename; the loser
     * discards its copy.
     */
    static synchronized Path binaries() {
        Path target = Path.of(System.getProperty("tradefleet.postgres.binaries",
                "/tmp/tradefleet-postgres-" + BINARIES_VERSION));
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        try {
            Path staging = Files.createTempDirectory(target.getParent(), "pg-extract");
            try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream(BINARIES_RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("PostgreSQL binaries " + BINARIES_RESOURCE + " are not on the classpath");
                }
                extract(new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw))), staging);
            }
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract PostgreSQL binaries to " + target, e);
        }
    }

    private static void extract(TarArchiveInputStream tar, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = into.resolve(entry.getName()).normalize();
            if (!path.startsWith(into)) {
                throw new IOException("archive entry escapes the target: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(path, permissions(entry.getMode()));
            }
        }
        try (var walk = Files.walk(into)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return perms;
    }
}
