package org.interlay.shell;

import java.util.Optional;
import java.util.Set;
import org.interlay.shell.repl.EditDistance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code interlay} executable: one command with a subcommand per job. */
@Command(name = "interlay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Peer-to-peer SIP overlays of different kinds (Chord, Pastry, Kademlia), found and bridged.",
        subcommands = {LabCommand.class, AttachCommand.class, NodeCommand.class, RouterCommand.class, OverlaysCommand.class, InteropCommand.class,
                SimCommand.class,
                BenchCommand.class,
                EnrollCommand.class,
                CommandLine.HelpCommand.class})
public final class Interlay implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Interlay's error handling: one clear line for wrong input, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Interlay());
        AlgorithmsHelpSection.addTo(cl);
        AlgorithmsHelpSection.addTo(cl.getSubcommands().get("lab"));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            Optional<String> unknown = unknownSubcommand(ex);
            if (unknown.isPresent()) {
                cmd.getErr().println("interlay: " + unknown.get());
            } else {
                cmd.getErr().println("interlay: " + ex.getMessage());
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            }
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("interlay: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof IllegalArgumentException || ex instanceof org.interlay.router.dns.DnsConfigException ? 2 : 1;
        });
        return cl;
    }

    /**
     * For a word where a subcommand goes that names none: it is unknown, and either the one command
     * close to it (by edit distance) or the list of commands.
     */
    private static Optional<String> unknownSubcommand(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return Optional.empty();
        String word = u.getUnmatched().get(0);
        Set<String> names = ex.getCommandLine().getSubcommands().keySet();
        if (word.startsWith("-") || names.isEmpty()) return Optional.empty();
        return Optional.of("unknown command '" + word + "'" + EditDistance.nearest(word, names).map(n -> "; did you mean '" + n + "'?")
                .orElse("; the commands are " + String.join(", ", names)));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
