package io.loyalty.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Unreadable request bodies. The extension's own Jackson mappers put Jackson's messages, which name
 * Java classes, into the detail; these describe the problem in the API's terms instead. Malformed JSON
 * reaches us wrapped in a 400 WebApplicationException by the JSON reader, so that wrapper is unwrapped
 * here too.
 */
public class JsonInputExceptionMappers {

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY, value = {
            JsonProcessingException.class, StreamReadException.class, DatabindException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response mapJson(JsonProcessingException exception, UriInfo uriInfo) {
        return Problems.respond(problem(exception), uriInfo);
    }

    /**
     * Every WebApplicationException passes here, because a mapper cannot hand an exception back to the
     * extension's: unreadable JSON gets the description above, the rest (404, 405, 415, ...) a problem
     * with their status and the JAX-RS headers (Allow, ...) kept.
     */
    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response mapWebApplication(WebApplicationException exception, UriInfo uriInfo) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return Problems.respond(problem(json), uriInfo);
        }
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String message = exception.getMessage();
        boolean generic = message == null || message.startsWith("HTTP " + status.getStatusCode());
        Map<String, String> headers = new LinkedHashMap<>();
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, String.join(", ", values));
            }
        });
        return Problems.respond(ProblemTypePostProcessor.withType(
                Problems.ofStatus(status, generic ? null : message, headers)), uriInfo);
    }

    /** Describes unreadable JSON in the API's terms; also used where services read JSON themselves. */
    public static HttpProblem problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Problems.invalidField(path(u), "body", "is not a known field");
        }
        if (e instanceof ValueInstantiationException v) {
            return Problems.invalidField(path(v), "body", "has an invalid value");
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return Problems.invalidField(path(m), "body", "must be " + expected(m.getTargetType()));
        }
        if (e instanceof MismatchedInputException) {
            return Problems.badRequest("The request body must be a JSON object");
        }
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return Problems.badRequest("The request body is not well-formed JSON" + where);
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return joined.isEmpty() ? "body" : joined;
    }

    private static final Map<Class<?>, String> EXPECTED = Map.ofEntries(
            Map.entry(String.class, "a string"),
            Map.entry(UUID.class, "a UUID"),
            Map.entry(LocalDate.class, "a date such as 2026-01-31"),
            Map.entry(Instant.class, "an ISO-8601 timestamp with offset such as 2026-01-31T18:30:00Z"),
            Map.entry(OffsetDateTime.class, "an ISO-8601 timestamp with offset such as 2026-01-31T18:30:00Z"),
            Map.entry(ZonedDateTime.class, "an ISO-8601 timestamp with offset such as 2026-01-31T18:30:00Z"),
            Map.entry(BigDecimal.class, "a decimal number"),
            Map.entry(BigInteger.class, "a whole number"),
            Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"));

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        String known = EXPECTED.get(type);
        return known != null ? known : "a JSON object";
    }
}
