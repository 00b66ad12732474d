package org.interlay.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code interlay} command line in this JVM, parsed as the executable parses it: its exit
 * code and what it printed on standard output and standard error.
 */
record CommandLineRun(int code, String out, String err) {
    static CommandLineRun interlay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Interlay.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }
}
