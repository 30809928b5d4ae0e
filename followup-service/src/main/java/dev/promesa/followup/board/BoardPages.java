package dev.promesa.followup.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.promesa.followup.board.BoardQueries.PromiseRow;
import dev.promesa.followup.board.BoardViews.AgentGroup;
import dev.promesa.followup.board.BoardViews.ClockItem;
import dev.promesa.followup.board.BoardViews.Counts;
import dev.promesa.followup.operator.TicketEmails;
import dev.promesa.followup.signin.People;
import dev.promesa.followup.signin.Secrets;
import dev.promesa.followup.signin.Sessions;
import dev.promesa.followup.web.BoardRequest;
import dev.promesa.followup.web.Chrome;
import dev.promesa.followup.web.Pages;
import dev.promesa.followup.web.Viewer;

/**
 * The board's promise pages: My promises, Team, and a ticket. Each page has a live part ({@code …/live}) that the
 * page's script asks for once a second with the version it shows: 204 when nothing changed, else the part's new
 * content. A page a viewer may not see answers exactly like one that does not exist (404).
 */
@Path("/board/{source}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = "Board", description = "The web pages where agents and leads see and act on their promises; HTML, "
        + "signed in per person")
public class BoardPages {

    static final String VERSION_HEADER = "X-Board-Version";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(Chrome chrome, MinePage page);

        static native TemplateInstance mine$live(Chrome chrome, MinePage page);

        static native TemplateInstance team(Chrome chrome, TeamPage page);

        static native TemplateInstance team$live(Chrome chrome, TeamPage page);

        static native TemplateInstance ticket(Chrome chrome, TicketPage page, EmailList emails);

        static native TemplateInstance ticket$live(Chrome chrome, TicketPage page);

        static native TemplateInstance notFound(Chrome chrome);
    }

    /** The ticket's emails as notifier holds them ({@code known} false: notifier not connected or not answering). */
    public record EmailList(boolean known, List<TicketEmails.Email> items) {
    }

    public record MinePage(List<PromiseItem> items, Counts counts, List<ClockItem> clocks, String notice,
            String error, String version) {
    }

    /**
     * @param teams the teams this viewer may open (the switch); {@code agent} set: only that agent's promises, all
     */
    public record TeamPage(String team, List<String> teams, String agent, List<AgentGroup> agents, Counts counts,
            List<ClockItem> clocks, String version) {
        public boolean oneAgent() {
            return agent != null;
        }
    }

    private final Sessions sessions;
    private final People people;
    private final BoardQueries queries;
    private final TicketPages tickets;
    private final TicketEmails emails;

    BoardPages(Sessions sessions, People people, BoardQueries queries, TicketPages tickets, TicketEmails emails) {
        this.sessions = sessions;
        this.people = people;
        this.queries = queries;
        this.tickets = tickets;
        this.emails = emails;
    }

    /** The address to give people: their promises once signed in, else the sign-in. */
    @GET
    @Operation(summary = "The board's start: My promises, or the sign-in first")
    public Response start(@PathParam("source") String source) {
        return Pages.seeOther(Chrome.base(source) + "/mine");
    }

    /** Signs out: ends the session (CSRF-checked, so another site cannot sign a person out) and clears the cookie. */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out of the board")
    public Response signOut(@PathParam("source") String source, @FormParam("csrf") String csrf,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        BoardRequest request = Pages.request(source, headers);
        Optional<Viewer> viewer = sessions.viewer(request);
        if (viewer.isPresent() && !Secrets.same(viewer.get().csrfToken(), csrf)) {
            return Pages.seeOther(Chrome.base(source) + "/mine");
        }
        sessions.close(request.sessionCookie());
        return Response.fromResponse(Pages.seeOther(Chrome.base(source) + "/sign-in?notice=signed-out"))
                .cookie(sessions.clearedCookie(uri)).build();
    }

    /** The language switch on every page: remembered in a cookie, then back to the same page. */
    @GET
    @Path("/language")
    @Operation(summary = "Switch the board's language (es, en)")
    public Response language(@PathParam("source") String source, @QueryParam("to") String to,
            @QueryParam("back") String back, @Context UriInfo uri) {
        return Response.fromResponse(Pages.seeOther(Pages.safeBack(source, back)))
                .cookie(sessions.languageCookie(to, uri)).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My promises: the signed-in person's open and suggested promises, due soonest first")
    public Response mine(@PathParam("source") String source, @QueryParam("notice") String notice,
            @QueryParam("error") String error, @Context HttpHeaders headers, @Context UriInfo uri) {
        return signedIn(source, headers, uri, viewer -> {
            MinePage page = mine(viewer, notice, error);
            return Pages.html(Templates.mine(chrome(viewer, "mine", uri), page), chrome(viewer, "mine", uri));
        });
    }

    @GET
    @Path("/mine/live")
    @Operation(summary = "My promises, the live part: 204 when the version given is still current")
    public Response mineLive(@PathParam("source") String source, @QueryParam("since") String since,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return live(source, headers, since, viewer -> {
            MinePage page = mine(viewer, null, null);
            return new Live(page.version(), () -> Templates.mine$live(chrome(viewer, "mine", uri), page));
        });
    }

    @GET
    @Path("/team")
    @Operation(summary = "Team: a team's open promises by agent, with counts (leads, operators, the team's agents)")
    public Response team(@PathParam("source") String source, @QueryParam("team") String team,
            @QueryParam("agent") String agent, @Context HttpHeaders headers, @Context UriInfo uri) {
        return signedIn(source, headers, uri, viewer -> team(viewer, team, agent)
                .map(page -> Pages.html(Templates.team(chrome(viewer, "team", uri), page),
                        chrome(viewer, "team", uri)))
                .orElseGet(() -> notFound(viewer, uri)));
    }

    @GET
    @Path("/team/live")
    @Operation(summary = "Team, the live part: 204 when the version given is still current")
    public Response teamLive(@PathParam("source") String source, @QueryParam("team") String team,
            @QueryParam("agent") String agent, @QueryParam("since") String since, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return live(source, headers, since, viewer -> team(viewer, team, agent)
                .map(page -> new Live(page.version(), () -> Templates.team$live(chrome(viewer, "team", uri), page)))
                .orElse(null));
    }

    @GET
    @Path("/tickets/{ticketId}")
    @Operation(summary = "A ticket: its promises, clocks, next alerts and whole history, every email included")
    public Response ticket(@PathParam("source") String source, @PathParam("ticketId") String ticketId,
            @QueryParam("notice") String notice, @QueryParam("error") String error, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return signedIn(source, headers, uri, viewer -> tickets.page(viewer, ticketId, notice, error)
                .map(page -> Pages.html(Templates.ticket(chrome(viewer, "ticket", uri), page,
                        emails.of(viewer, ticketId).map(list -> new EmailList(true, list))
                                .orElse(new EmailList(false, List.of()))),
                        chrome(viewer, "ticket", uri)))
                .orElseGet(() -> notFound(viewer, uri)));
    }

    @GET
    @Path("/tickets/{ticketId}/live")
    @Operation(summary = "A ticket, the live part: 204 when the version given is still current")
    public Response ticketLive(@PathParam("source") String source, @PathParam("ticketId") String ticketId,
            @QueryParam("since") String since, @Context HttpHeaders headers, @Context UriInfo uri) {
        return live(source, headers, since, viewer -> tickets.page(viewer, ticketId, null, null)
                .map(page -> new Live(page.version(),
                        () -> Templates.ticket$live(chrome(viewer, "ticket", uri), page)))
                .orElse(null));
    }

    private MinePage mine(Viewer viewer, String notice, String error) {
        Instant now = queries.now();
        List<PromiseItem> items = BoardViews.items(queries.mine(viewer, now), now, viewer.zone(), viewer.language());
        List<ClockItem> clocks = BoardViews.clocks(queries.myClocks(viewer, now), now, viewer.zone(),
                viewer.language());
        return new MinePage(items, Counts.of(items), clocks, notice, error,
                BoardViews.version(viewer.language(), items, clocks));
    }

    /** The team page, if the viewer may open that team (no team given: the first they may). */
    private Optional<TeamPage> team(Viewer viewer, String team, String agent) {
        List<String> teams = viewer.operator()
                ? queries.teams(viewer.source())
                : new ArrayList<>(new java.util.TreeSet<>(viewer.visibleTeams()));
        String chosen = team == null || team.isBlank() ? teams.stream().findFirst().orElse(null) : team;
        if (chosen == null) {
            return teams.isEmpty() && (team == null || team.isBlank())
                    ? Optional.of(new TeamPage(null, teams, null, List.of(), new Counts(0, 0, 0, 0), List.of(), ""))
                    : Optional.empty();
        }
        if (!teams.contains(chosen)) {
            return Optional.empty();
        }
        Instant now = queries.now();
        List<PromiseRow> rows = queries.team(viewer.source(), chosen, now);
        String only = agent == null || agent.isBlank() ? null : agent.strip().toLowerCase(java.util.Locale.ROOT);
        if (only != null) {
            rows = rows.stream().filter(r -> r.agentKey().equals(only)).toList();
        }
        List<AgentGroup> agents = BoardViews.byAgent(rows, only == null ? BoardViews.PER_AGENT : rows.size(),
                row -> BoardViews.item(row, now, viewer.zone(), viewer.language()));
        List<ClockItem> clocks = BoardViews.clocks(queries.teamClocks(viewer.source(), chosen, now), now,
                viewer.zone(), viewer.language());
        return Optional.of(new TeamPage(chosen, teams, only, agents, Counts.ofRows(rows), clocks,
                BoardViews.version(viewer.language(), agents, clocks)));
    }

    /** A live part: its version and how to render it (only when it changed). */
    record Live(String version, java.util.function.Supplier<TemplateInstance> render) {
    }

    private Response live(String source, HttpHeaders headers, String since, Function<Viewer, Live> part) {
        Optional<Viewer> viewer = sessions.viewer(Pages.request(source, headers));
        if (viewer.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Live live = part.apply(viewer.get());
        if (live == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (live.version().equals(since)) {
            return Response.noContent().build();
        }
        return Response.ok(live.render().get().setLocale(java.util.Locale.forLanguageTag(viewer.get().language()))
                .render()).type(MediaType.TEXT_HTML + ";charset=UTF-8").header(VERSION_HEADER, live.version())
                .build();
    }

    private Response signedIn(String source, HttpHeaders headers, UriInfo uri, Function<Viewer, Response> page) {
        Optional<Viewer> viewer = sessions.viewer(Pages.request(source, headers));
        if (viewer.isEmpty()) {
            return Pages.signInFirst(source, path(uri));
        }
        return page.apply(viewer.get());
    }

    private Response notFound(Viewer viewer, UriInfo uri) {
        Chrome chrome = chrome(viewer, "", uri);
        return Pages.html(404, Templates.notFound(chrome), chrome);
    }

    private Chrome chrome(Viewer viewer, String section, UriInfo uri) {
        return new Chrome(viewer.source(), people.deskName(viewer.source()), viewer, viewer.language(), section,
                path(uri));
    }

    /** The page's own path and query, where the language switch and the sign-in come back to. */
    static String path(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
