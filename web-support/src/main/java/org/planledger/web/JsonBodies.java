package org.planledger.web;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The one converter that reads request bodies, and writes JSON answers. A body is decoded as UTF-8 by Java's strict
 * decoder first: Jackson's own takes overlong forms such as C0 A2 (a quote) and, given no charset, guesses UTF-16
 * or UTF-32 from the first bytes. A sequence that is not UTF-8 becomes U+FFFF, which {@link PlainText} then refuses,
 * naming the field it is in. Then {@link StrictJson} reads it.
 */
public class JsonBodies extends JacksonJsonHttpMessageConverter {

    private static final Set<String> UNDOCUMENTED = Set.of("yaml", "xml", "cbor", "x-jackson-smile", "smile",
            "x-protobuf", "protobuf");

    public JsonBodies(JsonMapper mapper) {
        super(StrictJson.mapper(mapper));
    }

    /**
     * Whether a converter speaks a format the API does not document, which Spring registers because a library for
     * it is on the classpath (YAML for the seed file, XML, CBOR, Smile), or JSON other than through this one.
     */
    public boolean undocumented(HttpMessageConverter<?> converter) {
        return converter != this && converter.getSupportedMediaTypes().stream().anyMatch(type -> !type.isWildcardType()
                && (type.getSubtype().equals("json") || UNDOCUMENTED.contains(type.getSubtypeSuffix() == null
                ? type.getSubtype() : type.getSubtypeSuffix())));
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        String json = utf8(input.getBody());
        try {
            return getMapper().readerFor(getJavaType(type.getType(), null)).readValue(json);
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return read(ResolvableType.forClass(type), input, null);
    }

    static String utf8(InputStream body) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith("\uFFFF")
                    .decode(ByteBuffer.wrap(body.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a decoder that replaces does not throw", e);
        }
    }
}
