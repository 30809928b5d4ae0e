package dev.promesa.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test's mailer at the test JVM's SMTP server, and makes it really send (not the test mock). */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        SmtpServer smtp = SmtpServer.shared();
        return Map.of(
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", String.valueOf(smtp.port()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED");
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM; stopped by a shutdown hook.
    }
}
