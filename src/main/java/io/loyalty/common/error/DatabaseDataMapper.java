package io.loyalty.common.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A value the database cannot store or compare (SQLSTATE class 22, "data exception"), such as a NUL
 * character, which PostgreSQL refuses in any text column or parameter. Whatever field it came from, it is
 * the client's input, so it is a 400; the database message stays in the log.
 */
public class DatabaseDataMapper {

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response map(DataException exception, UriInfo uriInfo) {
        String detail = "22021".equals(exception.getSQLState())
                ? "Text must not contain the NUL character (U+0000)"
                : "A value in the request is outside what can be stored";
        return Problems.respond(Problems.badRequest(detail), uriInfo);
    }
}
