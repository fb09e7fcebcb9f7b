package com.paylink.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run command's database: a real PostgreSQL from the binaries zonky publishes on Maven Central, started
 * by the build (exec:java, in Maven's own JVM) before WildFly, with its data kept in {@code .paylink-data/}
 * and stopped when Maven exits. Every commit is on disk before it is acknowledged (PostgreSQL's defaults:
 * fsync, synchronous_commit), so the demo loses nothing to a crash; prepared transactions are on for the
 * XA datasource (docs/adr/0007).
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** Arguments: the data directory and the port. */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        if (listening(port)) {
            // wildfly:run forks the package phase, so this runs twice in one build; or a run is still up
            System.out.println("[paylink] PostgreSQL already answers on port " + port + "; using it");
            return;
        }
        Files.createDirectories(data.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_prepared_transactions", "20")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping the embedded PostgreSQL: " + e);
            }
        }, "embedded-postgresql-stop"));
        System.out.println("[paylink] PostgreSQL " + port + " with its data in " + data + " (stops with this build)");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
