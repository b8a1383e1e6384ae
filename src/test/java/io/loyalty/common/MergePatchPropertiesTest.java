package io.loyalty.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What RFC 7396 promises for every document and patch. */
class MergePatchPropertiesTest {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Few member names, so that patches and targets often share them. */
    static Arbitrary<String> names() {
        return Arbitraries.of("a", "b", "c", "d");
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(3).map(NODES::textNode),
                Arbitraries.integers().between(-5, 5).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.integers().between(0, 9).list().ofMaxSize(3)
                        .map(list -> (JsonNode) NODES.arrayNode().addAll(list.stream().map(n -> (JsonNode) NODES.numberNode(n)).toList())));
    }

    static Arbitrary<JsonNode> objectsOf(Arbitrary<JsonNode> members) {
        return Arbitraries.maps(names(), members).ofMaxSize(4).map(MergePatchPropertiesTest::object);
    }

    static JsonNode object(Map<String, JsonNode> members) {
        ObjectNode o = NODES.objectNode();
        members.forEach(o::set);
        return o;
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return Arbitraries.recursive(MergePatchPropertiesTest::scalars,
                inner -> Arbitraries.oneOf(inner, objectsOf(inner)), 0, 3);
    }

    @Provide
    Arbitrary<JsonNode> patches() {
        return Arbitraries.recursive(MergePatchPropertiesTest::scalars, MergePatchPropertiesTest::objectsOf, 1, 3);
    }

    @Property
    void applyingAPatchTwiceIsApplyingItOnce(@ForAll("documents") JsonNode target, @ForAll("patches") JsonNode patch) {
        JsonNode once = MergePatch.merge(target, patch);
        assertEquals(once, MergePatch.merge(once, patch));
    }

    @Property
    void everyMemberAPatchSetsToNullIsGoneAndEveryOtherScalarMemberIsTheNewValue(@ForAll("documents") JsonNode target,
                                                                               @ForAll("patches") JsonNode patch) {
        JsonNode merged = MergePatch.merge(target, patch);
        if (!patch.isObject()) {
            assertEquals(patch, merged, "a patch that is not an object replaces the target");
            return;
        }
        for (String name : List.copyOf(iterable(patch))) {
            JsonNode value = patch.get(name);
            if (value.isNull()) {
                assertFalse(merged.has(name), name + " is still in " + merged);
            } else if (!value.isObject()) {
                assertEquals(value, merged.get(name));
            }
        }
    }

    @Property
    void membersThePatchDoesNotNameAreKept(@ForAll("documents") JsonNode target, @ForAll("patches") JsonNode patch) {
        if (!target.isObject() || !patch.isObject()) {
            return;
        }
        JsonNode merged = MergePatch.merge(target, patch);
        for (String name : List.copyOf(iterable(target))) {
            if (!patch.has(name)) {
                assertEquals(target.get(name), merged.get(name));
            }
        }
    }

    static List<String> iterable(JsonNode object) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
