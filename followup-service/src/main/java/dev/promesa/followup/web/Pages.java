package dev.promesa.followup.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * How every board page answers: HTML in the viewer's language, with a strict Content-Security-Policy (the board's own
 * style sheet and script, nothing inline, forms only to itself), and the redirects between pages.
 */
public final class Pages {

    /** Only the board's own files; no inline script or style; forms post to the board only; never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The session cookie (package signin's {@code Sessions}): HttpOnly, SameSite=Lax, Secure behind HTTPS. */
    public static final String SESSION_COOKIE = "promesa_board";
    /** The person's language choice ({@code es} / {@code en}), made with the switch on every page. */
    public static final String LANGUAGE_COOKIE = "promesa_board_lang";

    private Pages() {
    }

    /** The request as the board reads it: the page's source, the two cookies, the browser's languages. */
    public static BoardRequest request(String source, HttpHeaders headers) {
        Map<String, Cookie> cookies = headers.getCookies();
        Cookie session = cookies.get(SESSION_COOKIE);
        Cookie language = cookies.get(LANGUAGE_COOKIE);
        return new BoardRequest(source, session == null ? null : session.getValue(),
                language == null ? null : language.getValue(), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** A page rendered with the chrome's language as the messages' locale. */
    public static Response html(int status, TemplateInstance page, Chrome chrome) {
        String body = page.setLocale(Locale.forLanguageTag(chrome.lang())).render();
        return Response.status(status).entity(body).type("text/html;charset=UTF-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, chrome.lang())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).build();
    }

    public static Response html(TemplateInstance page, Chrome chrome) {
        return html(200, page, chrome);
    }

    /** 303 See Other: after a form's POST, the browser loads the page with GET (no resubmission on reload). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** To the sign-in page, which comes back to {@code path} once the person is signed in. */
    public static Response signInFirst(String source, String path) {
        return seeOther(Chrome.base(source) + "/sign-in" + (path == null ? "" : "?back=" + encode(path)));
    }

    /**
     * A path inside this source's board to come back to, or the source's start page: never another site, never
     * another source (an open redirect would let a forged link send a signed-in person anywhere).
     */
    public static String safeBack(String source, String back) {
        String base = Chrome.base(source);
        if (back == null || !back.startsWith(base + "/") || back.startsWith("//") || back.contains("\\")
                || back.contains("..") || back.chars().anyMatch(c -> c < 0x20)) {
            return base + "/mine";
        }
        return back;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
