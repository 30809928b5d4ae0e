package dev.promesa.notifier.writeback;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One recording stand-in per desk, and four test sources whose write-back points at them: {@code wb-zammad},
 * {@code wb-zendesk}, {@code wb-jira} (English notes), {@code wb-freshdesk}. Declared in TestInfrastructure, so every
 * Quarkus test of the module shares one start. The credentials are test values; the expected {@code Authorization}
 * headers are written out here as each vendor documents them, not derived from the code under test.
 */
public class DeskServers implements QuarkusTestResourceLifecycleManager {
    static final String ZAMMAD = "wb-zammad";
    static final String ZENDESK = "wb-zendesk";
    static final String JIRA = "wb-jira";
    static final String FRESHDESK = "wb-freshdesk";
    static final String EMAIL = "promesa@acme.example";

    /** "Token token=<access token>" */
    static final String ZAMMAD_AUTHORIZATION = "Token token=zammad-test-token";
    /** Basic base64("promesa@acme.example/token:zendesk-test-token") */
    static final String ZENDESK_AUTHORIZATION = "Basic cHJvbWVzYUBhY21lLmV4YW1wbGUvdG9rZW46emVuZGVzay10ZXN0LXRva2Vu";
    /** Basic base64("promesa@acme.example:jira-test-token") */
    static final String JIRA_AUTHORIZATION = "Basic cHJvbWVzYUBhY21lLmV4YW1wbGU6amlyYS10ZXN0LXRva2Vu";
    /** Basic base64("freshdesk-test-key:X") */
    static final String FRESHDESK_AUTHORIZATION = "Basic ZnJlc2hkZXNrLXRlc3Qta2V5Olg=";

    private static FakeZammad zammad;
    private static FakeZendesk zendesk;
    private static FakeJira jira;
    private static FakeFreshdesk freshdesk;

    static FakeZammad zammad() {
        return zammad;
    }

    static FakeZendesk zendesk() {
        return zendesk;
    }

    static FakeJira jira() {
        return jira;
    }

    static FakeFreshdesk freshdesk() {
        return freshdesk;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (zammad == null) {
            zammad = new FakeZammad("zammad-test-token");
            zendesk = new FakeZendesk(ZENDESK_AUTHORIZATION);
            jira = new FakeJira(JIRA_AUTHORIZATION);
            freshdesk = new FakeFreshdesk(FRESHDESK_AUTHORIZATION);
        }
        Map<String, String> config = new HashMap<>();
        source(config, ZAMMAD, "zammad", zammad.baseUrl(), "zammad-test-token", null);
        source(config, ZENDESK, "zendesk", zendesk.baseUrl() + "/", "zendesk-test-token", EMAIL);
        source(config, JIRA, "jira", jira.baseUrl(), "jira-test-token", EMAIL);
        source(config, FRESHDESK, "freshdesk", freshdesk.baseUrl(), "freshdesk-test-key", null);
        config.put("promesa.sources." + JIRA + ".default-locale", "en");
        return config;
    }

    private static void source(Map<String, String> config, String source, String desk, String baseUrl, String token,
            String email) {
        String prefix = "promesa.sources." + source + ".write-back.";
        config.put(prefix + "desk", desk);
        config.put(prefix + "base-url", baseUrl);
        config.put(prefix + "api-token", token);
        if (email != null) {
            config.put(prefix + "email", email);
        }
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM, like the broker and the SMTP server; the JVM's end stops them.
    }
}
