package org.planledger.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What text a request may hold: everything but controls, lone surrogates and noncharacters. */
class PlainTextTest {

    @Test
    void refusesControlCharactersOtherThanTabLineFeedAndCarriageReturn() {
        for (char control : new char[] {'\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f'}) {
            assertThat(PlainText.fault("a" + control + "b")).as("U+%04X", (int) control).contains(PlainText.CONTROL);
        }
    }

    @Test
    void refusesHalfASurrogatePair() {
        assertThat(PlainText.fault("a\ud800b")).contains(PlainText.SURROGATE);
        assertThat(PlainText.fault("a\udc00")).contains(PlainText.SURROGATE);
        assertThat(PlainText.fault("\ud800")).contains(PlainText.SURROGATE);
        assertThat(PlainText.fault("\ude80\ud83d")).contains(PlainText.SURROGATE);
    }

    @Test
    void refusesNoncharactersWhichStandForBytesThatWereNotUtf8() {
        for (String noncharacter : new String[] {"\uffff", "\ufffe", "\ufdd0", "\ufdef", "\ud83f\udffe", "\udbff\udfff"}) {
            assertThat(PlainText.fault("a" + noncharacter)).as(noncharacter).contains(PlainText.NONCHARACTER);
        }
    }

    @Test
    void takesEverythingElseAsItIs() {
        assertThat(PlainText.fault("tab\t line\n return\r <script> ' \" \\ \u202e \u2028 \ufeff \ufffd \ufdcf \ufdf0 "
                + "🚀 👩‍👩‍👧 e\u0301 \u00a0 \ud83f\udffd")).isEmpty();
        assertThat(PlainText.fault("")).isEmpty();
    }
}
