package io.loyalty.common.error;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * JAX-RS answers an unknown enum value in a path or query parameter with 404; it is the caller's
 * mistake, so it gets a 400 that names the parameter and the values it accepts.
 */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = Arrays.stream(annotations == null ? new Annotation[0] : annotations)
                .map(a -> a instanceof QueryParam q ? q.value()
                        : a instanceof PathParam p ? p.value()
                        : a instanceof HeaderParam h ? h.value() : null)
                .filter(n -> n != null)
                .findFirst().orElse("parameter");
        Class<Enum> type = (Class<Enum>) rawType;
        String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return (ParamConverter<T>) new ParamConverter<Enum>() {
            @Override
            public Enum fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return Enum.valueOf(type, value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(name + ": '" + value + "' is not one of " + accepted);
                }
            }

            @Override
            public String toString(Enum value) {
                return value == null ? null : value.name();
            }
        };
    }
}
