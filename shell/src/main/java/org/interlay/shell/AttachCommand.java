package org.interlay.shell;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.shell.repl.ScriptFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlay shell}: the shell against overlays already running on the network. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open the shell against overlays already running (found by discovery), e.g. ones started "
                + "with 'interlay node'.", "Example: interlay shell"})
public final class AttachCommand implements Callable<Integer> {
    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address every socket binds (discovery, the users' agents, lookups), and the one their "
                    + "contacts name. Default: ${DEFAULT-VALUE} (nothing leaves this host).")
    String bind;

    @Option(names = "--script", paramLabel = "FILE", description = "Run this script instead of the interactive shell.")
    Path script;

    @Override
    public Integer call() throws Exception {
        ScriptFile lines = script == null ? null : ScriptFile.read(script);
        if (lines != null && !ShellLauncher.checkScript(lines, System.out)) return 1;
        InetAddress bindAddress = InetAddress.getByName(bind);
        LoopbackNotice.printIfLoopback(bindAddress, System.err);
        try (LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(bindAddress,
                "interlay-shell-" + ProcessHandle.current().pid()))) {
            discovery.start();
            return ShellLauncher.run(discovery.directory(), null, bindAddress, lines);
        }
    }
}
