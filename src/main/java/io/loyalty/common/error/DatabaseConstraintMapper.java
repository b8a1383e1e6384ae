package io.loyalty.common.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a database constraint violation that slipped past the services' own checks (two concurrent
 * requests racing for the same unique key) into a 409 problem. Only constraint names known here are
 * described; nothing from the database message reaches the client.
 */
@Provider
public class DatabaseConstraintMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Map<String, String> MESSAGES = Map.of(
            "customer_external_id_unique", "A customer with this externalId already exists",
            "customer_email_unique", "A customer with this email already exists",
            "api_key_hash_unique", "An API key with this value already exists");

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String constraint = exception.getConstraintName() == null
                ? "" : exception.getConstraintName().toLowerCase(Locale.ROOT);
        String detail = MESSAGES.entrySet().stream()
                .filter(e -> constraint.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("The request conflicts with the current state of a resource");
        return Problems.conflict("conflict", detail).toResponse();
    }
}
