package io.loyalty.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON Merge Patch as RFC 7396 defines it, without the application. */
class MergePatchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The examples of RFC 7396, appendix A: target, patch, result. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\":\"b\"}                | {\"a\":\"c\"}                    | {\"a\":\"c\"}",
            "{\"a\":\"b\"}                | {\"b\":\"c\"}                    | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}                | {\"a\":null}                     | {}",
            "{\"a\":\"b\",\"b\":\"c\"}    | {\"a\":null}                     | {\"b\":\"c\"}",
            "{\"a\":[\"b\"]}              | {\"a\":\"c\"}                    | {\"a\":\"c\"}",
            "{\"a\":\"c\"}                | {\"a\":[\"b\"]}                  | {\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}        | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]}      | {\"a\":[1]}                      | {\"a\":[1]}",
            "[\"a\",\"b\"]                | [\"c\",\"d\"]                    | [\"c\",\"d\"]",
            "{\"a\":\"b\"}                | [\"c\"]                          | [\"c\"]",
            "{\"a\":\"foo\"}              | null                             | null",
            "{\"a\":\"foo\"}              | \"bar\"                          | \"bar\"",
            "{\"e\":null}                 | {\"a\":1}                        | {\"e\":null,\"a\":1}",
            "[1,2]                        | {\"a\":\"b\",\"c\":null}         | {\"a\":\"b\"}",
            "{}                           | {\"a\":{\"bb\":{\"ccc\":null}}}  | {\"a\":{\"bb\":{}}}"})
    void theExamplesOfRfc7396(String target, String patch, String result) {
        assertEquals(json(result), MergePatch.merge(json(target), json(patch)));
    }

    @Test
    void nestedObjectsMergeMemberByMemberAtEveryDepth() {
        JsonNode target = json("{\"name\":\"Gold\",\"expiry\":{\"type\":\"AFTER\",\"after\":\"P12M\",\"window\":{\"from\":1,\"to\":2}}}");
        JsonNode patch = json("{\"expiry\":{\"after\":\"P6M\",\"window\":{\"to\":3}}}");
        assertEquals(json("{\"name\":\"Gold\",\"expiry\":{\"type\":\"AFTER\",\"after\":\"P6M\",\"window\":{\"from\":1,\"to\":3}}}"),
                MergePatch.merge(target, patch));
    }

    @Test
    void anObjectPatchOnAMissingTargetBuildsTheObjectWithoutItsNulls() {
        assertEquals(json("{\"a\":{\"b\":1}}"), MergePatch.merge(null, json("{\"a\":{\"b\":1,\"c\":null}}")));
    }

    @Test
    void anEmptyPatchChangesNothing() {
        JsonNode target = json("{\"a\":[1,2],\"b\":{\"c\":null}}");
        assertEquals(target, MergePatch.merge(target, json("{}")));
    }

    @Test
    void theTargetIsLeftAsItWas() {
        ObjectNode target = (ObjectNode) json("{\"a\":{\"b\":1},\"c\":2}");
        MergePatch.merge(target, json("{\"a\":{\"b\":5},\"c\":null}"));
        assertEquals(json("{\"a\":{\"b\":1},\"c\":2}"), target);
    }
}
