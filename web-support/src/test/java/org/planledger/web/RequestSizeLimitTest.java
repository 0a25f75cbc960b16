package org.planledger.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeLimitTest {

    private final RequestSizeLimit limit = new RequestSizeLimit(10, JsonMapper.builder().build());

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReadingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/bodies");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than 10 bytes");
    }

    @Test
    void stopsReadingABodyOfUndeclaredLengthAtTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/bodies") {
            @Override
            public long getContentLengthLong() {
                return -1; // sent in chunks
            }
        };
        request.setContent(new byte[11]);

        limit.doFilter(request, new MockHttpServletResponse(), (wrapped, response) -> {
            InputStream in = wrapped.getInputStream();
            assertThatThrownBy(in::readAllBytes).isInstanceOf(RequestSizeLimit.TooLarge.class);
        });
    }

    @Test
    void passesABodyWithinTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/bodies");
        request.setContent(new byte[10]);

        limit.doFilter(request, new MockHttpServletResponse(), (wrapped, response) ->
                assertThat(wrapped.getInputStream().readAllBytes()).hasSize(10));
    }
}
