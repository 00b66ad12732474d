package org.interlay.router.baresip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Drives one baresip through its ctrl_tcp module: commands and events are JSON objects in netstrings
 * ({@code 12:{"a":"b"},}). Events (CALL_RINGING, CALL_ESTABLISHED, CALL_CLOSED, REGISTER_OK, ...)
 * are kept in order for the test to wait on. Only the few JSON fields a test reads are picked out.
 */
final class BaresipControl implements AutoCloseable {
    /** One event baresip reported: its type, the peer's URI and its parameter. */
    record Event(String type, String peer, String param, String raw) {}

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;

    private BaresipControl(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        this.reader = new Thread(() -> read(in), "baresip-ctrl");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to a ctrl_tcp port, trying until {@code limit} passes (baresip takes a moment to listen). */
    static BaresipControl connect(InetSocketAddress at, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Socket s = new Socket();
                s.connect(at, 1000);
                return new BaresipControl(s);
            } catch (IOException e) {
                last = e;
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new IOException("baresip's control port " + at + " did not open within " + limit, last);
    }

    void command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"t\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
        }
    }

    /** The next event matching {@code wanted} within {@code limit}; the events before it are passed over. */
    Event await(Predicate<Event> wanted, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) throw new AssertionError("baresip: no " + what + " within " + limit + "; events seen: " + seenTypes());
            if (wanted.test(e)) return e;
        }
    }

    /** The next event within {@code limit}, or null. */
    Event poll(Duration limit) throws InterruptedException {
        return events.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    Event await(String type, Duration limit) throws InterruptedException {
        return await(e -> e.type().equals(type), limit, type);
    }

    /** The next {@code type} event of the call under way; fails at once if the call closes first. */
    Event awaitInCall(String type, Duration limit) throws InterruptedException {
        Event e = await(x -> x.type().equals(type) || x.type().equals("CALL_CLOSED"), limit, type);
        if (!e.type().equals(type)) throw new AssertionError("baresip: the call closed (" + e.param() + ") before " + type);
        return e;
    }

    private synchronized List<String> seenTypes() {
        return seen.stream().map(e -> e.type() + (e.param().isEmpty() ? "" : "(" + e.param() + ")")).toList();
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) return;
                    if (c < '0' || c > '9') throw new IOException("not a netstring length: " + (char) c);
                    length = length * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(length);
                if (in.read() != ',') throw new IOException("netstring without its comma");
                String json = new String(body, StandardCharsets.UTF_8);
                if (json.contains("\"event\":true")) {
                    Event e = new Event(field(json, "type"), field(json, "peeruri"), field(json, "param"), json);
                    synchronized (this) {
                        seen.add(e);
                    }
                    events.add(e);
                }
            }
        } catch (IOException e) {
            // baresip quit: no more events
        }
    }

    /** The string value of {@code name} in a flat JSON object, empty when absent. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) return "";
        StringBuilder value = new StringBuilder();
        for (int i = at + key.length(); i < json.length(); i++) {
            char ch = json.charAt(i);
            if (ch == '\\' && i + 1 < json.length()) {
                value.append(json.charAt(++i));
            } else if (ch == '"') {
                break;
            } else {
                value.append(ch);
            }
        }
        return value.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
