package org.planledger.web.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests that are hostile at the level of HTTP itself, built around one request a service takes: bad paths,
 * query strings and encodings ({@code %2F}, {@code %00}, {@code %zz}, overlong UTF-8, backslashes, {@code []}),
 * oversized request lines and headers, control characters in headers, malformed request lines, odd methods,
 * {@code /error} itself. What each service must refuse as problem+json, never with a 5xx.
 */
public final class HostileRequests {

    /** One request: what it tries, and its bytes. */
    public record Hostile(String kind, byte[] bytes) {
    }

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final byte[] body;
    private final List<Hostile> requests = new ArrayList<>();

    private HostileRequests(String method, String path, Map<String, String> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    /**
     * The hostile variations of one request the service takes.
     *
     * @param path a path without a query string; variations replace its last segment or add to it
     */
    public static List<Hostile> around(String method, String path, Map<String, String> headers, byte[] body) {
        HostileRequests around = new HostileRequests(method, path, headers, body);
        around.paths();
        around.queries();
        around.headerFields();
        around.requestLines();
        around.methods();
        around.errorPage();
        return around.requests;
    }

    private void paths() {
        String parent = path.substring(0, path.lastIndexOf('/'));
        String last = path.substring(path.lastIndexOf('/') + 1);
        for (String segment : List.of("a%2Fb", "%2F", "%00", "a%00b", "%zz", "%", "%C0%A2", "%ED%A0%80", "%FF", "%C2%9B",
                "%EF%BF%BF", "a\\b", "%5C", "..", "%2e%2e", ".;", "..;", "a;b=c", "%252F", "a%20b", "%E2%80%AE", "~",
                "a%0Ab", "a%0D%0AX-Injected:%201", "{x}", "%7Bx%7D", "a|b", "a^b", "a`b", "a\"b", "a<b>", "\u00e9", "\u0001",
                "a\tb", "x".repeat(300), "%".repeat(3))) {
            add("path segment " + printable(segment), target(parent + "/" + segment), headers, body);
        }
        add("path //", target(parent + "//" + last), headers, body);
        add("path /./", target(parent + "/./" + last), headers, body);
        add("path /../", target(parent + "/x/../" + last), headers, body);
        add("path ending /", target(path + "/"), headers, body);
        add("path with ;jsessionid", target(path + ";jsessionid=1"), headers, body);
        add("path of 12 KB", target(parent + "/" + "a".repeat(12_000)), headers, body);
        add("path of 70 KB", target(parent + "/" + "a".repeat(70_000)), headers, body);
    }

    private void queries() {
        for (String query : List.of("%zz", "a=%zz", "a=%", "a=%0", "%00=1", "a=%00", "a=x%00y", "a=%C0%A2", "a=%ED%A0%80",
                "a=%FF%FE", "a=%C2%85", "a=%C2%9B", "a=%7F", "a=%EF%BF%BF", "a=%EF%B7%90", "a[]=1", "a%5B%5D=1", "a={}",
                "a=|", "a=\"", "a=<script>", "a=\\", "a=%5C", "a=1&a=2", "&&&", "=", "=1", "a", "a==", "a=%0D%0ASet-Cookie:%20x",
                "a=" + "x".repeat(6_000), "a=" + "%41".repeat(3_000), "a=\u00e9", "a=\u0001", "a=b c")) {
            add("query " + printable(query), target(path + "?" + query), headers, body);
        }
        add("query with 1,500 parameters", target(path + "?" + "p=1&".repeat(1_500)), headers, body);
        add("query of 70 KB", target(path + "?a=" + "x".repeat(70_000)), headers, body);
    }

    private void headerFields() {
        for (Map.Entry<String, String> header : List.of(
                Map.entry("X-Long", "a".repeat(20_000)),
                Map.entry("X-Control", "a\u0001b"),
                Map.entry("X-Nul", "a\u0000b"),
                Map.entry("X-Obs-Text", "caf\u00e9"),
                Map.entry("X-Bare-CR", "a\rb"),
                Map.entry("Bad Name", "1"),
                Map.entry("X-Empty", ""),
                Map.entry("Accept", ";;;"),
                Map.entry("Accept", "application/xml"),
                Map.entry("Accept", "application/yaml"),
                Map.entry("Accept", "text/html;q=nonsense"),
                Map.entry("Accept", "*/*;q=0"),
                Map.entry("Accept-Charset", "nonsense"),
                Map.entry("Accept-Encoding", "x".repeat(2_000)),
                Map.entry("Accept-Language", "\u00e9\u00e9;q=2"),
                Map.entry("Authorization", "Basic !!!"),
                Map.entry("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes())),
                Map.entry("Authorization", "Bearer x.y.z"),
                Map.entry("Authorization", "Negotiate " + "A".repeat(4_000)),
                Map.entry("Cookie", "=;;=; a"),
                Map.entry("Range", "bytes=abc"),
                Map.entry("If-None-Match", "\u0001"),
                Map.entry("X-Correlation-Id", "<script>alert(1)</script>"),
                Map.entry("X-Forwarded-For", "' OR 1=1 --"),
                Map.entry("Content-Type", "*/*"),
                Map.entry("Content-Type", "application/*"),
                Map.entry("Content-Type", ";;;"),
                Map.entry("Content-Type", "application/json; charset=nonsense"),
                Map.entry("Content-Type", "application/json; charset=UTF-16"),
                Map.entry("Transfer-Encoding", "gzip"),
                Map.entry("Expect", "nonsense"))) {
            Map<String, String> with = new LinkedHashMap<>(headers);
            with.put(header.getKey(), header.getValue());
            add("header " + printable(header.getKey() + ": " + header.getValue()), target(path), with, body);
        }
        Map<String, String> many = new LinkedHashMap<>(headers);
        for (int i = 0; i < 200; i++) {
            many.put("X-Many-" + i, "v".repeat(100));
        }
        add("200 headers", target(path), many, body);
        raw("Content-Length not a number", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: abc\r\n" + lines(headers) + "\r\n");
        raw("Content-Length negative", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: -1\r\n" + lines(headers) + "\r\n");
        raw("two Content-Lengths", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 2\r\nContent-Length: 3\r\n" + lines(headers) + "\r\n{}");
        raw("Content-Length and chunked", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n" + lines(headers) + "\r\n2\r\n{}\r\n0\r\n\r\n");
        raw("malformed chunk", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n" + lines(headers) + "\r\nzz\r\n{}\r\n0\r\n\r\n");
        raw("no Host", method + " " + path + " HTTP/1.1\r\nConnection: close\r\n" + lines(headers) + "\r\n");
        raw("two Hosts", method + " " + path + " HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n" + lines(headers) + "\r\n");
        raw("Host with a space", method + " " + path + " HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n" + lines(headers) + "\r\n");
        raw("header line without a colon", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "NoColonHere\r\n" + lines(headers) + "\r\n");
        raw("obsolete folded header", method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Folded: a\r\n b\r\n" + lines(headers) + "\r\n");
    }

    private void requestLines() {
        raw("not HTTP", "GARBAGE\r\n\r\n");
        raw("method only", "GET\r\n\r\n");
        raw("binary", "\u0000\u0001\u0002\u00ff\r\n\r\n");
        raw("HTTP/9.9", method + " " + path + " HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        raw("HTTP/2.0 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        raw("extra word in the request line", method + " " + path + " HTTP/1.1 extra\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        raw("space in the target", method + " " + path + " x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        raw("absolute target", method + " http://evil.example" + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + lines(headers) + "\r\n");
        raw("asterisk target", "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        raw("lower-case method", method.toLowerCase() + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + lines(headers) + "\r\n");
        raw("method of 300 letters", "G".repeat(300) + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        raw("LF only", method + " " + path + " HTTP/1.1\nHost: localhost\nConnection: close\n\n");
    }

    private void methods() {
        for (String other : List.of("TRACE", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD", "GET", "POST", "CONNECT",
                "PROPFIND", "FOO", "M-SEARCH")) {
            if (!other.equals(method)) {
                add("method " + other, target(path), headers, other.equals("POST") || other.equals("PUT")
                        || other.equals("PATCH") ? "{}".getBytes(StandardCharsets.UTF_8) : null, other);
            }
        }
    }

    private void errorPage() {
        add("GET /error", "/error", headers, null, "GET");
        add("POST /error", "/error", headers, "{}".getBytes(StandardCharsets.UTF_8), "POST");
        add("DELETE /error", "/error", headers, null, "DELETE");
        add("GET /error/x", "/error/x", headers, null, "GET");
        add("GET /error?%zz", "/error?%zz", headers, null, "GET");
        add("GET /error with a status asked for", "/error?jakarta.servlet.error.status_code=500", headers, null, "GET");
    }

    private void add(String kind, String target, Map<String, String> with, byte[] content) {
        add(kind, target, with, content, method);
    }

    private void add(String kind, String target, Map<String, String> with, byte[] content, String verb) {
        requests.add(new Hostile(kind, RawHttp.request(verb, target, with, content)));
    }

    private void raw(String kind, String request) {
        requests.add(new Hostile(kind, request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The target as bytes would carry it: characters above U+00FF sent as their UTF-8 bytes. */
    private static String target(String target) {
        return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String lines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.toString();
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> shown.append(c < 0x20 || c == 0x7F ? String.format("\\x%02x", c)
                : new String(Character.toChars(c))));
        return text.length() > 40 ? shown + "… (" + text.length() + " characters)" : shown.toString();
    }
}
