package org.planledger.web;

import java.util.Optional;

/**
 * Text in a request may hold any character except control characters other than tab, line feed and carriage
 * return (C0, DEL and C1 alike), half of a surrogate pair, and Unicode noncharacters. PostgreSQL cannot store U+0000
 * in text or jsonb at all (a projection would fail on the event for ever), a lone surrogate cannot be written as
 * UTF-8 (it would be stored as "?"), and the others have no place in a plan. Bytes that are not UTF-8 reach this
 * check as U+FFFF, a noncharacter, so that the field holding them is named ({@link JsonBodies}). The same rule holds
 * for request bodies ({@link StrictJson}) and parameters ({@link RequestChecks}); everything else is stored exactly as
 * sent.
 */
public final class PlainText {

    static final String CONTROL = "contains a control character; only tab, line feed and carriage return are allowed";
    static final String SURROGATE = "contains half of a UTF-16 surrogate pair (such as \\ud800 alone), which is not a character";
    static final String NONCHARACTER = "contains bytes that are not UTF-8, or a Unicode noncharacter such as U+FFFF";

    private PlainText() {
    }

    /** What is wrong with the text, or empty when it is plain text. */
    public static Optional<String> fault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of(CONTROL);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (isNoncharacter(text.codePointAt(i))) {
                    return Optional.of(NONCHARACTER);
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(SURROGATE);
            } else if (isNoncharacter(c)) {
                return Optional.of(NONCHARACTER);
            }
        }
        return Optional.empty();
    }

    /** U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …). */
    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
