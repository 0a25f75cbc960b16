package org.planledger.query.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the command service behind the web pages' forms: it records every request the query service sends
 * it and answers as the test tells it to. Test classes extending {@link FormsGoToIt} send their forms to the one stand-in
 * and share one test context.
 */
final class CommandServiceStandIn {

    static final CommandServiceStandIn SHARED = new CommandServiceStandIn();

    /** The query service with its forms sent to the shared stand-in. */
    abstract static class FormsGoToIt {
        @DynamicPropertySource
        static void commandServiceUrl(DynamicPropertyRegistry registry) {
            registry.add("plan-ledger.command-service.url", SHARED::url);
        }
    }

    /** What the query service sent. */
    record Sent(String path, String authorization, String idempotencyKey, String ifMatch, String body) {
    }

    interface Answer {
        void to(HttpExchange exchange) throws IOException;
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile Answer answer = exchange -> respond(exchange, 503, "application/problem+json",
            "{\"title\":\"Stand-in\",\"status\":503,\"detail\":\"no answer was set\"}");
    private final HttpServer server;

    private CommandServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            sent.add(new Sent(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("If-Match"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            answer.to(exchange);
        });
        server.start();
    }

    /** Its address, for {@code plan-ledger.command-service.url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
