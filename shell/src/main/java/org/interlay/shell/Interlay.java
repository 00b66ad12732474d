package org.interlay.shell;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code interlay} executable: one command with a subcommand per job. */
@Command(name = "interlay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Peer-to-peer SIP overlays of different kinds (Chord, Pastry, Kademlia), found and bridged.",
        subcommands = {LabCommand.class, AttachCommand.class, NodeCommand.class, RouterCommand.class, OverlaysCommand.class,
                SimCommand.class,
                BenchCommand.class,
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
            cmd.getErr().println("interlay: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("interlay: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
