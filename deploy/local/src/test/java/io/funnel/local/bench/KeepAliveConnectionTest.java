package io.funnel.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveConnectionTest {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] received = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("{\"got\":" + new String(received, StandardCharsets.UTF_8) + ",\"key\":\""
                    + exchange.getRequestHeaders().getFirst("X-Api-Key") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(422, 0);
            exchange.getResponseBody().write("first part, ".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.getResponseBody().write("second part".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.createContext("/closing", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(201, 2);
            exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsOnOneConnectionAndReadsFixedAndChunkedBodies() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(base(), 2_000)) {
            for (int i = 0; i < 5; i++) {
                KeepAliveConnection.Response answer = connection.post("/fixed", "X-Api-Key: k1\r\n", "[" + i + "]");
                assertThat(answer.status()).isEqualTo(201);
                assertThat(answer.body()).isEqualTo("{\"got\":[" + i + "],\"key\":\"k1\"}");
            }
            KeepAliveConnection.Response chunked = connection.post("/chunked", "", "{}");
            assertThat(chunked.status()).isEqualTo(422);
            assertThat(chunked.body()).isEqualTo("first part, second part");
            assertThat(connection.post("/fixed", "", "1").body()).startsWith("{\"got\":1,");
        }
        assertThat(clientPorts).as("every request on the same connection").hasSize(1);
    }

    @Test
    void opensANewConnectionWhenTheServerClosedTheLastOne() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(base(), 2_000)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.post("/closing", "", "{}").status()).isEqualTo(201);
            }
        }
        assertThat(clientPorts).as("a connection per request").hasSize(3);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
