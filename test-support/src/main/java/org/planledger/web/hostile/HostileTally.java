package org.planledger.web.hostile;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts what a hostile-input suite sent and what came back: requests, 5xx answers, refusals that were not
 * problem+json (type, title, status, detail and instance, the status matching the answer's), and refusals after
 * which the event store had grown. The last three must be none.
 */
public final class HostileTally {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String suite;
    private final LongSupplier storedEvents;
    private final HostileTally whole;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private int requests;
    private int serverErrors;
    private int notProblem;
    private int appendedOnRefusal;
    private int htmlPages;

    /** @param storedEvents how many events the store holds, read before and after each request */
    public HostileTally(String suite, LongSupplier storedEvents) {
        this(suite, storedEvents, null);
    }

    private HostileTally(String suite, LongSupplier storedEvents, HostileTally whole) {
        this.suite = suite;
        this.storedEvents = storedEvents;
        this.whole = whole;
    }

    /** A part of the suite (one test), counted on its own and in the whole. */
    public HostileTally part(String name) {
        return new HostileTally(suite + ", " + name, storedEvents, this);
    }

    /** An API request: an error must be problem+json. */
    public RawHttp.Answer api(String kind, Supplier<RawHttp.Answer> send) {
        return record(kind, send, false);
    }

    /**
     * A browser's request for a page: an error may be the site's own HTML error page instead of problem+json (see
     * docs/security.md), but never Tomcat's page, and never a 5xx.
     */
    public RawHttp.Answer page(String kind, Supplier<RawHttp.Answer> send) {
        return record(kind, send, true);
    }

    private RawHttp.Answer record(String kind, Supplier<RawHttp.Answer> send, boolean pageAllowed) {
        long before = storedEvents.getAsLong();
        RawHttp.Answer answer = send.get();
        long after = storedEvents.getAsLong();
        boolean problem = isProblem(answer);
        boolean page = pageAllowed && isSitePage(answer);
        for (HostileTally tally = this; tally != null; tally = tally.whole) {
            tally.count(kind, answer, after - before, problem, page);
        }
        return answer;
    }

    private void count(String kind, RawHttp.Answer answer, long appended, boolean problem, boolean page) {
        requests++;
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() == RawHttp.CLOSED) {
            closed.add(kind);
        }
        if (answer.status() >= 500) {
            serverErrors++;
            failures.add(kind + ": " + answer.status() + " " + shown(answer.body()));
        }
        if (answer.status() >= 400 && appended != 0) {
            appendedOnRefusal++;
            failures.add(kind + ": refused with " + answer.status() + " but " + appended + " events were appended");
        }
        if (answer.status() >= 400 && !problem) {
            if (page) {
                htmlPages++;
            } else {
                notProblem++;
                failures.add(kind + ": " + answer.status() + " answered as " + answer.contentType() + ": " + shown(answer.body()));
            }
        }
    }

    /** problem+json with all five members, its status the answer's (an answer to HEAD has no body to check). */
    public static boolean isProblem(RawHttp.Answer answer) {
        try {
            if (!MediaType.parseMediaType(answer.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
            if (answer.toHead()) {
                return true;
            }
            JsonNode problem = JSON.readTree(answer.body());
            return List.of("type", "title", "detail", "instance").stream()
                    .allMatch(member -> problem.path(member).isString() && !problem.path(member).asString().isBlank())
                    && problem.path("status").asInt() == answer.status();
        } catch (InvalidMediaTypeException | tools.jackson.core.JacksonException e) {
            return false;
        }
    }

    /** The site's own error page (GOV.UK Frontend), not Tomcat's (an answer to HEAD shows only its type). */
    static boolean isSitePage(RawHttp.Answer answer) {
        return answer.contentType().startsWith("text/html") && (answer.toHead() || answer.body().contains("govuk-"))
                && !answer.body().contains("Apache Tomcat") && !answer.body().contains("<h1>HTTP Status");
    }

    public int requests() {
        return requests;
    }

    /** Prints the figures (for the closing note) and fails on any 5xx, non-problem answer or append. */
    public void report() {
        System.out.printf("hostile input, %s: %d requests, %d 5xx, %d not problem+json, %d appended on refusal "
                        + "(%d browser page requests answered with the site's HTML error page; %d connections closed "
                        + "without an answer: %s); answers by status %s%n",
                suite, requests, serverErrors, notProblem, appendedOnRefusal, htmlPages, closed.size(), closed, statuses);
        assertThat(failures).as(suite).isEmpty();
        assertThat(serverErrors + notProblem + appendedOnRefusal).isZero();
    }

    private static String shown(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
