package org.planledger.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot do: send from a loopback address of the test's own
 * (127.0.0.0/8 is all this machine, so each is a client address of its own to the service), and send any Host header.
 */
public final class RawHttp {

    /** Each test run's addresses start somewhere else in 127.16.0.0/12, so runs sharing a service do not meet. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() & 0x7ffff) << 4);

    private RawHttp() {
    }

    /** A loopback address no other call in this JVM has been given. */
    public static String freshAddress() {
        int n;
        do {
            n = NEXT.incrementAndGet() & 0xfffff;
        } while ((n & 0xff) == 0 || (n & 0xff) == 255);
        return "127." + (16 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** A request from {@code from} to the service on {@code port} at 127.0.0.1; Host is localhost:port unless given. */
    public static Answer send(String from, int port, String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "localhost:" + port);
        all.putAll(headers);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return Answer.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer: status, headers by name in any case, and the body as text (de-chunked). */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        /** Whether the answer is problem+json, as every refusal of the API must be. */
        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json") && body.contains("\"type\"")
                    && body.contains("\"title\"") && body.contains("\"status\":" + status) && body.contains("\"detail\"");
        }

        static Answer parse(byte[] raw) throws IOException {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", List.of("")).get(0))) {
                body = dechunk(new ByteArrayInputStream(body));
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                    size.append((char) c);
                }
                int length = Integer.parseInt(size.toString().trim().split(";")[0], 16);
                if (length == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(length));
                in.skipNBytes(2);
            }
        }
    }
}
