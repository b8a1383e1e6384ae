package io.loyalty.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SHA-256 of a request's content, used to tell a retry (same content) from a conflicting reuse of an
 * idempotency key. Field order, absent-versus-null and trailing zeros of numbers do not count.
 */
public final class RequestHash {
    private RequestHash() {
    }

    public static byte[] of(ObjectMapper mapper, Object request) {
        JsonNode canonical = canonical(mapper.valueToTree(request));
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull()) {
                    sorted.set(name, canonical(value));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.textNode(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        return node;
    }
}
