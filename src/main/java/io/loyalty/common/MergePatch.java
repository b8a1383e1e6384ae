package io.loyalty.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.error.JsonInputExceptionMappers;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;

/**
 * JSON Merge Patch (RFC 7396) for the PATCH operations: the stored resource is turned back into its
 * request record, the patch is merged into it (objects recursively, null removes a member, anything else
 * replaces it, arrays included), and the result is read and validated exactly like a new request, so a
 * patch can never store what a POST would refuse.
 */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, ObjectNode patch, Class<T> type) {
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T request;
        try {
            request = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw JsonInputExceptionMappers.problem(e);
        }
        List<Problem.Violation> violations = validator.validate(request).stream()
                .map(v -> new Problem.Violation(v.getPropertyPath().toString(), "body", v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        return request;
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }
}
