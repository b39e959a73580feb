package dev.lifeboat.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** Flat string maps (run parameters, annotations, step records) as JSON text columns, keys sorted. */
final class JsonMaps {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    String write(Map<String, String> values) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            // The values stay out of the message: they may be anything an adapter kept.
            throw new IllegalStateException("could not write a map as JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    Map<String, String> read(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state store holds a map that is not JSON of strings ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
