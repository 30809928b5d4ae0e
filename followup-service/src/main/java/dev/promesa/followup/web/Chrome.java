package dev.promesa.followup.web;

/**
 * What every board page shows around its content (templates/board/layout.html): the desk's name, the navigation for
 * the signed-in person, the language switch. {@code viewer} is null on the sign-in pages.
 *
 * @param section the navigation entry of this page: {@code mine}, {@code team}, {@code ticket}, {@code operator} or
 *                {@code sign-in}
 * @param path    this page's own path, where the language switch comes back to
 */
public record Chrome(String source, String deskName, Viewer viewer, String lang, String section, String path) {

    /** Every page of one source lives under this path. */
    public static String base(String source) {
        return "/board/" + source;
    }

    public String base() {
        return base(source);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** The Team entry: for leads and operators, and for agents who belong to a team. */
    public boolean showsTeams() {
        return viewer != null && (viewer.operator() || !viewer.visibleTeams().isEmpty());
    }

    public boolean operator() {
        return viewer != null && viewer.operator();
    }

    /** The zone the page's times are in (the viewer's). */
    public String zoneId() {
        return viewer == null ? "" : viewer.zone().getId();
    }

    /** This page's path as a query parameter's value. */
    public String pathParam() {
        return java.net.URLEncoder.encode(path == null ? "" : path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The other language, for the switch. */
    public String otherLang() {
        return "en".equals(lang) ? "es" : "en";
    }
}
