package io.dcx.service.api.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Whole numbers of request bodies taken only as JSON integers: Jackson would otherwise read {@code "100"} as 100 and
 * {@code 1.5} as 1 (the fraction silently dropped). Anything else is a MismatchedInputException, a 400.
 */
public final class StrictNumbers {
    private StrictNumbers() {
    }

    public static final class Int extends StdDeserializer<Integer> {
        public Int() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }

    public static final class Long extends StdDeserializer<java.lang.Long> {
        public Long() {
            super(java.lang.Long.class);
        }

        @Override
        public java.lang.Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && (p.getNumberType() == JsonParser.NumberType.INT
                    || p.getNumberType() == JsonParser.NumberType.LONG)) {
                return p.getLongValue();
            }
            return (java.lang.Long) ctxt.handleUnexpectedToken(java.lang.Long.class, p);
        }
    }
}
