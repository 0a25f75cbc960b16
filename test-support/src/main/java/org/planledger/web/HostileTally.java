package org.planledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile suite counts of the refusals it provokes: requests, answers by status, 5xx, answers that are not
 * the refusal they should be (problem+json on the API, the error page on the web pages), and events appended. It
 * fails on any 5xx, any answer of the wrong kind, and any append.
 */
public final class HostileTally {

    private final String suite;
    private final Predicate<RawHttp.Answer> refusal;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();
    private int requests;
    private int serverErrors;

    /** @param refusal what a proper refusal looks like here */
    public HostileTally(String suite, Predicate<RawHttp.Answer> refusal) {
        this.suite = suite;
        this.refusal = refusal;
    }

    /** Counts an answer that must be a refusal with {@code status}. */
    public RawHttp.Answer refused(String what, int status, RawHttp.Answer answer) {
        requests++;
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500) {
            serverErrors++;
        }
        if (answer.status() != status || !refusal.test(answer)) {
            wrong.add(what + ": " + answer.status() + " " + answer.header("Content-Type"));
        }
        return answer;
    }

    /** Prints the counts and fails on any 5xx, wrong answer, or event appended while refusing. */
    public void assertClean(long appended) {
        System.out.printf("%s: %d requests, answers %s, 5xx %d, not a proper refusal %d, appended %d%n", suite,
                requests, statuses, serverErrors, wrong.size(), appended);
        assertThat(serverErrors).as(suite + ": 5xx answers").isZero();
        assertThat(wrong).as(suite + ": answers that are not the refusal expected").isEmpty();
        assertThat(appended).as(suite + ": events appended while refusing").isZero();
    }
}
