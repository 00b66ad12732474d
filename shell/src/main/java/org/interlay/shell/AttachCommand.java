package org.interlay.shell;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlay shell}: the shell against overlays already running on the network. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open the shell against overlays already running (found by discovery), e.g. ones started "
                + "with 'interlay node'.", "Example: interlay shell"})
public final class AttachCommand implements Callable<Integer> {
    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to discover on and bind user agents to. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--script", paramLabel = "FILE", description = "Run this script instead of the interactive shell.")
    Path script;

    @Override
    public Integer call() throws Exception {
        if (script != null && !Files.isReadable(script)) throw new IllegalArgumentException("cannot read script " + script);
        if (script != null && !ShellLauncher.checkScript(script, System.out)) return 1;
        try (LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(InetAddress.getByName(bind),
                "interlay-shell-" + ProcessHandle.current().pid()))) {
            discovery.start();
            return ShellLauncher.run(discovery.directory(), null, script);
        }
    }
}
