package dev.tradefleet.connector.venue.binancelike;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server whose connections go half-open: it acknowledges each request by its id, and then says nothing
 * more, not even a pong to a ping (what a connection whose far end is gone looks like from this end).
 */
final class SilentWebSocketServer implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();

    SilentWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    daemon(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "silent-websocket");
        thread.setDaemon(true);
        thread.start();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    int pings() {
        return pings.get();
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Matcher key = KEY.matcher(head(in));
            if (!key.find()) {
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                int length = in.readUnsignedByte() & 0x7f;
                long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
                byte[] mask = in.readNBytes(4);
                byte[] payload = in.readNBytes((int) size);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if (opcode == 0x9) {
                    pings.incrementAndGet();
                } else if (opcode == 0x8) {
                    return;
                } else if (opcode == 0x1) {
                    Matcher id = ID.matcher(new String(payload, StandardCharsets.UTF_8));
                    if (id.find()) {
                        byte[] ack = ("{\"result\":null,\"id\":" + id.group(1) + "}").getBytes(StandardCharsets.UTF_8);
                        out.write(new byte[]{(byte) 0x81, (byte) ack.length});
                        out.write(ack);
                        out.flush();
                    }
                }
            }
        } catch (Exception gone) {
            // the client let the connection go
        }
    }

    private static String head(DataInputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            read.write(in.readUnsignedByte());
        }
        return read.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
