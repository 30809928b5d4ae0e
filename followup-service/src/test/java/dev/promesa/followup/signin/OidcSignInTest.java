package dev.promesa.followup.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.smallrye.jwt.build.Jwt;

import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.web.BoardRequest;
import dev.promesa.followup.web.Pages;

/**
 * Signing in to the board through an identity provider, as a browser does it: the board sends the browser to the
 * provider, the provider's login sends it back with a code, quarkus-oidc exchanges the code for an ID token, and the
 * board opens its own session for a person the source knows. The provider is quarkus-test-oidc-server's WireMock
 * (TestInfrastructure, the test profile's {@code quarkus.oidc.*}); each test adds a login and an ID token of its own
 * account to it. Requests go through java.net.http with a cookie store, redirects followed one by one.
 */
@QuarkusTest
class OidcSignInTest {

    private static final String SOURCE = HelpdeskEvents.SOURCE;
    /** The test provider's issuer (OidcWiremockTestResource) and the test profile's client id. */
    private static final String ISSUER = "https://server.example.com";
    private static final String CLIENT_ID = "promesa-board";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @OidcWireMock
    WireMockServer provider;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    People people;

    @Inject
    Sessions sessions;

    @Test
    void aKnownAgentSignsInThroughTheProviderAndGetsABoardSession() throws Exception {
        String email = "olga." + UUID.randomUUID() + "@example.com";
        assignTicketTo(email);
        String login = account(email, Map.of("email_verified", true));
        Browser browser = new Browser();
        String back = "/board/" + SOURCE + "/ticket/T-42?tab=timeline";

        HttpResponse<String> done = browser.signIn(login, back);

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith(back);
        String setCookie = setCookie(done, Pages.SESSION_COOKIE).orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/board", "Max-Age=43200")
                .as("not over plain HTTP").doesNotContain("Secure");
        String cookie = browser.cookie(Pages.SESSION_COOKIE).orElseThrow();
        assertThat(sessionRows(email)).containsExactly(List.of(Secrets.hash(cookie), SOURCE, "OIDC"));
        assertThat(sessions.viewer(new BoardRequest(SOURCE, cookie, null, null))).get()
                .satisfies(viewer -> assertThat(viewer.email()).isEqualTo(email));
        assertThat(browser.cookie("q_session")).as("quarkus-oidc's own session is gone once ours exists").isEmpty();
        assertThat(browser.cookieNames()).as("nor does the round trip's state linger")
                .noneMatch(name -> name.startsWith("q_auth"));
    }

    @Test
    void aBackPathOutsideTheBoardIsNotFollowed() throws Exception {
        String email = "pablo." + UUID.randomUUID() + "@example.com";
        assignTicketTo(email);
        String login = account(email, Map.of());

        HttpResponse<String> done = new Browser().signIn(login, "https://elsewhere.example.com/board/" + SOURCE + "/");

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).get().asString()
                .as("a back path outside the board is never followed").endsWith("/board/" + SOURCE + "/mine");
        assertThat(setCookie(done, Pages.SESSION_COOKIE)).isPresent();
    }

    @Test
    void anAccountTheSourceDoesNotKnowGets403AndNoSession() throws Exception {
        String email = "stranger." + UUID.randomUUID() + "@example.com";
        String login = account(email, Map.of("email_verified", true));

        HttpResponse<String> refused = new Browser().signIn(login, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue(Pages.CONTENT_SECURITY_POLICY);
        assertThat(refused.body()).contains("lang=\"es\"", "No podemos abrirle el tablero",
                "La cuenta " + email + " no figura en " + SOURCE, "Pida a su responsable de equipo",
                "href=\"/board/" + SOURCE + "/sign-in\"");
        assertThat(setCookie(refused, Pages.SESSION_COOKIE)).isEmpty();
        assertThat(sessionRows(email)).isEmpty();
    }

    @Test
    void theRefusalSpeaksTheBrowsersLanguage() throws Exception {
        String email = "stranger." + UUID.randomUUID() + "@example.com";
        String login = account(email, Map.of());
        Browser browser = new Browser();
        browser.acceptLanguage = "en-GB,en;q=0.8";

        HttpResponse<String> refused = browser.signIn(login, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("lang=\"en\"", "We cannot open the board for you",
                "The account " + email + " is not known to " + SOURCE, "Ask your team lead");
    }

    @Test
    void anAddressTheProviderHasNotVerifiedOpensNothing() throws Exception {
        String email = "unverified." + UUID.randomUUID() + "@example.com";
        assignTicketTo(email);
        String login = account(email, Map.of("email_verified", false));

        HttpResponse<String> refused = new Browser().signIn(login, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("no ha verificado la dirección " + email);
        assertThat(setCookie(refused, Pages.SESSION_COOKIE)).isEmpty();
        assertThat(sessionRows(email)).isEmpty();
    }

    @Test
    void anIdTokenWithoutAnAddressOpensNothing() throws Exception {
        String login = account(null, Map.of());

        HttpResponse<String> refused = new Browser().signIn(login, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("no nos ha enviado ninguna dirección de correo");
        assertThat(setCookie(refused, Pages.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void theApiStillWantsItsKeyFromSomeoneSignedInWithTheProvider() throws Exception {
        String email = "rosa." + UUID.randomUUID() + "@example.com";
        assignTicketTo(email);
        String login = account(email, Map.of());
        Browser browser = new Browser();
        browser.signIn(login, null);
        String boardCookie = browser.cookie(Pages.SESSION_COOKIE).orElseThrow();
        String providerSession = browser.seen.get("q_session");
        assertThat(providerSession).as("quarkus-oidc's session cookie, seen on the way").isNotNull();

        HttpResponse<String> answer = browser.http.send(HttpRequest.newBuilder(base.toURI().resolve("/api/v1/policies"))
                .header("Cookie", "q_session=" + providerSession + "; " + Pages.SESSION_COOKIE + "=" + boardCookie)
                .header("Authorization", "Bearer " + idToken(email, Map.of())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("X-Api-Key header is missing");
    }

    @Test
    void healthStaysOpenWithTheProviderOn() throws Exception {
        HttpResponse<String> health = new Browser().get(base.toURI().resolve("/q/health/live"));

        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** A ticket of the test source assigned to {@code email}, so the source knows them; waits until it does. */
    private void assignTicketTo(String email) {
        String ticketId = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(new TicketSnapshot(HelpdeskEvents.newEventId(), ticketId, Instant.now(),
                "No puedo entrar en la intranet", Priority.P3, TicketStatus.OPEN, Channel.EMAIL,
                HelpdeskEvents.REQUESTER, new Person("a-" + ticketId, "Agente de prueba", email, "es-ES", null),
                HelpdeskEvents.TEAM, null));
        await().atMost(PATIENCE).until(() -> people.find(SOURCE, email).isPresent());
    }

    /**
     * An account of the test provider: its login (the user name the returned value is) answers with a code of its
     * own, which the token endpoint exchanges for an ID token with this e-mail address (none when null) and claims.
     */
    private String account(String email, Map<String, Object> claims) {
        String login = "user-" + UUID.randomUUID();
        String code = "code-" + login;
        provider.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(login))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location",
                                "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template")));
        provider.stubFor(post(urlEqualTo("/auth/realms/quarkus/token")).withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"opaque-" + login + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":300,\"id_token\":\"" + idToken(email, claims) + "\"}")));
        return login;
    }

    private static String idToken(String email, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        if (email != null) {
            all.put("email", email);
        }
        return Jwt.claims(all).issuer(ISSUER).audience(CLIENT_ID).subject("sub-" + UUID.randomUUID())
                .expiresIn(Duration.ofMinutes(5)).jws().keyId("1").sign("privateKey.jwk");
    }

    /** id_hash, source and signed_in_by of the address's board sessions. */
    private List<List<String>> sessionRows(String email) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id_hash, source, signed_in_by from board_session where email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(List.of(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        }
        return rows;
    }

    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    /** A browser, near enough: it keeps cookies, and follows each redirect only when a test step says so. */
    private final class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        /** Every cookie value any response set, by name (also those removed since). */
        final Map<String, String> seen = new HashMap<>();
        String acceptLanguage;

        /**
         * From the board's OIDC path through the provider's login back to the board; returns the board's answer once
         * quarkus-oidc is done (a 303 with our session, or a refusal).
         */
        HttpResponse<String> signIn(String login, String back) throws Exception {
            URI start = base.toURI().resolve("/board/" + SOURCE + "/oidc"
                    + (back == null ? "" : "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
            HttpResponse<String> toProvider = get(start);
            assertThat(toProvider.statusCode()).as("to the provider").isEqualTo(302);
            URI authorization = location(toProvider);
            assertThat(authorization.toString()).startsWith(provider.baseUrl() + "/auth/realms/quarkus");
            Map<String, String> asked = query(authorization);
            assertThat(asked).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
                    .containsEntry("redirect_uri", base.toURI().resolve("/board/" + SOURCE + "/oidc").toString());
            assertThat(asked.get("scope")).contains("openid", "email");

            HttpResponse<String> loginPage = get(authorization);
            assertThat(loginPage.statusCode()).isEqualTo(200);
            assertThat(loginPage.body()).contains("name=\"username\"");
            // the login form's GET to /login, as the person's submit sends it
            HttpResponse<String> loggedIn = get(URI.create(provider.baseUrl() + "/login?username=" + login
                    + "&password=secret&state=" + encode(asked.get("state")) + "&redirect_uri="
                    + encode(asked.get("redirect_uri"))));
            assertThat(loggedIn.statusCode()).as("the provider sends the browser back").isEqualTo(302);

            HttpResponse<String> callback = get(location(loggedIn));
            assertThat(callback.statusCode()).as("quarkus-oidc exchanged the code").isEqualTo(302);
            URI restored = location(callback);
            assertThat(restored.getPath()).isEqualTo("/board/" + SOURCE + "/oidc");
            assertThat(restored.getRawQuery()).as("code and state are gone, back is restored")
                    .isEqualTo(start.getRawQuery());
            return get(restored);
        }

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (acceptLanguage != null) {
                request.header("Accept-Language", acceptLanguage);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    if (!cookie.getValue().isEmpty()) {
                        seen.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
            return response;
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst();
        }

        List<String> cookieNames() {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
        }

        private URI location(HttpResponse<?> response) {
            String location = response.headers().firstValue("Location").orElseThrow();
            return response.uri().resolve(location);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
