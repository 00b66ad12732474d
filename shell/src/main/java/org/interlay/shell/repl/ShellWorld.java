package org.interlay.shell.repl;

import java.util.List;
import java.util.Optional;

/** What a script's expectations may ask of the world beyond the shell's own events. */
public interface ShellWorld {
    /** The overlays discovery knows now. */
    int overlayCount();

    /**
     * What keeps the lab from being settled (peers that disagree on lookups, bridges missing or named
     * after a router that is gone), one phrase each, empty once settled; empty {@code Optional} when
     * this shell runs against overlays it did not start, where no one knows every peer.
     */
    Optional<List<String>> unsettled() throws InterruptedException;

    /**
     * The RTP packets that the shell's users have received from {@code aor} in their calls with it that
     * are established now, and sent to it: {sent, received}, the largest of each over those calls.
     */
    long[] audioWith(String aor);
}
