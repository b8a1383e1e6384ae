package io.loyalty.common.error;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * JAX-RS answers an unparseable path or query parameter with 404; a malformed UUID is the caller's
 * mistake, so it gets a 400 that says which value was wrong.
 */
@Provider
public class UuidParamConverterProvider implements ParamConverterProvider {

    private static final ParamConverter<UUID> CONVERTER = new ParamConverter<>() {
        @Override
        public UUID fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                if (value.length() == 36) {
                    return UUID.fromString(value);
                }
            } catch (IllegalArgumentException e) {
                // fall through
            }
            throw new BadRequestException("'" + value + "' is not a valid UUID");
        }

        @Override
        public String toString(UUID value) {
            return value == null ? null : value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) CONVERTER : null;
    }
}
