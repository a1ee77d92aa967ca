package org.isoscoring.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts of a {@link Facts} by their JSON names, in contract order. */
final class FactValues {

    private static final List<RecordComponent> COMPONENTS = List.of(Facts.class.getRecordComponents());

    private FactValues() {
    }

    static List<RecordComponent> components() {
        return COMPONENTS;
    }

    static Map<String, Object> of(Facts facts) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(facts));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read fact " + c.getName(), e);
            }
        }
        return values;
    }
}
