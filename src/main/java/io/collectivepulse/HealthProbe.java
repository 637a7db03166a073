package io.collectivepulse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The container's health check, so that the image needs no curl (nor a shell):
 * {@code java -cp /app/collective-pulse.jar io.collectivepulse.HealthProbe} asks
 * {@code GET http://127.0.0.1:$PORT/health/live} ({@code PORT} defaults to 3000) and exits 0 on 200, 1 on anything
 * else: another status, a refused connection, or no answer within {@value #TIMEOUT_SECONDS} seconds. It uses the JDK
 * only and loads nothing of the service.
 */
public final class HealthProbe {
    static final int TIMEOUT_SECONDS = 3;
    static final String PATH = "/health/live";

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv("PORT");
        URI uri = URI.create("http://127.0.0.1:" + (port == null || port.isBlank() ? "3000" : port.strip()) + PATH);
        System.exit(isLive(uri) ? 0 : 1);
    }

    /** True when {@code uri} answers 200 within the timeout, connection included. */
    static boolean isLive(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build();
        try {
            // One deadline for the whole exchange: the client's two timeouts would otherwise add up.
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).statusCode() == 200;
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
