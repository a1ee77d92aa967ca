package org.isoscoring.drools;

import org.isoscoring.drools.check.GuidanceCheck;

import java.util.List;

/**
 * The class loader the rules are compiled and run with: it refuses the JDK classes that reach outside scoring
 * (the system, processes, threads, files, network, reflection, class loading, scripting), so that a rule file
 * that slipped past the static checks of {@link GuidanceCheck} still cannot use them. The engine's own classes and
 * Drools are loaded by the parent as usual.
 */
final class GuardedClassLoader extends ClassLoader {

    private static final List<String> REFUSED = List.of(
            "java.lang.System", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Process",
            "java.lang.ProcessHandle", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.ClassLoader",
            "java.lang.Class", "java.lang.reflect.", "java.lang.invoke.MethodHandleProxies", "java.lang.invoke.VarHandle", "java.lang.ref.", "java.lang.instrument.",
            "java.lang.module.", "java.lang.StackWalker", "java.lang.SecurityManager",
            "java.io.", "java.nio.", "java.net.", "java.rmi.", "java.sql.", "java.util.concurrent.",
            "java.util.logging.", "java.util.prefs.", "java.util.zip.", "java.util.jar.", "java.util.ServiceLoader",
            "java.awt.", "javax.", "jdk.", "sun.", "com.sun.");

    GuardedClassLoader(ClassLoader parent) {
        super("isoscoring-rules", parent);
    }

    static boolean refused(String name) {
        if (name.equals("java.io.Serializable")) {
            return false; // a type a rule file declares (declare … end) is Serializable
        }
        for (String r : REFUSED) {
            if (r.endsWith(".") ? name.startsWith(r) : name.equals(r) || name.startsWith(r + "$")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (refused(name)) {
            if (Boolean.getBoolean("isoscoring.guard.log")) {
                System.err.println("guard refused " + name);
            }
            throw new ClassNotFoundException(name + " is not available to rule files / tệp quy tắc không được dùng");
        }
        return super.loadClass(name, resolve);
    }
}
