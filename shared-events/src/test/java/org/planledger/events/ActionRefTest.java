package org.planledger.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionRefTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsAndWritesTheDocumentedForm() {
        ActionRef ref = ActionRef.parse("chronic-pain/2023-11/7");

        assertThat(ref).isEqualTo(new ActionRef("chronic-pain", "2023-11", 7));
        assertThat(ref.toString()).isEqualTo("chronic-pain/2023-11/7");
        assertThat(ref.planVersionId()).isEqualTo("chronic-pain/2023-11");
    }

    @Test
    void isStoredInJsonAsItsString() {
        assertThat(json.writeValueAsString(new ActionRef("chronic-pain", "2022-07", 18)))
                .isEqualTo("\"chronic-pain/2022-07/18\"");
        assertThat(json.readValue("\"chronic-pain/2022-07/18\"", ActionRef.class))
                .isEqualTo(new ActionRef("chronic-pain", "2022-07", 18));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chronic-pain", "chronic-pain/2023-11", "chronic-pain/2023-11/7/1",
            "Chronic Pain/2023-11/7", "chronic-pain/2023 11/7", "chronic-pain/2023-11/seven",
            "chronic-pain/2023-11/0", "chronic-pain/2023-11/1000", "chronic-pain//7"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> ActionRef.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
