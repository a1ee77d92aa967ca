package org.isoscoring.drools;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fact whose values a rule's reason can quote by name, as {@code {staffTrained}}. */
public interface Quotable {

    /** Returned for a name the fact does not have. */
    Object UNKNOWN = new Object();

    /**
     * The value this fact has under {@code name}, as a reason quotes it.
     *
     * @param name the name a reason writes as {@code {name}}, for example {@code staffTrained}
     * @return the value, {@code null} for a fact given as null, or {@link #UNKNOWN} when the fact has no such name
     */
    Object quote(String name);

    /**
     * The value named of any fact a reason quotes: through {@link #quote} for the engine's and the guidance's
     * generated facts, else through the fact's public getter ({@code getAtLeast80()}), as for a type a rule file
     * declares ({@code declare CommuneTally … end}); {@link #UNKNOWN} when it has none.
     *
     * @param fact a fact given to an award after its reason, or {@code null}
     * @param name the name a reason writes as {@code {name}}, for example {@code atLeast80}
     * @return the value, {@code null} for a value that is null, or {@link #UNKNOWN} when the fact has no such name
     *         (or is {@code null}, or is not of a public class)
     */
    static Object of(Object fact, String name) {
        if (fact instanceof Quotable q) {
            return q.quote(name);
        }
        if (fact == null) {
            return UNKNOWN;
        }
        MethodHandle getter = Getters.FOR.get(fact.getClass()).get(name);
        if (getter == null) {
            return UNKNOWN;
        }
        try {
            return getter.invoke(fact);
        } catch (Throwable e) { // a getter of a declared type does not throw; if one did, the reason cannot quote it
            return UNKNOWN;
        }
    }

    /**
     * The public getters of a class by property name, found once per class, as method handles: a reflective call
     * would define an accessor class in the rules' class loader, which refuses the JDK's internals.
     */
    final class Getters {
        static final ClassValue<Map<String, MethodHandle>> FOR = new ClassValue<>() {
            @Override
            protected Map<String, MethodHandle> computeValue(Class<?> type) {
                Map<String, MethodHandle> getters = new ConcurrentHashMap<>();
                if (!Modifier.isPublic(type.getModifiers())) {
                    return getters;
                }
                for (Method m : type.getMethods()) {
                    String n = m.getName();
                    if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    String property = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                            : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? n.substring(2)
                            : null;
                    if (property == null) {
                        continue;
                    }
                    try {
                        getters.put(Character.toLowerCase(property.charAt(0)) + property.substring(1),
                                MethodHandles.publicLookup().unreflect(m));
                    } catch (IllegalAccessException e) {
                        // not public after all: not quotable
                    }
                }
                return getters;
            }
        };

        private Getters() {
        }
    }
}
