package org.planledger.query.status;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the pictures that need no database: which dates they count at, and text kept as text. */
class StatusPicturesTest {

    @Test
    void countsAtEveryQuarterEndSinceTheStartAndToday() {
        assertThat(StatusPictures.quarterEnds(LocalDate.of(2022, 7, 1), LocalDate.of(2023, 2, 10)))
                .containsExactly(LocalDate.of(2022, 9, 30), LocalDate.of(2022, 12, 31), LocalDate.of(2023, 2, 10));
        assertThat(StatusPictures.quarterEnds(LocalDate.of(2022, 9, 30), LocalDate.of(2022, 12, 31)))
                .containsExactly(LocalDate.of(2022, 9, 30), LocalDate.of(2022, 12, 31));
        assertThat(StatusPictures.quarterEnds(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5)))
                .containsExactly(LocalDate.of(2024, 3, 5));
    }

    @Test
    void textFromTheLedgerIsEscapedInThePictures() {
        String svg = new Svg("x", 10, 10, "<script>alert('a & b')</script>", "\"quoted\"").text(0, 0, "start", "<b>").end();
        assertThat(svg).contains("&lt;script&gt;alert(&#39;a &amp; b&#39;)&lt;/script&gt;")
                .contains("&quot;quoted&quot;").contains("&lt;b&gt;").doesNotContain("<script>").doesNotContain("<b>");
    }
}
