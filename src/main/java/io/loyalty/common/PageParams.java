package io.loyalty.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code after} query parameters shared by every list endpoint. They arrive as
 * strings so that a non-number is a 400 naming the parameter rather than JAX-RS's 404.
 */
public class PageParams {
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 500.",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500"))
    String limit;

    @QueryParam("after")
    @Parameter(description = "The `nextCursor` of the previous page; omit for the first page.")
    String after;

    public PageRequest toRequest() {
        return PageRequest.of(limit, after);
    }
}
