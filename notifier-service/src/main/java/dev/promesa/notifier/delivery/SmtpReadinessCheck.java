package dev.promesa.notifier.delivery;

import dev.promesa.config.NotifierConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * Ready only if the SMTP server answers: TCP connect plus its {@code 220} greeting within
 * {@code promesa.delivery.smtp-check-timeout}, then a polite QUIT. With the mailer mocked there is nothing to check.
 */
@Readiness
@ApplicationScoped
public class SmtpReadinessCheck implements HealthCheck {

    private final String host;
    private final int port;
    private final boolean mock;
    private final int timeoutMillis;

    SmtpReadinessCheck(@ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25") int port,
            @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock,
            NotifierConfig config) {
        this.host = host;
        this.port = port;
        this.mock = mock;
        this.timeoutMillis = (int) config.delivery().smtpCheckTimeout().toMillis();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("SMTP server").withData("address", host + ":" + port);
        if (mock) {
            return response.up().withData("mode", "mock (quarkus.mailer.mock=true)").build();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = reader.readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (greeting == null || !greeting.startsWith("220")) {
                return response.down().withData("error", "unexpected greeting: " + greeting).build();
            }
            return response.up().build();
        } catch (IOException e) {
            return response.down().withData("error", e.toString()).build();
        }
    }
}
