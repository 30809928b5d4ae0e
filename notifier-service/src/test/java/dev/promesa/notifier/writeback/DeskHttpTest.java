package dev.promesa.notifier.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.config.SourcesConfig.WriteBack.Desk;

/** How a desk's answers are sorted: written, worth retrying (and whether the whole desk waits), or refused for good. */
class DeskHttpTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final DeskHttp http = new DeskHttp(mapper, Duration.ofSeconds(2));
    private final Map<Integer, RecordingDesk.Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final RecordingDesk desk = new RecordingDesk("Token token=t") {
        @Override
        protected Answer answer(Request request) {
            return answers.get(Integer.parseInt(request.path().substring(1)));
        }

        @Override
        protected Answer unauthorized() {
            return Answer.json(401, Map.of("error", "Authentication required"));
        }
    };
    private final DeskAccount account = new DeskAccount("acme", Desk.ZAMMAD, URI.create(desk.baseUrl()),
            "Token token=t");

    @AfterEach
    void close() {
        desk.close();
    }

    private DeskCallFailure failure(int status, RecordingDesk.Answer answer) {
        answers.put(status, answer);
        try {
            http.send(account, "POST", "/" + status, Map.of("a", 1));
        } catch (DeskCallFailure f) {
            return f;
        }
        throw new AssertionError("expected a failure for " + status);
    }

    @Test
    void aSuccessIsTheAnswersJsonAndSendsTheHeaders() throws DeskCallFailure {
        answers.put(201, RecordingDesk.Answer.json(201, Map.of("id", 104)));
        assertThat(http.send(account, "POST", "/201", Map.of("a", 1)).path("id").asInt()).isEqualTo(104);
        RecordingDesk.Request request = desk.received().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Token token=t");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aTwoHundredWithoutReadableBodyStillCountsAsWritten() throws DeskCallFailure {
        answers.put(200, new RecordingDesk.Answer(200, "<html>ok</html>", Map.of()));
        assertThat(http.send(account, "POST", "/200", Map.of()).isMissingNode()).isTrue();
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAndPauseTheDesk() {
        DeskCallFailure limited = failure(429, RecordingDesk.Answer.json(429, Map.of("error", "TooManyRequests"))
                .withHeader("Retry-After", "7"));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.wholeDesk()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(limited.getMessage()).isEqualTo("POST /429 answered 429: {\"error\":\"TooManyRequests\"}");

        DeskCallFailure down = failure(502, new RecordingDesk.Answer(502, null, Map.of()));
        assertThat(down.retryable()).isTrue();
        assertThat(down.wholeDesk()).isTrue();
    }

    @Test
    void aConflictIsRetriedForThatNoteOnly() {
        DeskCallFailure conflict = failure(409, RecordingDesk.Answer.json(409, Map.of("error", "conflict")));
        assertThat(conflict.retryable()).isTrue();
        assertThat(conflict.wholeDesk()).isFalse();
    }

    @Test
    void refusalsAndRedirectsAreNotRetried() {
        DeskCallFailure forbidden = failure(403, RecordingDesk.Answer.json(403, Map.of("error", "Forbidden",
                "requester", "lucia@example.com")));
        assertThat(forbidden.retryable()).isFalse();
        assertThat(forbidden.getMessage()).as("addresses in the answer are masked").contains("l***@example.com");

        DeskCallFailure moved = failure(301, new RecordingDesk.Answer(301, null,
                Map.of("Location", "https://acme.zendesk.com/")));
        assertThat(moved.retryable()).isFalse();
        assertThat(moved.getMessage()).contains("a redirect to https://acme.zendesk.com/");
        assertThat(desk.received()).hasSize(2);
    }

    @Test
    void noConnectionIsRetriedAndNamesTheCall() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DeskAccount nowhere = new DeskAccount("acme", Desk.JIRA, URI.create("http://127.0.0.1:" + port), "Basic x");
        assertThatThrownBy(() -> http.send(nowhere, "POST", "/rest/servicedeskapi/request/A-1/comment", Map.of()))
                .isInstanceOfSatisfying(DeskCallFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.wholeDesk()).isTrue();
                    assertThat(f.getMessage()).startsWith("POST /rest/servicedeskapi/request/A-1/comment: ");
                });
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(DeskHttp.retryAfter("120")).contains(Duration.ofMinutes(2));
        assertThat(DeskHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(DeskHttp.retryAfter("soon")).isEmpty();
        assertThat(DeskHttp.retryAfter("-3")).isEmpty();
    }

    @Test
    void freshdeskNotesAreEscapedHtml() {
        assertThat(FreshdeskApi.html("a <b> & \"c\" 'd'\r\nnext")).isEqualTo(
                "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;<br>next");
    }

    @Test
    void ticketIdsThatAreNotNumbersAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> DeskApi.numericId(Desk.ZENDESK, "T-1")).isInstanceOfSatisfying(
                DeskCallFailure.class, f -> {
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.getMessage()).startsWith("Zendesk ticket ids are numbers; 'T-1' is not one");
                });
        assertThat(JiraApi.path("IT SD/1")).isEqualTo("/rest/servicedeskapi/request/IT%20SD%2F1/comment");
    }
}
