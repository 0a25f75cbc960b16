package org.planledger.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request body may hold any character except the control characters other than tab, line feed and
 * carriage return. PostgreSQL cannot store U+0000 in text or jsonb at all (a projection would fail on the event for
 * ever), and the others have no place in a plan; everything else is stored exactly as sent.
 */
public final class PlainText {

    static final String MESSAGE = "contains a control character; only tab, line feed and carriage return are allowed";

    private PlainText() {
    }

    public static JacksonModule module() {
        return new SimpleModule("plain-text").addDeserializer(String.class, new Deserializer());
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && hasControlCharacter(value)) {
                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
