package org.planledger.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicUrlTest {

    @Test
    void isAnOriginWrittenOneWay() {
        assertThat(new PublicUrl("HTTPS://Ledger.Example.org:443/", new MockEnvironment()).origin())
                .isEqualTo("https://ledger.example.org");
        assertThat(new PublicUrl("http://localhost:8082", new MockEnvironment()).origin()).isEqualTo("http://localhost:8082");
    }

    @Test
    void defaultsToLocalhostOnThePortTheServerListensOn() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");
        PublicUrl url = new PublicUrl(" ", environment);
        environment.setProperty("local.server.port", "41234");
        assertThat(url.origin()).isEqualTo("http://localhost:41234");
    }

    @Test
    void refusesAnythingButAnHttpOrigin() {
        for (String bad : new String[]{"ledger.example.org", "ftp://ledger.example.org", "https://ledger.example.org/plan",
                "https://ledger.example.org?x=1", "https://user@ledger.example.org", "https://"}) {
            assertThatThrownBy(() -> new PublicUrl(bad, new MockEnvironment())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan-ledger.public-url");
        }
    }

    @Test
    void readsTheOriginOfAnyHttpUrlAndNothingElse() {
        assertThat(PublicUrl.originOf("http://LOCALHOST:80/plans/x?asOf=1")).contains("http://localhost");
        assertThat(PublicUrl.originOf("https://evil.example:8443")).contains("https://evil.example:8443");
        assertThat(PublicUrl.originOf("null")).isEmpty();
        assertThat(PublicUrl.originOf("data:text/html,x")).isEmpty();
        assertThat(PublicUrl.originOf("http://localhost:8082@evil.example")).isEmpty();
        assertThat(PublicUrl.originOf("not a url")).isEmpty();
    }
}
