package org.interlay.log;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that keeps its lines as "LEVEL text", every level enabled. */
final class RecordingLogger {
    final List<String> lines = new ArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) return true;
                if (name.equals("getName")) return "recording";
                if (List.of("trace", "debug", "info", "warn", "error").contains(name) && args != null
                        && args[0] instanceof String pattern) {
                    Object[] rest = Arrays.copyOfRange(args, 1, args.length);
                    if (rest.length == 1 && rest[0] instanceof Object[] varargs) rest = varargs;
                    lines.add(name.toUpperCase() + " " + MessageFormatter.arrayFormat(pattern, rest).getMessage());
                    return null;
                }
                if (method.getReturnType() == boolean.class) return false;
                return null;
            });

    List<String> at(String level) {
        return lines.stream().filter(l -> l.startsWith(level + " ")).toList();
    }
}
