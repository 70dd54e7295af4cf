package io.dcx.service.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.dcx.service.domain.Texts;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies read into DTOs:
 * <ul>
 *   <li>a member named twice is malformed (as {@link JsonBodies} already says for the bodies it reads): which value
 *       counts would otherwise depend on the reader, and for record DTOs Jackson fails with an
 *       InvalidDefinitionException that Quarkus answers with an empty 500;</li>
 *   <li>a string with a NUL (its JSON escape, or the overlong bytes C0 80 that Jackson decodes to it) or an unpaired
 *       surrogate is refused as a 400: PostgreSQL cannot store a NUL (the insert failed with a 500) and UTF-8 has no
 *       encoding for a lone surrogate.</li>
 *   <li>bytes that are not UTF-8 are refused before Jackson reads them: its decoder takes overlong forms (C0 AF
 *       became "/", so "..&lt;C0 AF&gt;" was stored as "../") and surrogates encoded on their own (ED A0 80).</li>
 * </ul>
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setInputDecorator(new StrictUtf8());
        mapper.registerModule(new SimpleModule("dcx-well-formed-text").addDeserializer(String.class, new WellFormed()));
    }

    /** Checks a byte body with Java's strict UTF-8 decoder; bodies with 0x00 bytes (UTF-16, UTF-32) are left. */
    static final class StrictUtf8 extends InputDecorator {
        @Override
        public InputStream decorate(IOContext ctxt, InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            check(bytes, 0, bytes.length);
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) throws IOException {
            check(src, offset, length);
            return new ByteArrayInputStream(src, offset, length);
        }

        @Override
        public Reader decorate(IOContext ctxt, Reader r) {
            return r;
        }

        private static void check(byte[] b, int offset, int length) throws JsonParseException {
            for (int i = offset; i < offset + length; i++) {
                if (b[i] == 0) {
                    return;
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, offset, length));
            } catch (CharacterCodingException e) {
                throw new JsonParseException(null, "the body is not valid UTF-8 (" + e + ")");
            }
        }
    }

    static final class WellFormed extends StdScalarDeserializer<String> {
        WellFormed() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && !Texts.wellFormed(s)) {
                throw ctxt.weirdStringException(s.replace('\0', '?'), String.class,
                        "text with a NUL character or an unpaired surrogate");
            }
            return s;
        }
    }
}
