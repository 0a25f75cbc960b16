package org.planledger.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused request's path as a problem's instance: always a valid URI reference, whatever the path held. */
class ProblemsTest {

    @Test
    void keepsAPathThatIsAlreadyAUri() {
        assertThat(Problems.instance("/api/plans/chronic-pain/status")).hasToString("/api/plans/chronic-pain/status");
        assertThat(Problems.instance("/api/plans/a%2Fb")).hasToString("/api/plans/a%2Fb");
    }

    @Test
    void encodesWhatAUriMayNotHold() {
        assertThat(Problems.instance("/a\\b c\"<>{}|^`")).hasToString("/a%5Cb%20c%22%3C%3E%7B%7D%7C%5E%60");
        assertThat(Problems.instance("/%zz/%")).hasToString("/%25zz/%25");
        assertThat(Problems.instance("/caf\u00e9/\ud83d\ude80")).hasToString("/caf%C3%A9/%F0%9F%9A%80");
        assertThat(Problems.instance("/\u0000\n")).hasToString("/%00%0A");
    }

    @Test
    void cutsALongPath() {
        assertThat(Problems.instance("/" + "a".repeat(10_000)).toString()).hasSize(200);
        assertThat(Problems.instance(null)).hasToString("/");
    }
}
